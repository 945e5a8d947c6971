package dev.eloquent.driver.mongo;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import dev.eloquent.api.ArithmeticOperator;
import dev.eloquent.api.Capability;
import dev.eloquent.api.EloquentException;
import dev.eloquent.api.Expression;
import dev.eloquent.api.Lock;
import dev.eloquent.api.Query;
import dev.eloquent.api.Write;
import dev.eloquent.api.WriteResult;
import org.bson.Document;
import org.bson.types.ObjectId;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Compiles and runs {@link Write}s: an insert of many rows is one {@code insertMany}, an update one
 * {@code updateMany} with {@code $set} and {@code $inc}, a delete one {@code deleteMany}, an upsert one
 * {@code bulkWrite} of {@code updateOne(upsert)}s. The compile methods are pure, for the golden tests.
 */
final class MongoWrites {
    private static final int ATTEMPTS = 5;
    private final MongoDatabase database;
    private final MongoCommands commands;
    private final KeyCounters counters;
    private final TableDefaults defaults;

    MongoWrites(MongoDatabase database, MongoCommands commands, KeyCounters counters, TableDefaults defaults) {
        this.database = database;
        this.commands = commands;
        this.counters = counters;
        this.defaults = defaults;
    }

    WriteResult write(Write write) {
        if (write instanceof Write.Insert insert) {
            return insert(insert);
        }
        if (write instanceof Write.Update update) {
            return update(update);
        }
        if (write instanceof Write.Delete delete) {
            return delete(delete);
        }
        if (write instanceof Write.Upsert upsert) {
            return upsert(upsert);
        }
        throw new EloquentException("the mongo compiler does not know the write " + write.getClass().getSimpleName());
    }

    private MongoCollection<Document> collection(String table) {
        return database.getCollection(table);
    }

    static String uniqueIndexName(String table, String column) {
        return table + "_" + column + "_unique";
    }

    // ---- compiling ----

    /** The filter of an update's or delete's target: conditions only; paging and the rest are refused. */
    static Document filter(Query target, String verb) {
        if (target.paged()) {
            throw new EloquentException(verb + "() acts on every matching row; remove limit/offset"
                    + " (mongo " + verb + "s every matching document of " + target.table() + ")");
        }
        if (!target.orders().isEmpty()) {
            throw new EloquentException(verb + "() acts on every matching row; remove orderBy");
        }
        if (!target.joins().isEmpty()) {
            throw MongoConnection.unclaimed(Capability.JOINS);
        }
        if (target.lock() != Lock.NONE) {
            throw MongoConnection.unclaimed(Capability.ROW_LOCKS);
        }
        if (!target.selections().isEmpty() || target.distinct() || !target.groupBy().isEmpty() || !target.having().isTrue()) {
            throw new EloquentException(verb + " of " + target.table() + " takes conditions only, not a selection,"
                    + " distinct or grouping");
        }
        return MongoFilters.filter(target.where(), Scope.of(target.from()));
    }

    /** The documents of an insert, values as {@link Param}s; a row's null leaves the field null. */
    static List<Document> documents(Write.Insert insert) {
        List<Document> documents = new ArrayList<>(insert.rows().size());
        for (List<Object> row : insert.rows()) {
            Document document = new Document();
            for (int i = 0; i < row.size(); i++) {
                String column = insert.columns().get(i);
                Object value = row.get(i);
                if (!(MongoValues.ID.equals(column) && value == null)) { // a null _id: MongoDB gives one
                    document.append(column, MongoValues.operand(column, value));
                }
            }
            documents.add(document);
        }
        return documents;
    }

    /**
     * {@code $set} for values and {@code $inc} for {@code column = column + n} / {@code column - n}: each
     * atomic per document, so concurrent increments lose nothing. Other expressions are refused.
     */
    static Document changes(Write.Update update) {
        Scope scope = Scope.of(update.target().from());
        Document set = new Document();
        Document inc = new Document();
        for (Write.Assignment assignment : update.assignments()) {
            String column = assignment.column();
            if (set.containsKey(column) || inc.containsKey(column)) {
                throw new EloquentException("update of " + update.table() + " sets column '" + column + "' twice");
            }
            Expression value = assignment.value();
            if (value instanceof Expression.Value literal) {
                set.append(column, MongoValues.ID.equals(column) && literal.value() == null ? null
                        : MongoValues.operand(column, literal.value()));
            } else if (value instanceof Expression.Arithmetic arithmetic && isIncrement(column, arithmetic, scope)) {
                Number amount = (Number) ((Expression.Value) arithmetic.right()).value();
                if (arithmetic.operator() == ArithmeticOperator.SUBTRACT) {
                    amount = negate(amount);
                }
                inc.append(column, new Param(MongoValues.toBson(column, amount)));
            } else {
                throw new EloquentException("update of " + update.table() + ": mongo sets column '" + column
                        + "' to a value or to itself plus or minus a number (increment/decrement), not to " + value);
            }
        }
        Document document = new Document();
        if (!set.isEmpty()) {
            document.append("$set", set);
        }
        if (!inc.isEmpty()) {
            document.append("$inc", inc);
        }
        return document;
    }

