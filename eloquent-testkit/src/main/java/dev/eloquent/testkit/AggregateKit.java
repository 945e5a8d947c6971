package dev.eloquent.testkit;

import dev.eloquent.orm.Eloquent;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static dev.eloquent.testkit.KitAssertions.asLong;
import static dev.eloquent.testkit.KitAssertions.assertAmount;
import static dev.eloquent.testkit.KitAssertions.assertSameRows;
import static dev.eloquent.testkit.KitAssertions.column;
import static dev.eloquent.testkit.MusicStore.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * count/sum/avg/min/max/exists over a query, and the same per group with having and ordering by an
 * aggregate; reference answers are computed from the raw rows of the second path.
 */
public interface AggregateKit extends StoreSupport {
    private static BigDecimal amount(Object raw) {
        return new BigDecimal(raw.toString());
    }

    /** The raw tracks grouped by genre (tracks with a genre only), as a sorted map of genre id to its tracks. */
    private static Map<Long, List<Map<String, Object>>> tracksByGenre(MusicStore store) {
        Map<Long, List<Map<String, Object>>> groups = new TreeMap<>();
        for (Map<String, Object> track : store.raw().rows("tracks")) {
            if (track.get("genre_id") != null) {
                groups.computeIfAbsent(asLong(track.get("genre_id")), k -> new ArrayList<>()).add(track);
            }
        }
        return groups;
    }

    @Test
    default void aggregatesOfAQueryReturnTheColumnsJavaTypes() {
        try (MusicStore store = openStore()) {
            Eloquent db = store.db();
            List<Map<String, Object>> raw = store.raw().rows("tracks");
            BigDecimal prices = raw.stream().map(r -> amount(r.get("unit_price"))).reduce(BigDecimal.ZERO, BigDecimal::add);
            long totalMs = raw.stream().mapToLong(r -> asLong(r.get("milliseconds"))).sum();

            assertEquals(23, db.query(Track.class).count());
            assertEquals(22, db.query(Track.class).count("genre_id"), "count(column) skips nulls");
            assertEquals(20, db.query(Track.class).count("composer"));
            assertInstanceOf(BigDecimal.class, db.query(Track.class).sum("unit_price"));
            assertAmount(prices.toPlainString(), db.query(Track.class).sum("unit_price"));
            assertAmount("24.77", db.query(Track.class).sum("unit_price"));
            assertAmount(Long.toString(totalMs), db.query(Track.class).sum("milliseconds"));
            assertAmount(new BigDecimal(totalMs).divide(new BigDecimal(23), 4, RoundingMode.HALF_UP).toPlainString(),
                    db.query(Track.class).avg("milliseconds").setScale(4, RoundingMode.HALF_UP));
            assertEquals(45_000, db.query(Track.class).min("milliseconds"));
            assertEquals(1_200_000, db.query(Track.class).max("milliseconds"));
            assertEquals(new BigDecimal("1.99"), db.query(Track.class).max("unit_price"));
            assertEquals(new BigDecimal("0.49"), db.query(Track.class).min("unit_price"));
            assertEquals("Back in Black", db.query(Track.class).min("name"));
            assertEquals("You Shook Me All Night Long", db.query(Track.class).max("name"));
            assertEquals(LocalDate.of(2002, 4, 1), db.query(Employee.class).min("hired_on"));
            assertEquals(LocalDate.of(2004, 1, 2), db.query(Employee.class).max("hired_on"));

            long jazz = store.genre("Jazz");
            assertAmount("5.86", db.query(Track.class).where("genre_id", jazz).sum("unit_price"));
            assertAmount("1.465", db.query(Track.class).where("genre_id", jazz).avg("unit_price"));
            assertEquals(337_000, db.query(Track.class).where("genre_id", jazz).min("milliseconds"));
            assertTrue(db.query(Track.class).where("genre_id", jazz).exists());
            assertFalse(db.query(Track.class).where("genre_id", jazz).doesntExist());
            assertTrue(db.query(Track.class).where("genre_id", store.genre("Classical")).doesntExist());
        }
    }

    @Test
    default void aggregatesOfNoRowsAreZeroOrNull() {
        try (MusicStore store = openStore()) {
            Eloquent db = store.db();
            long classical = store.genre("Classical");
            assertEquals(0, db.query(Track.class).where("genre_id", classical).count());
            assertEquals(0, BigDecimal.ZERO.compareTo(db.query(Track.class).where("genre_id", classical).sum("milliseconds")));
            assertNull(db.query(Track.class).where("genre_id", classical).avg("milliseconds"));
            assertNull(db.query(Track.class).where("genre_id", classical).min("milliseconds"));
            assertNull(db.query(Track.class).where("genre_id", classical).max("unit_price"));
            assertFalse(db.query(Track.class).where("genre_id", classical).exists());
        }
    }

