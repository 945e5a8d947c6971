package dev.eloquent.orm;

import dev.eloquent.api.Capability;
import dev.eloquent.api.Condition;
import dev.eloquent.api.Env;
import dev.eloquent.api.Expression;
import dev.eloquent.api.Operator;
import dev.eloquent.resolver.DriverRegistry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An {@link Eloquent} over two recording connections, no database: {@code sqlfake} claims what the SQL
 * drivers claim, {@code docfake} what the MongoDB driver claims. Tests read the statements back.
 */
final class Fakes implements AutoCloseable {
    static final Set<Capability> SQL = EnumSet.complementOf(EnumSet.of(Capability.DOCUMENTS));
    static final Set<Capability> DOCUMENTS = EnumSet.of(Capability.SCHEMA, Capability.DOCUMENTS,
            Capability.AGGREGATES, Capability.UPSERT);
    static final Instant NOW = Instant.parse("2024-05-01T10:00:00Z");

    final RecordingConnection.RecordingDriver sqlDriver = new RecordingConnection.RecordingDriver("sqlfake", SQL);
    final RecordingConnection.RecordingDriver docDriver = new RecordingConnection.RecordingDriver("docfake", DOCUMENTS);
    /** A store that claims nothing beyond reading and writing one table. */
    final RecordingConnection.RecordingDriver kvDriver = new RecordingConnection.RecordingDriver("kvfake", Set.of());
    final Eloquent db;

    Fakes() {
        this(null);
    }

    Fakes(Duration slowQueryThreshold) {
        db = Eloquent.builder().env(Env.of(Map.of("DB_CONNECTION", "sqlfake")))
                .drivers(DriverRegistry.of(sqlDriver, docDriver, kvDriver))
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .slowQueryThreshold(slowQueryThreshold)
                .register(Track.class, Track::new)
                .register(PlaylistTrack.class, PlaylistTrack::new)
                .register(Setting.class, Setting::new)
                .boot();
    }

    /** The sqlfake connection, opened now if it is not yet. */
    RecordingConnection sql() {
        db.connections().connection("sqlfake");
        return sqlDriver.last;
    }

    RecordingConnection doc() {
        db.connections().connection("docfake");
        return docDriver.last;
    }

    RecordingConnection kv() {
        db.connections().connection("kvfake");
        return kvDriver.last;
    }

    @Override
    public void close() {
        db.close();
    }

    @Table("tracks")
    static final class Track extends SqlModel<Track> {
        @Override
        public Schema schema() {
            return Schema.of(t -> {
                t.increments("id");
                t.string("name", 200);
                t.integer("genre_id").nullable();
                t.integer("plays").defaultValue(0);
                t.decimal("unit_price", 10, 2).nullable();
                t.timestamps();
            });
        }
    }

    @Table("playlist_track")
    static final class PlaylistTrack extends SqlModel<PlaylistTrack> {
        @Override
        public Schema schema() {
            return Schema.of(t -> {
                t.integer("playlist_id");
                t.integer("track_id");
                t.integer("position").nullable();
                t.primary("playlist_id", "track_id");
            });
        }
    }

    /** A plain model on the kvfake connection. */
    @Table("settings")
    @Connection("kvfake")
    static final class Setting extends Model<Setting> {
        @Override
        public Schema schema() {
            return Schema.of(t -> {
                t.string("key", 50).primary();
                t.text("value");
            });
        }
    }

    // ---- expected trees ----

    static Expression.Column col(String path) {
        return Expression.column(path);
    }

    static Condition compare(String column, Operator operator, Object value) {
        return new Condition.Compare(col(column), operator, Expression.value(value));
    }

    static Condition eq(String column, Object value) {
        return compare(column, Operator.EQ, value);
    }

    static Condition and(Condition... conditions) {
        return new Condition.And(List.of(conditions));
    }

    static Condition or(Condition... conditions) {
        return new Condition.Or(List.of(conditions));
    }

    static Object[] row(Object... values) {
        return values;
    }
}
