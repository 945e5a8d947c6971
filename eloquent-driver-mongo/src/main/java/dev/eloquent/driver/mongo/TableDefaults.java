package dev.eloquent.driver.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import dev.eloquent.api.ColumnSpec;
import dev.eloquent.api.TableSpec;
import org.bson.Document;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Column defaults for MongoDB, which has none of its own: recorded when the table is created, in the
 * {@code table_defaults} collection ({@code {_id: "tracks", defaults: {plays: 0}}}), and applied by the
 * driver to every insert and upsert that leaves the column out, as a SQL database applies a column's
 * DEFAULT whichever way the row arrives (a model's save, a query's insert of many rows, an upsert).
 * Read once per table per connection.
 */
final class TableDefaults {
    static final String COLLECTION = "table_defaults";
    private final MongoDatabase database;
    private final MongoCommands commands;
    private final Map<String, Map<String, Object>> cache = new ConcurrentHashMap<>();

    TableDefaults(MongoDatabase database, MongoCommands commands) {
        this.database = database;
        this.commands = commands;
    }

    private MongoCollection<Document> collection() {
        return database.getCollection(COLLECTION);
    }

    /** Records the declared defaults of a table being created (none: nothing recorded). */
    void register(TableSpec table) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        for (ColumnSpec column : table.columns()) {
            if (column.hasDefault()) {
                defaults.put(column.name(), ((Param) MongoValues.operand(column.name(), column.defaultValue())).value());
            }
        }
        put(table.name(), defaults);
    }

    /**
     * Records one column's default (an altered or added column), or removes it when {@code column} has
     * none: {@code bsonValue} is the default as stored.
     */
    void set(String table, String column, boolean hasDefault, Object bsonValue) {
        Map<String, Object> defaults = new LinkedHashMap<>(of(table));
        if (hasDefault) {
            defaults.put(column, bsonValue);
        } else {
            defaults.remove(column);
        }
        put(table, defaults);
    }

    /** Moves a column's default to its new name. */
    void renameColumn(String table, String from, String to) {
        Map<String, Object> defaults = new LinkedHashMap<>(of(table));
        if (defaults.containsKey(from)) {
            defaults.put(to, defaults.remove(from));
            put(table, defaults);
        }
    }

    /** Moves a renamed table's defaults. */
    void renameTable(String from, String to) {
        Map<String, Object> defaults = of(from);
        forget(from);
        put(to, defaults);
    }

    /** Replaces the table's recorded defaults (BSON values by column); none removes the record. */
    private void put(String table, Map<String, Object> values) {
        if (values.isEmpty()) {
            forget(table);
            return;
        }
        Document defaults = new Document();
        values.forEach((column, value) -> defaults.append(column, new Param(value)));
        Document filter = new Document(MongoValues.ID, new Param(table));
        Document document = new Document(MongoValues.ID, new Param(table)).append("defaults", defaults);
        MongoCommands.Command command = MongoCommands.command(COLLECTION, "replaceOne " + COLLECTION + " "
                + Param.shape(filter) + " " + Param.shape(document) + " upsert", () -> bindings(document));
        commands.run(command, () -> collection().replaceOne(Param.unwrap(filter), Param.unwrap(document),
                new ReplaceOptions().upsert(true)), result -> 1);
        cache.put(table, Map.copyOf(values));
    }

    /** The table's defaults as BSON values, by column; empty when it has none. */
    Map<String, Object> of(String table) {
        return cache.computeIfAbsent(table, t -> {
            Document filter = new Document(MongoValues.ID, new Document("$eq", new Param(t)));
            MongoCommands.Command command = MongoCommands.command(COLLECTION, "find " + COLLECTION + " "
                    + Param.shape(filter), () -> bindings(filter));
            Document found = commands.run(command, () -> collection().find(Param.unwrap(filter)).first(),
                    d -> d == null ? 0 : 1);
            Document defaults = found == null ? null : found.get("defaults", Document.class);
            return defaults == null ? Map.of() : Map.copyOf(new LinkedHashMap<>(defaults));
        });
    }

    /** Adds the defaults of the columns a document leaves out. */
    void apply(String table, List<Document> documents) {
        Map<String, Object> defaults = of(table);
        if (defaults.isEmpty()) {
            return;
        }
        for (Document document : documents) {
            defaults.forEach((column, value) -> {
                if (!document.containsKey(column)) {
                    document.append(column, new Param(value));
                }
            });
        }
    }

    /** Forgets a dropped table's defaults. */
    void forget(String table) {
        Document filter = new Document(MongoValues.ID, new Document("$eq", new Param(table)));
        MongoCommands.Command command = MongoCommands.command(COLLECTION, "deleteOne " + COLLECTION + " "
                + Param.shape(filter), () -> bindings(filter));
        commands.run(command, () -> collection().deleteOne(Param.unwrap(filter)).getDeletedCount(), deleted -> deleted);
        cache.remove(table);
    }

    private static List<Object> bindings(Document document) {
        List<Object> values = new java.util.ArrayList<>();
        Param.collect(document, values);
        return values;
    }
}
