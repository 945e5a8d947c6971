package dev.eloquent.testkit;

import dev.eloquent.api.Capability;
import dev.eloquent.api.EloquentException;
import dev.eloquent.orm.Eloquent;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static dev.eloquent.testkit.KitAssertions.assertAmount;
import static dev.eloquent.testkit.KitAssertions.assertSameRows;
import static dev.eloquent.testkit.KitAssertions.asLong;
import static dev.eloquent.testkit.KitAssertions.refused;
import static dev.eloquent.testkit.MusicStore.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a query returns: chosen columns with aliases, aggregate items, subquery items, distinct rows. */
public interface SelectKit extends StoreSupport {
    @Test
    default void selectNamesColumnsAndAliasesInOrder() {
        try (MusicStore store = openStore()) {
            Eloquent db = store.db();
            List<Map<String, Object>> rows = db.query(Track.class).select("name", "milliseconds as length")
                    .where("name", "Orion").rows();
            assertEquals(1, rows.size());
            assertEquals(List.of("name", "length"), List.copyOf(rows.get(0).keySet()));
            assertEquals("Orion", rows.get(0).get("name"));
            assertEquals(507_000L, asLong(rows.get(0).get("length")));

            Track partial = db.query(Track.class).select("id", "name").where("name", "Orion").firstOrFail();
            assertEquals("Orion", partial.getString("name"));
            assertEquals(store.track("Orion"), partial.getLong("id"));
            assertFalse(partial.has("unit_price"), "a column not selected is not loaded");

            List<Map<String, Object>> added = db.query(Track.class).select("name").addSelect("unit_price as price")
                    .where("name", "Orion").rows();
            assertEquals(List.of("name", "price"), List.copyOf(added.get(0).keySet()));
            assertAmount("0.99", added.get(0).get("price"));
            assertEquals(List.of("title"), List.copyOf(db.query(Album.class).select("albums.title")
                    .where("title", "Abraxas").rows().get(0).keySet()), "a qualified column keeps its own name");
        }
    }

    @Test
    default void aggregateItemsWithAliasesInOneRow() {
        try (MusicStore store = openStore()) {
            Eloquent db = store.db();
            List<Map<String, Object>> rows = db.query(Track.class).select("count(*) as tracks",
                    "count(genre_id) as with_genre", "count(distinct album_id) as albums", "sum(milliseconds) as total_ms",
                    "min(unit_price) as cheapest", "max(unit_price) as dearest", "avg(milliseconds) as mean_ms").rows();
            List<Map<String, Object>> raw = store.raw().rows("tracks");
            long totalMs = raw.stream().mapToLong(r -> asLong(r.get("milliseconds"))).sum();
            assertSameRows(List.of(row("tracks", 23, "with_genre", 22, "albums", 8, "total_ms", totalMs,
                    "cheapest", new BigDecimal("0.49"), "dearest", new BigDecimal("1.99"),
                    "mean_ms", new BigDecimal(totalMs).divide(new BigDecimal(23), 4, java.math.RoundingMode.HALF_UP))),
                    rows);
            assertSameRows(List.of(row("n", 3)), db.query(Track.class).select("count(*) as n")
                    .where("album_id", store.album("Kind of Blue")).rows());
        }
    }

    @Test
    default void distinctRemovesDuplicateRows() {
        try (MusicStore store = openStore()) {
            Eloquent db = store.db();
            List<Object> prices = db.query(Track.class).select("unit_price").distinct().orderBy("unit_price")
                    .pluck("unit_price");
            assertEquals(4, prices.size());
            assertAmount("0.49", prices.get(0));
            assertAmount("0.99", prices.get(1));
            assertAmount("1.29", prices.get(2));
            assertAmount("1.99", prices.get(3));
            assertEquals(5, db.query(Track.class).select("genre_id").distinct().whereNotNull("genre_id").get().size());
            assertEquals(2, db.query(Invoice.class).select("billing_country", "total").distinct()
                    .where("billing_country", "USA").where("total", "<", 3).get().size(),
                    "distinct on the pair: (USA, 1.98) and (USA, 0.99)");
        }
    }

    @Test
    default void selectSubAddsAScalarSubqueryPerRow() {
        try (MusicStore store = openStore()) {
            Eloquent db = store.db();
            assumeCapability(db, Capability.SUBQUERIES);
            List<Map<String, Object>> rows = db.query(Album.class).select("title")
                    .selectSub(db.table("tracks").select("count(*)").whereColumn("tracks.album_id", "albums.id"), "track_count")
                    .orderBy("title").rows();
            Map<Long, Integer> perAlbum = new TreeMap<>();
            store.raw().rows("tracks").forEach(t -> perAlbum.merge(asLong(t.get("album_id")), 1, Integer::sum));
            List<Map<String, Object>> expected = new ArrayList<>();
            for (Map<String, Object> album : store.raw().rows("albums")) {
                expected.add(row("title", album.get("title"), "track_count", perAlbum.getOrDefault(asLong(album.get("id")), 0)));
            }
            expected.sort((a, b) -> ((String) a.get("title")).compareTo((String) b.get("title")));
            assertSameRows(expected, rows);
        }
    }

    @Test
    default void selectItemsAreParsedStrictlyAndNamedWhenRefused() {
        try (MusicStore store = openStore()) {
            Eloquent db = store.db();
            refused(EloquentException.class, "no_such_column", () -> db.query(Track.class).select("no_such_column").get());
            refused(EloquentException.class, "name; drop table tracks",
                    () -> db.query(Track.class).select("name; drop table tracks").get());
            refused(EloquentException.class, "sum(*)", () -> db.query(Track.class).select("sum(*)").rows());
            refused(EloquentException.class, "median(milliseconds)",
                    () -> db.query(Track.class).select("median(milliseconds)").rows());
            refused(EloquentException.class, "count(*) as", () -> db.query(Track.class).select("count(*) as").rows());
            refused(EloquentException.class, "name as x y", () -> db.query(Track.class).select("name as x y").rows());
            assertEquals(23, store.raw().rows("tracks").size());
            assertTrue(db.query(Track.class).select("name as title").where("name", "Orion").rows().get(0)
                    .containsKey("title"));
        }
    }
}
