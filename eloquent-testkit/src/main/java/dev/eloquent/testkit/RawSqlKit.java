package dev.eloquent.testkit;

import dev.eloquent.api.Capability;
import dev.eloquent.api.QueryException;
import dev.eloquent.api.UnsupportedFeatureException;
import dev.eloquent.orm.Database;
import dev.eloquent.orm.Eloquent;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.eloquent.testkit.KitAssertions.asLong;
import static dev.eloquent.testkit.KitAssertions.assertSameRows;
import static dev.eloquent.testkit.KitAssertions.column;
import static dev.eloquent.testkit.KitAssertions.refused;
import static dev.eloquent.testkit.KitAssertions.strings;
import static dev.eloquent.testkit.MusicStore.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The escape hatch on SQL connections: raw pieces in a builder query and whole statements on a named
 * connection, values always bound. Where {@link Capability#RAW_SQL} is not claimed every form is
 * refused with "raw SQL is not supported on <driver>".
 */
public interface RawSqlKit extends StoreSupport {
    /** Text that would change the query if it were spliced instead of bound. */
    String HOSTILE = "x' OR '1'='1";

    @Test
    default void rawPiecesInABuilderQueryTakeBindings() {
        try (MusicStore store = openStore()) {
            Eloquent db = store.db();
            assumeCapability(db, Capability.RAW_SQL);
            assertSameRows(List.of(row("name", "Pharaoh's Dance", "seconds", 1200)), db.query(Track.class)
                    .select("name").selectRaw("milliseconds / ? as seconds", 1000).whereRaw("milliseconds > ?", 1_000_000).rows());
            assertEquals(List.of("Orion", "Untitled Interlude"), strings(db.query(Track.class).where("name", "Orion")
                    .orWhereRaw("milliseconds < ?", 100_000).orderBy("name").get(), "name"));
            assertEquals("Orion", db.query(Track.class).orderByRaw("case when name = ? then 0 else 1 end, name", "Orion")
                    .firstOrFail().getString("name"));
            assertEquals("Pharaoh's Dance", db.query(Track.class).orderByRaw("milliseconds desc").firstOrFail().getString("name"));
            List<Map<String, Object>> groups = db.query(Track.class).select("genre_id", "count(*) as tracks")
                    .whereNotNull("genre_id").groupBy("genre_id").havingRaw("count(*) > ?", 4).orderBy("genre_id").rows();
            assertEquals(List.of(6L, 5L), column(groups, "tracks").stream().map(KitAssertions::asLong)
                    .sorted((a, b) -> Long.compare(b, a)).toList());
            assertEquals(0, db.query(Track.class).whereRaw("name = ?", HOSTILE).count(), "the value is bound, not spliced");
            assertEquals(23, db.table("tracks").whereRaw("unit_price > ?", 0).count());
        }
    }

    @Test
    default void selectAndStatementRunSqlOnANamedConnection() {
        try (MusicStore store = openStore()) {
            Eloquent db = store.db();
            assumeCapability(db, Capability.RAW_SQL);
            Database connection = db.on(store.connection());
            List<Map<String, Object>> rows = connection.select(
                    "select name from genres where name like ? order by name", "J%");
            assertEquals(List.of(Map.of("name", "Jazz")), rows);
            assertSameRows(rawSql().select("select genre_id, count(*) as tracks from tracks where genre_id is not null"
                            + " group by genre_id order by genre_id"),
                    connection.select("select genre_id, count(*) as tracks from tracks where genre_id is not null"
                            + " group by genre_id order by genre_id"));
            long changed = connection.statement("update tracks set plays = plays + ? where album_id = ?", 2,
                    store.album("Kind of Blue"));
            assertEquals(3, changed);
            assertEquals(6L, store.raw().rows("tracks").stream().mapToLong(t -> asLong(t.get("plays"))).sum());
            assertEquals(List.of(), connection.select("select name from genres where name = ?", HOSTILE));
            assertEquals(6, store.raw().rows("genres").size());
        }
    }

    @Test
    default void aFailedRawStatementIsAQueryExceptionWithoutItsValues() {
        try (MusicStore store = openStore()) {
            Eloquent db = store.db();
            assumeCapability(db, Capability.RAW_SQL);
            String marker = "kit-raw-marker-5150";
            QueryException failed = refused(QueryException.class, "no_such_table",
                    () -> db.on(store.connection()).select("select * from no_such_table where name = ?", marker));
            for (Throwable t = failed; t != null; t = t.getCause()) {
                assertFalse(String.valueOf(t).contains(marker), "the bound value leaked: " + t);
            }
        }
    }

    @Test
    default void rawSqlIsRefusedWhereNotClaimed() {
        try (MusicStore store = openStore()) {
            Eloquent db = store.db();
            assumeNotClaimed(db, Capability.RAW_SQL);
            String expected = notSupported(db, Capability.RAW_SQL);
            refused(UnsupportedFeatureException.class, expected,
                    () -> db.on(store.connection()).select("select name from genres where name = ?", "Jazz"));
            refused(UnsupportedFeatureException.class, expected,
                    () -> db.on(store.connection()).statement("update tracks set plays = ?", 1));
            refused(UnsupportedFeatureException.class, expected,
                    () -> db.query(Track.class).selectRaw("milliseconds / 1000 as seconds").rows());
            refused(UnsupportedFeatureException.class, expected,
                    () -> db.query(Track.class).whereRaw("milliseconds > ?", 1).get());
            refused(UnsupportedFeatureException.class, expected,
                    () -> db.query(Track.class).orWhereRaw("milliseconds > ?", 1).count());
            refused(UnsupportedFeatureException.class, expected,
                    () -> db.query(Track.class).orderByRaw("milliseconds desc").get());
            refused(UnsupportedFeatureException.class, expected, () -> db.query(Track.class).select("genre_id")
                    .groupBy("genre_id").havingRaw("count(*) > ?", 4).rows());
            assertEquals(0L, store.raw().rows("tracks").stream().mapToLong(t -> asLong(t.get("plays"))).sum());
        }
    }
}