    @Test
    default void groupByCountsPerGroup() {
        try (MusicStore store = openStore()) {
            Eloquent db = store.db();
            List<Map<String, Object>> expected = new ArrayList<>();
            tracksByGenre(store).forEach((genre, tracks) -> expected.add(row("genre_id", genre, "tracks", tracks.size())));
            assertSameRows(expected, db.query(Track.class).select("genre_id", "count(*) as tracks")
                    .whereNotNull("genre_id").groupBy("genre_id").orderBy("genre_id").rows());
            assertEquals(5, expected.size());
            // The same through the table builder.
            assertSameRows(expected, db.table("tracks").select("genre_id", "count(*) as tracks")
                    .whereNotNull("genre_id").groupBy("genre_id").orderBy("genre_id").get());
        }
    }

    @Test
    default void groupedSumsMaximaAndAverages() {
        try (MusicStore store = openStore()) {
            Eloquent db = store.db();
            List<Map<String, Object>> expected = new ArrayList<>();
            tracksByGenre(store).forEach((genre, tracks) -> {
                long sum = tracks.stream().mapToLong(t -> asLong(t.get("milliseconds"))).sum();
                long max = tracks.stream().mapToLong(t -> asLong(t.get("milliseconds"))).max().orElseThrow();
                BigDecimal prices = tracks.stream().map(t -> amount(t.get("unit_price"))).reduce(BigDecimal.ZERO, BigDecimal::add);
                expected.add(row("genre_id", genre, "total_ms", sum, "longest", max,
                        "mean_price", prices.divide(new BigDecimal(tracks.size()), 4, RoundingMode.HALF_UP)));
            });
            assertSameRows(expected, db.query(Track.class)
                    .select("genre_id", "sum(milliseconds) as total_ms", "max(milliseconds) as longest",
                            "avg(unit_price) as mean_price")
                    .whereNotNull("genre_id").groupBy("genre_id").orderBy("genre_id").rows());
        }
    }

    @Test
    default void havingFiltersGroupsByAnAggregateOrItsAlias() {
        try (MusicStore store = openStore()) {
            Eloquent db = store.db();
            assertEquals(sorted(store.genre("Rock"), store.genre("Jazz"), store.genre("Metal"), store.genre("Latin")),
                    genreIds(db.query(Track.class).select("genre_id", "count(*) as tracks").whereNotNull("genre_id")
                            .groupBy("genre_id").having("count(*)", ">=", 4).orderBy("genre_id").rows()));
            assertEquals(sorted(store.genre("Rock"), store.genre("Metal")),
                    genreIds(db.query(Track.class).select("genre_id", "count(*) as tracks").whereNotNull("genre_id")
                            .groupBy("genre_id").having("tracks", ">", 4).orderBy("genre_id").rows()),
                    "having on the alias of a selected aggregate");
            // Rock has 6 tracks; Blues' 3 tracks last 750000 ms together.
            assertEquals(sorted(store.genre("Rock"), store.genre("Blues")),
                    genreIds(db.query(Track.class).select("genre_id").whereNotNull("genre_id").groupBy("genre_id")
                            .having("count(*)", ">", 5).orHaving("sum(milliseconds)", "<", 800_000)
                            .orderBy("genre_id").rows()));
            List<Map<String, Object>> countries = db.query(Invoice.class)
                    .select("billing_country", "sum(total) as sales").groupBy("billing_country")
                    .having("sum(total)", ">", 10).orderBy("billing_country").rows();
            assertSameRows(List.of(row("billing_country", "Brazil", "sales", new BigDecimal("32.69")),
                    row("billing_country", "Czech Republic", "sales", new BigDecimal("14.85")),
                    row("billing_country", "USA", "sales", new BigDecimal("12.87"))), countries);
        }
    }

    /** Keys in ascending order, as an order by the key column returns them. */
    private static List<Long> sorted(long... keys) {
        return java.util.Arrays.stream(keys).sorted().boxed().toList();
    }

    private static List<Long> genreIds(List<Map<String, Object>> rows) {
        return column(rows, "genre_id").stream().map(KitAssertions::asLong).toList();
    }

    @Test
    default void topFiveByCountOrdersByTheAggregate() {
        try (MusicStore store = openStore()) {
            Eloquent db = store.db();
            Map<Long, Integer> perAlbum = new TreeMap<>();
            store.raw().rows("tracks").forEach(t -> perAlbum.merge(asLong(t.get("album_id")), 1, Integer::sum));
            List<Map<String, Object>> expected = new ArrayList<>();
            perAlbum.forEach((album, count) -> expected.add(row("album_id", album, "tracks", count)));
            expected.sort(Comparator.comparing((Map<String, Object> r) -> -((Integer) r.get("tracks")))
                    .thenComparing(r -> (Long) r.get("album_id")));
            List<Map<String, Object>> topFive = expected.subList(0, 5);

            assertSameRows(topFive, db.query(Track.class).select("album_id", "count(*) as tracks").groupBy("album_id")
                    .orderByDesc("tracks").orderBy("album_id").limit(5).rows());
            assertSameRows(topFive, db.query(Track.class).select("album_id", "count(*) as tracks").groupBy("album_id")
                    .orderBy("count(*)", "desc").orderBy("album_id").take(5).rows());
            assertEquals(store.album("Master of Puppets"), asLong(topFive.get(0).get("album_id")));
            assertEquals(store.album("Back in Black"), asLong(topFive.get(1).get("album_id")));
        }
    }
}