    /** {@code column + n} or {@code column - n}, the column being the one assigned. */
    private static boolean isIncrement(String column, Expression.Arithmetic arithmetic, Scope scope) {
        return (arithmetic.operator() == ArithmeticOperator.ADD || arithmetic.operator() == ArithmeticOperator.SUBTRACT)
                && arithmetic.left() instanceof Expression.Column same && scope.field(same).equals(column)
                && arithmetic.right() instanceof Expression.Value amount && amount.value() instanceof Number;
    }

    private static Number negate(Number amount) {
        if (amount instanceof Integer i) {
            return i == Integer.MIN_VALUE ? -(long) i : -i;
        }
        if (amount instanceof Long l) {
            return l == Long.MIN_VALUE ? BigInteger.valueOf(l).negate() : -l;
        }
        if (amount instanceof Short || amount instanceof Byte) {
            return -amount.intValue();
        }
        if (amount instanceof Double || amount instanceof Float) {
            return -amount.doubleValue();
        }
        if (amount instanceof BigDecimal decimal) {
            return decimal.negate();
        }
        if (amount instanceof BigInteger big) {
            return big.negate();
        }
        throw new EloquentException("cannot decrement by a " + amount.getClass().getSimpleName() + " on mongo");
    }

    /**
     * One {@code updateOne(upsert)} per row: matched on uniqueBy, {@code $set} of updateColumns,
     * {@code $setOnInsert} of the rest, of the defaults of the columns the row leaves out, and of the
     * generated key.
     */
    static List<UpdateOneModel<Document>> upserts(Write.Upsert upsert, List<Object> generated, String generatedColumn,
                                                  Map<String, Object> defaults) {
        Write.Insert insert = upsert.insert();
        List<Document> documents = documents(insert);
        List<UpdateOneModel<Document>> models = new ArrayList<>(documents.size());
        for (int r = 0; r < documents.size(); r++) {
            Document row = documents.get(r);
            List<Document> match = new ArrayList<>();
            for (String column : upsert.uniqueBy()) {
                if (row.get(column) == null || ((Param) row.get(column)).value() == null) {
                    throw new EloquentException("upsert of " + insert.table() + " needs a value for unique column '"
                            + column + "' in every row");
                }
                match.add(new Document(column, new Document("$eq", row.get(column))));
            }
            Document filter = match.size() == 1 ? match.get(0) : new Document("$and", match);
            Document set = new Document();
            Document setOnInsert = new Document();
            row.forEach((column, value) -> (upsert.updateColumns().contains(column) ? set : setOnInsert).append(column, value));
            defaults.forEach((column, value) -> {
                if (!row.containsKey(column)) {
                    setOnInsert.append(column, new Param(value)); // a column's default, as SQL applies it
                }
            });
            if (generatedColumn != null && !row.containsKey(generatedColumn)) {
                setOnInsert.append(generatedColumn, new Param(generated.get(r)));
            }
            Document update = new Document();
            if (!set.isEmpty()) {
                update.append("$set", set);
            }
            update.append("$setOnInsert", setOnInsert);
            models.add(new UpdateOneModel<>(filter, update, new UpdateOptions().upsert(true)));
        }
        return models;
    }

    // ---- running ----

    private WriteResult insert(Write.Insert insert) {
        String table = insert.table();
        List<Document> documents = documents(insert);
        defaults.apply(table, documents);
        String key = insert.returning();
        List<Object> keys = new ArrayList<>();
        if (MongoValues.ID.equals(key)) {
            for (Document document : documents) {
                Object given = document.get(MongoValues.ID);
                ObjectId id = given instanceof Param param ? (ObjectId) param.value() : new ObjectId();
                document.put(MongoValues.ID, new Param(id));
                keys.add(id.toHexString());
            }
            insertAll(table, documents);
            return new WriteResult(documents.size(), keys);
        }
        String numbered = key != null ? key : counters.keyOf(table).orElse(null);
        if (numbered == null) {
            insertAll(table, documents);
            return WriteResult.of(documents.size());
        }
        List<Object> numbers = insertNumbered(table, numbered, documents);
        return key != null ? new WriteResult(documents.size(), numbers) : WriteResult.of(documents.size());
    }

