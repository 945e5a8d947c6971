package dev.eloquent.testkit;

import dev.eloquent.api.Capability;
import dev.eloquent.orm.Eloquent;
import dev.eloquent.orm.Page;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static dev.eloquent.testkit.KitAssertions.asLong;
import static dev.eloquent.testkit.KitAssertions.assertSameRows;
import static dev.eloquent.testkit.KitAssertions.column;
import static dev.eloquent.testkit.KitAssertions.strings;
import static dev.eloquent.testkit.MusicStore.row;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The 18 everyday reports a user wrote against a music store (issue 8). Reports 1 to 11 could always be
 * written; 12 to 18 could not (a join through a pivot, a sum, a sum per group, a count per group, a
 * top-5 by count, a self-join, a max). Each answer is checked against a second path: on SQL drivers the
 * same report written by hand in SQL through raw JDBC, elsewhere the raw rows summed up in Java.
 */
public interface ReportKit extends StoreSupport {
    /** The reference answer: hand-written SQL where the raw path runs SQL, otherwise computed from raw rows. */
    private List<Map<String, Object>> reference(String sql, List<Object> bindings, Supplier<List<Map<String, Object>>> fromRows) {
        return rawRunsSql() ? rawSql().select(sql, bindings.toArray()) : fromRows.get();
    }

    private static List<Map<String, Object>> rows(MusicStore store, String table, Predicate<Map<String, Object>> filter) {
        return store.raw().rows(table).stream().filter(filter).toList();
    }

    private static BigDecimal amount(Object raw) {
        return new BigDecimal(raw.toString());
    }

    private static boolean is(Object raw, long key) {
        return raw != null && asLong(raw) == key;
    }

