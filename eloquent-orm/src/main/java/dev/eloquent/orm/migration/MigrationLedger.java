package dev.eloquent.orm.migration;

import dev.eloquent.api.EloquentException;
import dev.eloquent.orm.Eloquent;
import dev.eloquent.orm.TableQuery;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * The table {@code eloquent_migrations} of one connection: which migration was applied, in which batch,
 * with which checksum, when. Created through the schema builder and read and written through the neutral
 * table builder, so every driver (MongoDB included) keeps it with the same code.
 */
final class MigrationLedger {
    static final String TABLE = "eloquent_migrations";

    record Entry(String migration, int batch, String checksum, Instant appliedAt) {
    }

    private final Eloquent db;
    private final String connection;

    MigrationLedger(Eloquent db, String connection) {
        this.db = db;
        this.connection = connection;
    }

    boolean exists() {
        return db.schema(connection).hasTable(TABLE);
    }

    void ensure() {
        SharedTables.ensure(db, connection, TABLE, t -> {
            t.string("migration").unique();
            t.integer("batch");
            t.string("checksum", 64);
            t.timestamp("applied_at");
        });
    }

    /** Every applied migration, oldest batch first; empty when the ledger does not exist yet. */
    List<Entry> entries() {
        if (!exists()) {
            return List.of();
        }
        List<Entry> entries = new ArrayList<>();
        for (Map<String, Object> row : table().orderBy("batch").get()) {
            entries.add(new Entry((String) row.get("migration"), ((Number) row.get("batch")).intValue(),
                    (String) row.get("checksum"), instant(row.get("applied_at"))));
        }
        return entries;
    }

    void record(String migration, int batch, String checksum, Instant appliedAt) {
        table().insert(Map.of("migration", migration, "batch", batch, "checksum", checksum,
                "applied_at", LocalDateTime.ofInstant(appliedAt, ZoneOffset.UTC)));
    }

    void forget(String migration) {
        table().where("migration", migration).delete();
    }

    private TableQuery table() {
        return db.on(connection).table(TABLE);
    }

    /** Applied times are written as UTC wall-clock time; drivers read them back as their own types. */
    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof LocalDateTime local) {
            return local.toInstant(ZoneOffset.UTC);
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof Date date) {
            return date.toInstant();
        }
        if (value instanceof String text) {
            // SQLite keeps timestamps as text and a table read without a schema does not convert it.
            try {
                return LocalDateTime.parse(text.trim().replace(' ', 'T')).toInstant(ZoneOffset.UTC);
            } catch (java.time.format.DateTimeParseException e) {
                throw new EloquentException("column applied_at of " + TABLE + " holds text that is not a timestamp");
            }
        }
        throw new EloquentException("column applied_at of " + TABLE + " holds a " + value.getClass().getName()
                + ", not a timestamp");
    }
}