    /**
     * Numbers each document without a key from the counter; should a number be taken already (a
     * document stored with an explicit key, which does not move the counter), the key's unique index
     * refuses it, the counter moves past the largest stored key, and the rest are numbered again.
     */
    private List<Object> insertNumbered(String table, String key, List<Document> documents) {
        List<Object> explicit = new ArrayList<>(documents.size());
        for (Document document : documents) {
            Object given = document.get(key);
            explicit.add(given instanceof Param param ? param.value() : null);
        }
        List<Object> keys = new ArrayList<>(documents.size());
        List<Document> stored = new ArrayList<>();
        int from = 0;
        for (int attempt = 1; ; attempt++) {
            List<Document> pending = documents.subList(from, documents.size());
            int unnumbered = (int) explicit.subList(from, explicit.size()).stream().filter(v -> v == null).count();
            long next = unnumbered == 0 ? 0 : counters.reserve(table, key, unnumbered);
            for (int i = from; i < documents.size(); i++) {
                if (explicit.get(i) == null) {
                    documents.get(i).put(key, new Param(next++));
                }
            }
            Attempt result = insertOnce(table, pending);
            for (int i = 0; i < result.stored(); i++) {
                keys.add(MongoValues.fromBson(((Param) pending.get(i).get(key)).value()));
                stored.add(pending.get(i));
            }
            if (result.failure() == null) {
                return keys;
            }
            from += result.stored();
            boolean numberTaken = explicit.get(from) == null && uniqueIndexName(table, key).equals(result.index());
            if (!numberTaken || attempt == ATTEMPTS) {
                throw failed(table, stored, result);
            }
            counters.skipPast(table, key, counters.largestStored(table, key));
        }
    }

    private void insertAll(String table, List<Document> documents) {
        Attempt result = insertOnce(table, documents);
        if (result.failure() != null) {
            throw failed(table, documents.subList(0, result.stored()), result);
        }
    }

    /**
     * What one ordered {@code insertMany} did: how many documents it stored (all, or those before the
     * refused one), and, when it failed, the client's exception and the index that refused.
     */
    private record Attempt(int stored, RuntimeException failure, String index, MongoCommands.Command command) {
    }

    private Attempt insertOnce(String table, List<Document> documents) {
        List<Document> sent = new ArrayList<>(documents.size());
        for (Document document : documents) {
            if (!document.containsKey(MongoValues.ID)) {
                document.put(MongoValues.ID, new Param(new ObjectId())); // known here, so a failed batch can be undone
            }
            sent.add(Param.unwrap(document));
        }
        MongoCommands.Command command = MongoCommands.command(table, "insertMany " + table + " "
                + Param.shape(documents.get(0)) + (documents.size() > 1 ? " x" + documents.size() : ""), () -> {
                    List<Object> values = new ArrayList<>();
                    Param.collect(documents, values);
                    return values;
                });
        long start = System.nanoTime();
        try {
            collection(table).insertMany(sent, new InsertManyOptions().ordered(true));
        } catch (MongoBulkWriteException e) {
            BulkWriteError error = e.getWriteErrors().isEmpty() ? null : e.getWriteErrors().get(0);
            int stored = error == null ? 0 : error.getIndex();
            return new Attempt(stored, e, error == null ? null : MongoCommands.index(error.getMessage()), command);
        } catch (RuntimeException e) {
            return new Attempt(0, e, null, command);
        }
        commands.report(command, System.nanoTime() - start, sent.size());
        return new Attempt(sent.size(), null, null, command);
    }

    /**
     * A multi-row insert that fails leaves nothing behind: the documents it stored before the refused
     * one are removed again (MongoDB has no multi-document atomicity without transactions), then the
     * failure is reported as ours.
     */
    private RuntimeException failed(String table, List<Document> stored, Attempt attempt) {
        RuntimeException failure = commands.translate(attempt.failure(), attempt.command());
        if (!stored.isEmpty()) {
            List<Object> ids = new ArrayList<>(stored.size());
            stored.forEach(document -> ids.add(document.get(MongoValues.ID)));
            Document filter = new Document(MongoValues.ID, new Document("$in", ids));
            MongoCommands.Command undo = MongoCommands.command(table, "deleteMany " + table + " " + Param.shape(filter),
                    () -> {
                        List<Object> values = new ArrayList<>();
                        Param.collect(filter, values);
                        return values;
                    });
            try {
                commands.run(undo, () -> collection(table).deleteMany(Param.unwrap(filter)).getDeletedCount(),
                        deleted -> deleted);
            } catch (RuntimeException undoFailed) {
                // The insert's own failure stays the one reported; that the undo failed too (documents
                // may be left behind) rides along. commands.run translated it already: it carries no value.
                failure.addSuppressed(undoFailed);
            }
        }
        return failure;
    }