    /** A raw timestamp as each path returns it (text, a JDBC timestamp, a BSON date): comparable among themselves. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Comparable<Object> createdAt(Map<String, Object> row) {
        return (Comparable) row.get("created_at");
    }

    private static List<String> sortedText(List<Map<String, Object>> rows, String column) {
        return rows.stream().map(r -> (String) r.get(column)).sorted().toList();
    }

    // ---- reports 1 to 11: filters, ordering, counting, paging ----

    @Test
    default void reportsThatFilterAndOrder() {
        try (MusicStore store = openStore()) {
            Eloquent db = store.db();
            // 1. The tracks of an album, by name.
            long kindOfBlue = store.album("Kind of Blue");
            assertEquals(sortedText(rows(store, "tracks", t -> is(t.get("album_id"), kindOfBlue)), "name"),
                    db.query(Track.class).where("album_id", kindOfBlue).orderBy("name").pluck("name"));
            // 2. An artist's albums, newest first.
            long santana = store.artist("Santana");
            assertEquals(rows(store, "albums", a -> is(a.get("artist_id"), santana)).stream()
                            .sorted(Comparator.comparing((Map<String, Object> a) -> asLong(a.get("released"))).reversed())
                            .map(a -> a.get("title")).toList(),
                    db.query(Album.class).where("artist_id", santana).orderByDesc("released").pluck("title"));
            // 3. Tracks longer than eight minutes.
            assertEquals(sortedText(rows(store, "tracks", t -> asLong(t.get("milliseconds")) > 480_000), "name"),
                    db.query(Track.class).where("milliseconds", ">", 480_000).orderBy("name").pluck("name"));
            // 4. The five cheapest tracks (by name among equal prices).
            assertEquals(store.raw().rows("tracks").stream()
                            .sorted(Comparator.comparing((Map<String, Object> t) -> amount(t.get("unit_price")))
                                    .thenComparing(t -> (String) t.get("name")))
                            .limit(5).map(t -> t.get("name")).toList(),
                    db.query(Track.class).orderBy("unit_price").orderBy("name").limit(5).pluck("name"));
            // 5. Tracks whose name mentions "blue", whatever the case.
            assertEquals(sortedText(rows(store, "tracks",
                            t -> ((String) t.get("name")).toLowerCase(java.util.Locale.ROOT).contains("blue")), "name"),
                    db.query(Track.class).whereLike("name", "%blue%").orderBy("name").pluck("name"));
            // 6. Invoices billed to some countries.
            Set<String> countries = Set.of("Brazil", "USA");
            assertEquals(rows(store, "invoices", i -> countries.contains(i.get("billing_country"))).stream()
                            .map(i -> asLong(i.get("id"))).toList(),
                    db.query(Invoice.class).whereIn("billing_country", countries).orderBy("id").pluck("id").stream()
                            .map(KitAssertions::asLong).toList());
            // 7. Employees without a manager.
            assertEquals(sortedText(rows(store, "employees", e -> e.get("reports_to") == null), "last_name"),
                    db.query(Employee.class).whereNull("reports_to").orderBy("last_name").pluck("last_name"));
            // 8. Invoices with a total from 3 to 6.
            assertEquals(rows(store, "invoices", i -> amount(i.get("total")).compareTo(new BigDecimal(3)) >= 0
                            && amount(i.get("total")).compareTo(new BigDecimal(6)) <= 0).size(),
                    db.query(Invoice.class).whereBetween("total", 3, 6).count());
        }
    }

    @Test
    default void reportsThatCountTakeTheFirstAndPage() {
        try (MusicStore store = openStore()) {
            Eloquent db = store.db();
            // 9. The number of jazz tracks.
            long jazz = store.genre("Jazz");
            assertEquals(rows(store, "tracks", t -> is(t.get("genre_id"), jazz)).size(),
                    db.query(Track.class).where("genre_id", jazz).count());
            // 10. The first invoice ever.
            Map<String, Object> first = store.raw().rows("invoices").stream()
                    .min(Comparator.comparing(ReportKit::createdAt)).orElseThrow();
            assertEquals(first.get("customer"), db.query(Invoice.class).oldest().firstOrFail().getString("customer"));
            // 11. The second page of tracks by name, five per page, with the number of pages.
            Page<Track> page = db.query(Track.class).orderBy("name").paginate(5, 2);
            assertEquals(sortedText(store.raw().rows("tracks"), "name").subList(5, 10), strings(page.items(), "name"));
            assertEquals(store.raw().rows("tracks").size(), page.total());
            assertEquals(5, page.lastPage());
        }
    }

    // ---- reports 12 to 18: what could not be written before ----

    @Test
    default void report12TheTracksOfAPlaylistThroughThePivot() {
        try (MusicStore store = openStore()) {
            Eloquent db = store.db();
            assumeCapability(db, Capability.JOINS);
            List<Map<String, Object>> tracks = db.table("tracks")
                    .join("playlist_track", "playlist_track.track_id", "=", "tracks.id")
                    .join("playlists", "playlists.id", "=", "playlist_track.playlist_id")
                    .where("playlists.name", "Favourites")
                    .select("playlist_track.position as position", "tracks.name as track", "tracks.unit_price as price")
                    .orderBy("playlist_track.position").get();
            assertSameRows(rawSql().select("SELECT pt.position AS position, t.name AS track, t.unit_price AS price"
                    + " FROM tracks t JOIN playlist_track pt ON pt.track_id = t.id JOIN playlists p ON p.id = pt.playlist_id"
                    + " WHERE p.name = ? ORDER BY pt.position", "Favourites"), tracks);
            assertEquals(List.of("Hells Bells", "So What", "Orion", "Smooth", "Blue in Green"), column(tracks, "track"));
            // The same through a model query: the tracks themselves.
            assertEquals(column(tracks, "track"), strings(db.query(Track.class).select("tracks.*")
                    .join("playlist_track", "playlist_track.track_id", "=", "tracks.id")
                    .where("playlist_track.playlist_id", store.playlist("Favourites"))
                    .orderBy("playlist_track.position").get(), "name"));
        }
    }

    @Test
    default void report13TotalSales() {
        try (MusicStore store = openStore()) {
            Eloquent db = store.db();
            List<Map<String, Object>> expected = reference("SELECT SUM(total) AS sales FROM invoices", List.of(),
                    () -> List.of(row("sales", store.raw().rows("invoices").stream().map(i -> amount(i.get("total")))
                            .reduce(BigDecimal.ZERO, BigDecimal::add))));
            assertSameRows(expected, List.of(row("sales", db.query(Invoice.class).sum("total"))));
            assertEquals(0, new BigDecimal("87.14").compareTo(db.query(Invoice.class).sum("total")), "exact, as decimals");
            assertSameRows(reference("SELECT SUM(total) AS sales FROM invoices WHERE billing_country = ?", List.of("USA"),
                            () -> List.of(row("sales", rows(store, "invoices", i -> "USA".equals(i.get("billing_country"))).stream()
                                    .map(i -> amount(i.get("total"))).reduce(BigDecimal.ZERO, BigDecimal::add)))),
                    List.of(row("sales", db.query(Invoice.class).where("billing_country", "USA").sum("total"))));
        }
    }

    @Test
    default void report14SalesPerCountry() {
        try (MusicStore store = openStore()) {
            Eloquent db = store.db();
            List<Map<String, Object>> expected = reference("SELECT billing_country, SUM(total) AS sales, COUNT(*) AS invoices"
                    + " FROM invoices GROUP BY billing_country ORDER BY sales DESC, billing_country", List.of(), () -> {
                Map<String, List<Map<String, Object>>> byCountry = new TreeMap<>();
                store.raw().rows("invoices").forEach(i -> byCountry.computeIfAbsent((String) i.get("billing_country"),
                        k -> new ArrayList<>()).add(i));
                List<Map<String, Object>> out = new ArrayList<>();
                byCountry.forEach((country, invoices) -> out.add(row("billing_country", country,
                        "sales", invoices.stream().map(i -> amount(i.get("total"))).reduce(BigDecimal.ZERO, BigDecimal::add),
                        "invoices", invoices.size())));
                out.sort(Comparator.comparing((Map<String, Object> r) -> (BigDecimal) r.get("sales")).reversed()
                        .thenComparing(r -> (String) r.get("billing_country")));
                return out;
            });
            assertSameRows(expected, db.query(Invoice.class).select("billing_country", "sum(total) as sales", "count(*) as invoices")
                    .groupBy("billing_country").orderByDesc("sales").orderBy("billing_country").rows());
            assertEquals("Brazil", expected.get(0).get("billing_country"));
        }
    }

    @Test
    default void report15TracksPerGenre() {
        try (MusicStore store = openStore()) {
            Eloquent db = store.db();
            List<Map<String, Object>> expected = reference("SELECT genre_id, COUNT(*) AS tracks FROM tracks"
                    + " WHERE genre_id IS NOT NULL GROUP BY genre_id ORDER BY genre_id", List.of(), () -> {
                Map<Long, Integer> counts = new TreeMap<>();
                rows(store, "tracks", t -> t.get("genre_id") != null)
                        .forEach(t -> counts.merge(asLong(t.get("genre_id")), 1, Integer::sum));
                List<Map<String, Object>> out = new ArrayList<>();
                counts.forEach((genre, count) -> out.add(row("genre_id", genre, "tracks", count)));
                return out;
            });
            assertSameRows(expected, db.query(Track.class).select("genre_id", "count(*) as tracks")
                    .whereNotNull("genre_id").groupBy("genre_id").orderBy("genre_id").rows());
            if (db.connections().connection(store.connection()).supports(Capability.JOINS)) {
                // With the genre's name, genres without tracks included.
                assertSameRows(rawSql().select("SELECT g.name AS genre, COUNT(t.id) AS tracks FROM genres g"
                                + " LEFT JOIN tracks t ON t.genre_id = g.id GROUP BY g.name ORDER BY tracks DESC, g.name"),
                        db.table("genres").leftJoin("tracks", "tracks.genre_id", "=", "genres.id")
                                .select("genres.name as genre", "count(tracks.id) as tracks").groupBy("genres.name")
                                .orderByDesc("tracks").orderBy("genres.name").get());
            }
        }
    }

    @Test
    default void report16TopFiveAlbumsByNumberOfTracks() {
        try (MusicStore store = openStore()) {
            Eloquent db = store.db();
            List<Map<String, Object>> expected = reference("SELECT album_id, COUNT(*) AS tracks FROM tracks"
                    + " GROUP BY album_id ORDER BY tracks DESC, album_id LIMIT 5", List.of(), () -> {
                Map<Long, Integer> counts = new TreeMap<>();
                store.raw().rows("tracks").forEach(t -> counts.merge(asLong(t.get("album_id")), 1, Integer::sum));
                List<Map<String, Object>> out = new ArrayList<>();
                counts.forEach((album, count) -> out.add(row("album_id", album, "tracks", count)));
                out.sort(Comparator.comparing((Map<String, Object> r) -> -(Integer) r.get("tracks"))
                        .thenComparing(r -> (Long) r.get("album_id")));
                return out.subList(0, 5);
            });
            assertSameRows(expected, db.query(Track.class).select("album_id", "count(*) as tracks").groupBy("album_id")
                    .orderByDesc("tracks").orderBy("album_id").limit(5).rows());
            if (db.connections().connection(store.connection()).supports(Capability.JOINS)) {
                // By artist, through albums.
                assertSameRows(rawSql().select("SELECT ar.name AS artist, COUNT(*) AS tracks FROM tracks t"
                                + " JOIN albums al ON al.id = t.album_id JOIN artists ar ON ar.id = al.artist_id"
                                + " GROUP BY ar.name ORDER BY tracks DESC, ar.name LIMIT 5"),
                        db.table("tracks").join("albums", "albums.id", "=", "tracks.album_id")
                                .join("artists", "artists.id", "=", "albums.artist_id")
                                .select("artists.name as artist", "count(*) as tracks").groupBy("artists.name")
                                .orderByDesc("count(*)").orderBy("artists.name").limit(5).get());
            }
        }
    }

    @Test
    default void report17EmployeesWithTheirManagers() {
        try (MusicStore store = openStore()) {
            Eloquent db = store.db();
            assumeCapability(db, Capability.JOINS);
            List<Map<String, Object>> rows = db.query(Employee.class)
                    .leftJoin("employees as managers", "managers.id", "=", "employees.reports_to")
                    .select("employees.first_name as employee", "managers.first_name as manager")
                    .orderBy("employees.last_name").rows();
            assertSameRows(rawSql().select("SELECT e.first_name AS employee, m.first_name AS manager FROM employees e"
                    + " LEFT JOIN employees m ON m.id = e.reports_to ORDER BY e.last_name"), rows);
            assertEquals(7, rows.size());
            assertEquals(List.of("Jane", "Margaret", "Steve"), column(db.table("employees")
                    .join("employees as managers", "managers.id", "=", "employees.reports_to")
                    .where("managers.first_name", "Nancy").select("employees.first_name as name")
                    .orderBy("employees.first_name").get(), "name"));
            // Who manages the most people.
            assertSameRows(rawSql().select("SELECT m.first_name AS manager, COUNT(*) AS reports FROM employees e"
                            + " JOIN employees m ON m.id = e.reports_to GROUP BY m.first_name ORDER BY reports DESC, m.first_name"),
                    db.table("employees").join("employees as managers", "managers.id", "=", "employees.reports_to")
                            .select("managers.first_name as manager", "count(*) as reports").groupBy("managers.first_name")
                            .orderByDesc("reports").orderBy("managers.first_name").get());
        }
    }

    @Test
    default void report18TheLongestTrack() {
        try (MusicStore store = openStore()) {
            Eloquent db = store.db();
            List<Map<String, Object>> expected = reference("SELECT MAX(milliseconds) AS longest FROM tracks", List.of(),
                    () -> List.of(row("longest", store.raw().rows("tracks").stream()
                            .mapToLong(t -> asLong(t.get("milliseconds"))).max().orElseThrow())));
            assertSameRows(expected, List.of(row("longest", db.query(Track.class).max("milliseconds"))));
            assertSameRows(expected, db.query(Track.class).select("max(milliseconds) as longest").rows());
            assertEquals("Pharaoh's Dance", db.query(Track.class).orderByDesc("milliseconds").value("name"));
            // The longest track of each genre.
            assertSameRows(reference("SELECT genre_id, MAX(milliseconds) AS longest FROM tracks WHERE genre_id IS NOT NULL"
                            + " GROUP BY genre_id ORDER BY genre_id", List.of(), () -> {
                        Map<Long, Long> longest = new TreeMap<>();
                        rows(store, "tracks", t -> t.get("genre_id") != null).forEach(t ->
                                longest.merge(asLong(t.get("genre_id")), asLong(t.get("milliseconds")), Math::max));
                        List<Map<String, Object>> out = new ArrayList<>();
                        longest.forEach((genre, ms) -> out.add(row("genre_id", genre, "longest", ms)));
                        return out;
                    }),
                    db.query(Track.class).select("genre_id", "max(milliseconds) as longest").whereNotNull("genre_id")
                            .groupBy("genre_id").orderBy("genre_id").rows());
        }
    }
}
