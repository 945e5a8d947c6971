package dev.eloquent.driver.mongo;

import com.mongodb.MongoNamespace;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import dev.eloquent.api.ColumnChange;
import dev.eloquent.api.ColumnSpec;
import dev.eloquent.api.EloquentException;
import dev.eloquent.api.SchemaChange;
import dev.eloquent.api.TableSpec;
import org.bson.Document;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The schema changes after creation, as MongoDB commands: each change is planned as a list of commands
 * (a shape without values, its bindings, and the call), so that {@link #describe} shows exactly what
 * {@link #execute} runs. Renames move the collection with {@code renameCollection} (and its counters and
 * recorded defaults), dropped and renamed columns are {@code $unset} / {@code $rename} on every
 * document, an added column with a default is {@code $set} on the documents that lack it, and a changed
 * column's default is recorded (stored values keep their type: MongoDB has no column type to convert).
 * Foreign keys are refused: MongoDB has none.
 */
final class MongoSchema {
    /** One command: what it is (shape and bindings, for events and describe) and how to run it. */
    record Step(MongoCommands.Command command, Supplier<Object> run) {
    }

    private final MongoDatabase database;
    private final MongoCommands commands;
    private final TableDefaults defaults;
    private final KeyCounters counters;

    MongoSchema(MongoDatabase database, MongoCommands commands, TableDefaults defaults, KeyCounters counters) {
        this.database = database;
        this.commands = commands;
        this.defaults = defaults;
        this.counters = counters;
    }

    /** Whether this class plans the change (creating and dropping stay with the connection). */
    static boolean plans(SchemaChange change) {
        return !(change instanceof SchemaChange.CreateTable) && !(change instanceof SchemaChange.DropTable);
    }

    void execute(SchemaChange change) {
        for (Step step : plan(change)) {
            commands.run(step.command(), step.run(), done -> -1);
        }
    }

    List<String> describe(SchemaChange change) {
        return plan(change).stream().map(step -> step.command().shape()).toList();
    }

    static EloquentException foreignKeysRefused() {
        return new EloquentException("foreign keys is not supported on mongo: MongoDB has no foreign keys; keep the"
                + " reference as a plain column (with an index) and check it in the application");
    }

    List<Step> plan(SchemaChange change) {
        List<Step> steps = new ArrayList<>();
        if (change instanceof SchemaChange.RenameTable rename) {
            steps.add(step(rename.from(), "renameCollection " + rename.from() + " to " + rename.to(), List.of(), () -> {
                database.getCollection(rename.from()).renameCollection(new MongoNamespace(database.getName(), rename.to()));
                counters.rename(rename.from(), rename.to());
                defaults.renameTable(rename.from(), rename.to());
                return rename;
            }));
        } else if (change instanceof SchemaChange.AlterTable alter) {
            alter.changes().forEach(c -> steps.addAll(alterColumn(alter.table(), c)));
        } else if (change instanceof SchemaChange.CreateIndex index) {
            steps.add(createIndex(index.table(), index.columns(), index.unique(), index.name()));
        } else if (change instanceof SchemaChange.DropIndex index) {
            steps.add(step(index.table(), "dropIndex " + index.table() + " " + index.name(), List.of(), () -> {
                database.getCollection(index.table()).dropIndex(index.name());
                return index;
            }));
        } else if (change instanceof SchemaChange.AddForeignKey || change instanceof SchemaChange.DropForeignKey) {
            throw foreignKeysRefused();
        } else {
            throw new EloquentException("schema change " + change.getClass().getSimpleName() + " is not supported on mongo");
        }
        return steps;
    }

    private List<Step> alterColumn(String table, ColumnChange change) {
        List<Step> steps = new ArrayList<>();
        if (change instanceof ColumnChange.AddColumn add) {
            ColumnSpec column = add.column();
            if (column.hasDefault()) {
                Param value = MongoValues.operand(column.name(), column.defaultValue());
                Document missing = new Document(column.name(), new Document("$exists", false));
                Document set = new Document("$set", new Document(column.name(), value));
                steps.add(step(table, "updateMany " + table + " " + Param.shape(missing) + " " + Param.shape(set),
                        List.of(value.value()), () -> {
                            database.getCollection(table).updateMany(Param.unwrap(missing), Param.unwrap(set));
                            defaults.set(table, column.name(), true, value.value());
                            return add;
                        }));
            }
            if (column.unique() || column.index()) {
                steps.add(createIndex(table, List.of(column.name()), column.unique(),
                        dev.eloquent.api.SchemaNames.index(table, List.of(column.name()), column.unique())));
            }
        } else if (change instanceof ColumnChange.DropColumn drop) {
            Document unset = new Document("$unset", new Document(drop.name(), ""));
            steps.add(step(table, "updateMany " + table + " {} " + Param.shape(unset), List.of(), () -> {
                database.getCollection(table).updateMany(new Document(), unset);
                defaults.set(table, drop.name(), false, null);
                return drop;
            }));
        } else if (change instanceof ColumnChange.RenameColumn rename) {
            Document present = new Document(rename.from(), new Document("$exists", true));
            Document move = new Document("$rename", new Document(rename.from(), rename.to()));
            steps.add(step(table, "updateMany " + table + " " + Param.shape(present) + " " + Param.shape(move), List.of(), () -> {
                database.getCollection(table).updateMany(present, move);
                defaults.renameColumn(table, rename.from(), rename.to());
                return rename;
            }));
        } else {
            ColumnSpec column = ((ColumnChange.ChangeColumn) change).column();
            Param value = column.hasDefault() ? MongoValues.operand(column.name(), column.defaultValue()) : null;
            steps.add(step(TableDefaults.COLLECTION, "record default of " + table + "." + column.name()
                            + (value == null ? " (none)" : ""), value == null ? List.of() : List.of(value.value()), () -> {
                defaults.set(table, column.name(), value != null, value == null ? null : value.value());
                return change;
            }));
        }
        return steps;
    }

    private Step createIndex(String table, List<String> columns, boolean unique, String name) {
        Document keys = new Document();
        columns.forEach(column -> keys.append(column, 1));
        return step(table, "createIndex " + table + " " + Param.shape(keys) + (unique ? " unique" : "") + " name " + name,
                List.of(), () -> database.getCollection(table).createIndex(Indexes.ascending(columns),
                        new IndexOptions().unique(unique).name(name)));
    }

    private static Step step(String collection, String shape, List<Object> bindings, Supplier<Object> run) {
        return new Step(MongoCommands.command(collection, shape, () -> bindings), run);
    }

    /**
     * The {@code $jsonSchema} validator of a table: its non-nullable columns are required (an increments
     * column too: the driver numbers it before the insert), and each column has its BSON type, with
     * {@code null} allowed where the column is nullable. Numbers accept any integer width (a value written
     * through a table query may be an int or a long), json columns any type (a document, an array or text).
     */
    static Document validator(TableSpec table) {
        Document properties = new Document();
        List<String> required = new ArrayList<>();
        for (ColumnSpec column : table.columns()) {
            if (column.name().equals(MongoValues.ID)) {
                continue;
            }
            List<String> types = bsonTypes(column);
            if (!types.isEmpty()) {
                List<String> allowed = new ArrayList<>(types);
                if (column.nullable()) {
                    allowed.add("null");
                }
                properties.append(column.name(), new Document("bsonType", allowed));
            }
            if (!column.nullable()) {
                required.add(column.name());
            }
        }
        Document schema = new Document("bsonType", "object");
        if (!required.isEmpty()) {
            schema.append("required", required);
        }
        schema.append("properties", properties);
        return new Document("$jsonSchema", schema);
    }

    private static List<String> bsonTypes(ColumnSpec column) {
        return switch (column.type()) {
            case INCREMENTS, BIG_INCREMENTS, INTEGER, BIG_INTEGER -> List.of("int", "long");
            case DECIMAL, DOUBLE -> List.of("number");
            case STRING, TEXT -> List.of("string");
            case BOOLEAN -> List.of("bool");
            case DATE, TIMESTAMP, TIMESTAMP_TZ -> List.of("date");
            case UUID -> List.of("binData", "string");
            case JSON -> List.of();
        };
    }
}