    /**
     * One {@code updateMany}; with increments, two. SQL leaves {@code NULL + n} NULL and still sets the
     * row's other columns, while {@code $inc} on a null field fails (after other documents may have
     * changed), so documents whose incremented fields are all present and not null get the whole update,
     * and the others only its {@code $set} part: each document ends as it would in SQL.
     */
    private WriteResult update(Write.Update update) {
        String table = update.table();
        Document filter = filter(update.target(), "update");
        Document changes = changes(update);
        Document inc = changes.get("$inc", Document.class);
        if (inc == null) {
            return WriteResult.of(updateMany(table, filter, changes));
        }
        List<Document> present = new ArrayList<>(List.of(filter));
        List<Document> absent = new ArrayList<>();
        for (String field : inc.keySet()) {
            present.add(new Document(field, new Document("$ne", null)));
            absent.add(new Document(field, new Document("$eq", null))); // null or missing
        }
        long matched = updateMany(table, new Document("$and", present), changes);
        Document set = changes.get("$set", Document.class);
        if (set != null) {
            Document nullFields = new Document("$and", List.of(filter, new Document("$or", absent)));
            matched += updateMany(table, nullFields, new Document("$set", set));
        }
        return WriteResult.of(matched);
    }

    private long updateMany(String table, Document filter, Document changes) {
        MongoCommands.Command command = MongoCommands.command(table, "updateMany " + table + " " + Param.shape(filter)
                + " " + Param.shape(changes), () -> {
                    List<Object> values = new ArrayList<>();
                    Param.collect(filter, values);
                    Param.collect(changes, values);
                    return values;
                });
        return commands.run(command, () -> collection(table)
                .updateMany(Param.unwrap(filter), Param.unwrap(changes)).getMatchedCount(), count -> count);
    }

    private WriteResult delete(Write.Delete delete) {
        String table = delete.table();
        Document filter = filter(delete.target(), "delete");
        MongoCommands.Command command = MongoCommands.command(table, "deleteMany " + table + " " + Param.shape(filter),
                () -> {
                    List<Object> values = new ArrayList<>();
                    Param.collect(filter, values);
                    return values;
                });
        long deleted = commands.run(command, () -> collection(table).deleteMany(Param.unwrap(filter)).getDeletedCount(),
                count -> count);
        return WriteResult.of(deleted);
    }

    /**
     * Upserts: each row matched by its uniqueBy values, atomic per row. A table numbered by a counter
     * gets a number for each row that may be inserted (the numbers of rows that update instead are
     * skipped, as SQL auto-increments skip on upserts). Affected: rows inserted plus rows matched.
     */
    private WriteResult upsert(Write.Upsert upsert) {
        String table = upsert.table();
        String key = upsert.insert().returning();
        String numbered = key != null ? key : counters.keyOf(table).orElse(null);
        String generatedColumn = numbered != null && !MongoValues.ID.equals(numbered)
                && !upsert.insert().columns().contains(numbered) ? numbered : null;
        List<Object> generated = new ArrayList<>();
        if (generatedColumn != null) {
            long first = counters.reserve(table, generatedColumn, upsert.insert().rows().size());
            for (int i = 0; i < upsert.insert().rows().size(); i++) {
                generated.add(first + i);
            }
        }
        List<UpdateOneModel<Document>> models = upserts(upsert, generated, generatedColumn, defaults.of(table));
        List<WriteModel<Document>> sent = new ArrayList<>(models.size());
        for (UpdateOneModel<Document> model : models) {
            sent.add(new UpdateOneModel<>(Param.unwrap((Document) model.getFilter()), Param.unwrap((Document) model.getUpdate()),
                    model.getOptions()));
        }
        UpdateOneModel<Document> first = models.get(0);
        MongoCommands.Command command = MongoCommands.command(table, "bulkWrite " + table + " updateOne "
                + Param.shape(first.getFilter()) + " " + Param.shape(first.getUpdate()) + " upsert"
                + (models.size() > 1 ? " x" + models.size() : ""), () -> {
                    List<Object> values = new ArrayList<>();
                    models.forEach(m -> {
                        Param.collect(m.getFilter(), values);
                        Param.collect(m.getUpdate(), values);
                    });
                    return values;
                });
        BulkWriteResult result = commands.run(command, () -> collection(table).bulkWrite(sent, new BulkWriteOptions().ordered(true)),
                r -> r.getUpserts().size() + r.getMatchedCount());
        return WriteResult.of(result.getUpserts().size() + result.getMatchedCount());
    }
}
