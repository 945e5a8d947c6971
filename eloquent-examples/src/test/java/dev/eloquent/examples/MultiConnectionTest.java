package dev.eloquent.examples;

import dev.eloquent.api.Blueprint;
import dev.eloquent.api.Env;
import dev.eloquent.orm.Connection;
import dev.eloquent.orm.Eloquent;
import dev.eloquent.orm.Model;
import dev.eloquent.orm.Schema;
import dev.eloquent.orm.SqlModel;
import dev.eloquent.orm.Table;
import dev.eloquent.testkit.JdbcRawAccess;
import dev.eloquent.testkit.RawAccess;
import dev.eloquent.testkit.TestServer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * One process, one Eloquent in test mode, three SQL connections open together: models pinned to
 * {@code mysql}, {@code pg} and {@code sqlite} land on {@code mysql_test}, {@code pg_test} and
 * {@code sqlite_test}, and an unpinned model follows {@code DB_TEST_CONNECTION}. Every write is checked
 * through plain JDBC on the database it belongs to, and only there.
 */
class MultiConnectionTest {
    // This test brings no servers of its own: it skips, saying why, when one is not configured (fails in CI).
    private static final TestServer MYSQL = new TestServer("MariaDB/MySQL", "DB", 3306, "root", "mysql", '`',
            TestServer.NO_CONTAINER);
    private static final TestServer PG = new TestServer("PostgreSQL", "PG", 5432, "postgres", "postgresql", '"',
            TestServer.NO_CONTAINER);

    private static final Consumer<Blueprint> COLUMNS = t -> {
        t.increments("id");
        t.string("body", 100);
        t.timestamps();
    };
    private static final Schema NOTES = Schema.of(COLUMNS);

    @Table("multi_notes") @Connection("mysql")
    public static final class MysqlNote extends SqlModel<MysqlNote> {
        @Override
        public Schema schema() {
            return NOTES;
        }
    }

    @Table("multi_notes") @Connection("pg")
    public static final class PgNote extends SqlModel<PgNote> {
        @Override
        public Schema schema() {
            return NOTES;
        }
    }

    @Table("multi_notes") @Connection("sqlite")
    public static final class SqliteNote extends SqlModel<SqliteNote> {
        @Override
        public Schema schema() {
            return NOTES;
        }
    }

    /** Pins nothing: it uses DB_TEST_CONNECTION. */
    @Table("multi_defaults")
    public static final class DefaultNote extends Model<DefaultNote> {
        @Override
        public Schema schema() {
            return NOTES;
        }
    }

    @TempDir
    Path folder;

    @ParameterizedTest(name = "DB_TEST_CONNECTION={0}")
    @ValueSource(strings = {"mysql_test", "pg_test", "sqlite_test"})
    void pinnedModelsKeepTheirConnectionsAndTheUnpinnedOneFollowsTheDefault(String defaultConnection) {
        Path sqliteFile = folder.resolve("multi.sqlite");
        Map<String, String> env = new HashMap<>(MYSQL.env());
        env.putAll(PG.env());
        env.put("SQLITE_TEST_PATH", sqliteFile.toString());
        env.put("DB_TEST_CONNECTION", defaultConnection);
        Map<String, RawAccess> raw = Map.of(
                "mysql_test", MYSQL.raw(),
                "pg_test", PG.raw(),
                "sqlite_test", JdbcRawAccess.of("jdbc:sqlite:" + sqliteFile, null, null, '"'));

        try (Eloquent db = Eloquent.builder().env(Env.of(env)).testMode()
                .register(MysqlNote.class, MysqlNote::new)
                .register(PgNote.class, PgNote::new)
                .register(SqliteNote.class, SqliteNote::new)
                .register(DefaultNote.class, DefaultNote::new)
                .boot()) {
            db.dropTables(MysqlNote.class, PgNote.class, SqliteNote.class);
            db.createTables(MysqlNote.class, PgNote.class, SqliteNote.class);
            // The unpinned model's table exists on all three, so that "nothing written elsewhere" is checked
            // on real, empty tables.
            for (String connection : List.of("mysql", "pg", "sqlite")) {
                db.schema(connection).dropIfExists("multi_defaults");
                db.schema(connection).create("multi_defaults", COLUMNS);
            }

            // Interleaved: each save goes to its own connection while the others stay open.
            db.create(MysqlNote.class, Map.of("body", "m1"));
            db.create(PgNote.class, Map.of("body", "p1"));
            db.create(DefaultNote.class, Map.of("body", "d1"));
            db.create(SqliteNote.class, Map.of("body", "s1"));
            db.create(PgNote.class, Map.of("body", "p2"));
            db.create(MysqlNote.class, Map.of("body", "m2"));
            db.query(PgNote.class).where("body", "p1").update(Map.of("body", "p1!"));
            db.create(SqliteNote.class, Map.of("body", "s2"));
            db.create(DefaultNote.class, Map.of("body", "d2"));

            assertEquals("mysql_test", db.connectionNameOf(MysqlNote.class).toString());
            assertEquals("pg_test", db.connectionNameOf(PgNote.class).toString());
            assertEquals("sqlite_test", db.connectionNameOf(SqliteNote.class).toString());
            assertEquals(defaultConnection, db.connectionNameOf(DefaultNote.class).toString());
            assertEquals(Set.of("mysql_test", "pg_test", "sqlite_test"),
                    Set.copyOf(db.connections().openNames().stream().map(Object::toString).toList()));

            assertEquals(List.of("m1", "m2"), bodies(raw.get("mysql_test"), "multi_notes"));
            assertEquals(List.of("p1!", "p2"), bodies(raw.get("pg_test"), "multi_notes"));
            assertEquals(List.of("s1", "s2"), bodies(raw.get("sqlite_test"), "multi_notes"));
            assertEquals(List.of("d1", "d2"), bodies(raw.get(defaultConnection), "multi_defaults"));
            for (String other : raw.keySet()) {
                if (!other.equals(defaultConnection)) {
                    assertEquals(List.of(), bodies(raw.get(other), "multi_defaults"),
                            "the unpinned model wrote nothing to " + other);
                }
            }
            assertEquals(2, db.query(MysqlNote.class).count());
            assertEquals(2, db.query(DefaultNote.class).count());
            db.dropTables(MysqlNote.class, PgNote.class, SqliteNote.class);
            for (String connection : List.of("mysql", "pg", "sqlite")) {
                db.schema(connection).dropIfExists("multi_defaults");
            }
        }
    }

    private static List<String> bodies(RawAccess raw, String table) {
        return raw.rows(table).stream().map(row -> (String) row.get("body")).toList();
    }
}
