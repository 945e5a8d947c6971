package dev.eloquent.driver.mongo;

import com.mongodb.client.MongoCursor;
import dev.eloquent.api.Cursor;
import dev.eloquent.api.EloquentException;
import dev.eloquent.api.Rows;
import org.bson.Document;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Rows read from a MongoDB cursor, one batch in memory at a time; closing it (or reading it to the
 * end) closes the server cursor and reports the command, with the rows read, to the listener.
 *
 * <p>Columns: a projected read knows them. A read of whole documents takes them from the first batch
 * ({@link #BATCH} documents: every field seen there, in order of first appearance; a field a document lacks reads as null), since
 * documents need not share fields. A document read later with a field the first batch did not have is
 * never dropped silently: {@link #drain()} (what lists are built on) widens its columns to every field
 * of every document; reading row by row fails naming the field, since a cursor's columns are fixed.
 */
final class MongoRowCursor implements Cursor {
    /**
     * Documents per batch, set on every read so that every server batches alike (MongoDB's own first
     * batch is 101 documents; the in-process test server sends everything at once): the first batch
     * names the columns of a whole-document read, and at most this many documents are in memory.
     */
    static final int BATCH = 1000;
    private final MongoCursor<Document> source;
    private final MongoCommands commands;
    private final MongoCommands.Command command;
    private final Deque<Document> buffered = new ArrayDeque<>();
    private final List<String> columns;
    private final List<String> fields;
    /** Whether the columns come from the documents (a read of whole documents), not from a projection. */
    private final boolean wholeDocuments;
    private Object[] emptyRow;
    private long rows;
    private long nanos;
    private boolean finished;

    private MongoRowCursor(MongoCursor<Document> source, MongoCommands commands, MongoCommands.Command command,
                           List<String> columns, List<String> fields, Object[] emptyRow, long nanos) {
        this.source = source;
        this.commands = commands;
        this.command = command;
        this.nanos = nanos;
        this.wholeDocuments = columns == null;
        if (wholeDocuments) {
            fill(); // whole documents: the first batch names the columns
            Set<String> seen = new LinkedHashSet<>();
            buffered.forEach(document -> seen.addAll(document.keySet()));
            this.columns = List.copyOf(seen);
            this.fields = this.columns;
        } else {
            this.columns = List.copyOf(columns);
            this.fields = List.copyOf(fields);
        }
        this.emptyRow = emptyRow;
    }

    /** Opens the server cursor (the first batch comes with it); failures are translated. */
    static MongoRowCursor open(MongoCommands commands, MongoCommands.Command command, Supplier<MongoCursor<Document>> opener,
                               List<String> columns, List<String> fields, Object[] emptyRow) {
        long start = System.nanoTime();
        MongoCursor<Document> source;
        try {
            source = opener.get();
        } catch (RuntimeException e) {
            throw commands.translate(e, command);
        }
        return new MongoRowCursor(source, commands, command, columns, fields, emptyRow, System.nanoTime() - start);
    }

    /** Moves the documents of the batch at hand into memory (at least one, if any remain). */
    private void fill() {
        if (sourceHasNext()) {
            buffered.add(sourceNext());
            while (source.available() > 0) {
                buffered.add(sourceNext());
            }
        }
    }

    @Override
    public List<String> columns() {
        return columns;
    }

    @Override
    public boolean hasNext() {
        if (finished) {
            return false;
        }
        if (!buffered.isEmpty()) {
            return true;
        }
        if (sourceHasNext()) {
            return true;
        }
        if (emptyRow != null && rows == 0) {
            return true;
        }
        finish(true);
        return false;
    }

    @Override
    public Object[] next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more rows");
        }
        Document document = buffered.isEmpty() && emptyRow != null && rows == 0 && !sourceHasNext() ? null : nextDocument();
        rows++;
        if (document == null) {
            Object[] row = emptyRow;
            emptyRow = null;
            return row;
        }
        if (wholeDocuments) {
            for (String field : document.keySet()) {
                if (!columns.contains(field)) {
                    throw new EloquentException("a document of collection '" + command.collection() + "' has field '"
                            + field + "', which the first documents read did not have; select the fields to read,"
                            + " or read the whole result (get) rather than row by row");
                }
            }
        }
        return row(document, fields);
    }

    private Document nextDocument() {
        return buffered.isEmpty() ? sourceNext() : buffered.poll();
    }

    private static Object[] row(Document document, List<String> fields) {
        Object[] row = new Object[fields.size()];
        for (int i = 0; i < row.length; i++) {
            row[i] = MongoValues.fromBson(document.get(fields.get(i)));
        }
        return row;
    }

    /** Every remaining row; for whole documents the columns grow to every field seen, so none is lost. */
    @Override
    public Rows drain() {
        if (!wholeDocuments) {
            return Cursor.super.drain();
        }
        try (this) {
            List<Document> documents = new ArrayList<>();
            Set<String> seen = new LinkedHashSet<>(columns);
            while (!finished && (!buffered.isEmpty() || sourceHasNext())) {
                Document document = nextDocument();
                rows++;
                seen.addAll(document.keySet());
                documents.add(document);
            }
            List<String> all = List.copyOf(seen);
            List<Object[]> values = new ArrayList<>(documents.size());
            documents.forEach(document -> values.add(row(document, all)));
            finish(true);
            return new Rows(all, values);
        }
    }

    private boolean sourceHasNext() {
        if (finished) {
            return false;
        }
        long start = System.nanoTime();
        try {
            return source.hasNext();
        } catch (RuntimeException e) {
            throw failed(e);
        } finally {
            nanos += System.nanoTime() - start;
        }
    }

    private Document sourceNext() {
        long start = System.nanoTime();
        try {
            return source.next();
        } catch (RuntimeException e) {
            throw failed(e);
        } finally {
            nanos += System.nanoTime() - start;
        }
    }

    private RuntimeException failed(RuntimeException e) {
        finished = true;
        closeQuietly();
        return commands.translate(e, command);
    }

    /** Closes the server cursor and reports the command once: rows read when read to the end, else -1. */
    private void finish(boolean exhausted) {
        if (!finished) {
            finished = true;
            closeQuietly();
            commands.report(command, nanos, exhausted ? rows : -1);
        }
    }

    private void closeQuietly() {
        try {
            source.close();
        } catch (RuntimeException e) {
            // The server times an abandoned cursor out by itself, and the read already ended: not worth
            // failing for. Only the exception's type is logged (its text could quote the command).
            System.getLogger(MongoRowCursor.class.getName()).log(System.Logger.Level.DEBUG,
                    "closing a cursor of collection ''{0}'' failed: {1}", command.collection(), e.getClass().getSimpleName());
        }
    }

    @Override
    public void close() {
        if (finished) {
            return;
        }
        finish(buffered.isEmpty() && emptyRow == null && source.getServerCursor() == null && source.available() == 0);
    }
}
