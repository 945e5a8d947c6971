package dev.eloquent.orm;

import dev.eloquent.api.Cursor;
import dev.eloquent.api.EloquentException;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** Reading a query's rows a part at a time: chunks by offset or by key, a lazy stream of chunks, a cursor stream. */
final class Chunks {
    private Chunks() {
    }

    static <R> void byOffset(QueryBuilder<?, R> query, int size, Function<List<R>, Boolean> callback) {
        checkSize(size);
        QueryBuilder<?, R> paged = query.pageable("chunk()", false);
        for (int offset = 0; ; offset = Math.addExact(offset, size)) {
            List<R> rows = paged.page(offset, size);
            if (rows.isEmpty() || stops(callback.apply(rows)) || rows.size() < size) {
                return;
            }
        }
    }

    static <R> void byKey(QueryBuilder<?, R> query, int size, Function<List<R>, Boolean> callback) {
        checkSize(size);
        QueryBuilder<?, R> paged = query.pageable("chunkById()", true);
        Object lastKey = null;
        while (true) {
            List<R> rows = paged.pageAfter(lastKey, size);
            if (rows.isEmpty() || stops(callback.apply(rows)) || rows.size() < size) {
                return;
            }
            lastKey = keyOf(paged, rows.get(rows.size() - 1));
        }
    }

    /** Chunks by key as one stream: the next chunk is read when the stream reaches the end of the last. */
    static <R> Stream<R> lazy(QueryBuilder<?, R> query, int size) {
        checkSize(size);
        QueryBuilder<?, R> paged = query.pageable("lazy()", true);
        Spliterator<R> rows = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE, Spliterator.ORDERED) {
            private final Deque<R> buffer = new ArrayDeque<>();
            private Object lastKey;
            private boolean exhausted;

            @Override
            public boolean tryAdvance(Consumer<? super R> action) {
                if (buffer.isEmpty() && !exhausted) {
                    List<R> chunk = paged.pageAfter(lastKey, size);
                    exhausted = chunk.size() < size;
                    if (!chunk.isEmpty()) {
                        lastKey = keyOf(paged, chunk.get(chunk.size() - 1));
                        buffer.addAll(chunk);
                    }
                }
                if (buffer.isEmpty()) {
                    return false;
                }
                action.accept(buffer.poll());
                return true;
            }
        };
        return StreamSupport.stream(rows, false);
    }

    /** A stream over a cursor: closing the stream (or reaching its end) closes the cursor. */
    static <R> Stream<R> stream(Cursor cursor, RowReader<R> reader) {
        Spliterator<R> rows = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE, Spliterator.ORDERED) {
            /** One array for the whole stream: the reader copies each row out. */
            private Object[] values;

            @Override
            public boolean tryAdvance(Consumer<? super R> action) {
                if (!cursor.hasNext()) {
                    cursor.close();
                    return false;
                }
                R row;
                try {
                    values = cursor.next(values);
                    row = reader.read(values);
                } catch (RuntimeException e) {
                    // A row that cannot be read ends the stream: release the connection now, not only
                    // when (and if) the caller closes the stream.
                    cursor.close();
                    throw e;
                }
                action.accept(row);
                return true;
            }
        };
        return StreamSupport.stream(rows, false).onClose(cursor::close);
    }

    /** Only an explicit false stops, as in Laravel: a callback that returns null (nothing) goes on. */
    private static boolean stops(Boolean answer) {
        return Boolean.FALSE.equals(answer);
    }

    private static <R> Object keyOf(QueryBuilder<?, R> query, R row) {
        Object key = query.keyOf(row);
        if (key == null) {
            throw new EloquentException("chunking by " + query.keyName() + " needs that column in every row: select it");
        }
        return key;
    }

    private static void checkSize(int size) {
        if (size < 1) {
            throw new EloquentException("a chunk holds at least 1 row, got " + size);
        }
    }
}
