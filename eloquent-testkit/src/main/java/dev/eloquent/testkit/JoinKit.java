package dev.eloquent.testkit;

import dev.eloquent.api.Capability;
import dev.eloquent.api.UnsupportedFeatureException;
import dev.eloquent.orm.Eloquent;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.eloquent.testkit.KitAssertions.assertSameRows;
import static dev.eloquent.testkit.KitAssertions.column;
import static dev.eloquent.testkit.KitAssertions.refused;
import static dev.eloquent.testkit.KitAssertions.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Inner, left, right and cross joins with {@code on} clauses, each checked against the same query
 * written by hand in SQL on the raw JDBC path (the join through the pivot and the self-join are
 * reports of {@link ReportKit}).
 * Joins need {@link Capability#JOINS}; where it is not claimed they are refused by name.
 */
public interface JoinKit extends StoreSupport {
    @Test
    default void joinOnAForeignKeyReadsColumnsOfBothTables() {
        try (MusicStore store = openStore()) {
            Eloquent db = store.db();
            assumeCapability(db, Capability.JOINS);
            List<Map<String, Object>> rows = db.table("tracks")
                    .join("albums", "albums.id", "=", "tracks.album_id")
                    .select("tracks.name as track", "albums.title as album")
                    .where("albums.title", "Kind of Blue").orderBy("tracks.name").get();
            assertSameRows(rawSql().select("SELECT tracks.name AS track, albums.title AS album FROM tracks"
                    + " JOIN albums ON albums.id = tracks.album_id WHERE albums.title = ? ORDER BY tracks.name",
                    "Kind of Blue"), rows);
            assertEquals(List.of("Blue in Green", "Freddie Freeloader", "So What"), column(rows, "track"));

            // On a model query the joined table filters, and select("tracks.*") keeps the rows models.
            assertEquals(List.of("Blue in Green", "Freddie Freeloader", "So What"), strings(db.query(Track.class)
                    .select("tracks.*").join("albums", "albums.id", "=", "tracks.album_id")
                    .where("albums.title", "Kind of Blue").orderBy("tracks.name").get(), "name"));
        }
    }

    @Test
    default void leftJoinKeepsRowsWithoutAMatchAndRightJoinTheOtherSide() {
        try (MusicStore store = openStore()) {
            Eloquent db = store.db();
            assumeCapability(db, Capability.JOINS);
            List<Map<String, Object>> left = db.table("artists")
                    .leftJoin("albums", "albums.artist_id", "=", "artists.id")
                    .select("artists.name as artist", "albums.title as album")
                    .orderBy("artists.name").orderBy("albums.title").get();
            assertSameRows(rawSql().select("SELECT a.name AS artist, al.title AS album FROM artists a"
                    + " LEFT JOIN albums al ON al.artist_id = a.id ORDER BY a.name, al.title"), left);
            assertEquals(9, left.size());
            assertEquals(List.of("The Quiet Ones"), db.table("artists")
                    .leftJoin("albums", "albums.artist_id", "=", "artists.id").whereNull("albums.id")
                    .pluck("artists.name"));

            List<Map<String, Object>> right = db.table("albums")
                    .rightJoin("artists", "artists.id", "=", "albums.artist_id")
                    .select("artists.name as artist", "albums.title as album")
                    .orderBy("artists.name").orderBy("albums.title").get();
            assertSameRows(left, right);
            assertSameRows(left, db.table("albums")
                    .rightJoin("artists", j -> j.on("artists.id", "=", "albums.artist_id"))
                    .select("artists.name as artist", "albums.title as album")
                    .orderBy("artists.name").orderBy("albums.title").get());
            assertSameRows(left, db.table("artists")
                    .leftJoin("albums", j -> j.on("albums.artist_id", "=", "artists.id"))
                    .select("artists.name as artist", "albums.title as album")
                    .orderBy("artists.name").orderBy("albums.title").get());
        }
    }

    @Test
    default void crossJoinPairsEveryRow() {
        try (MusicStore store = openStore()) {
            Eloquent db = store.db();
            assumeCapability(db, Capability.JOINS);
            assertEquals(18, db.table("genres").crossJoin("playlists").count());
            List<Map<String, Object>> pairs = db.table("genres").crossJoin("playlists")
                    .select("genres.name as genre", "playlists.name as playlist")
                    .where("genres.name", "Jazz").orderBy("playlists.name").get();
            assertSameRows(rawSql().select("SELECT g.name AS genre, p.name AS playlist FROM genres g CROSS JOIN playlists p"
                    + " WHERE g.name = ? ORDER BY p.name", "Jazz"), pairs);
        }
    }

    @Test
    default void joinClausesTakeSeveralConditions() {
        try (MusicStore store = openStore()) {
            Eloquent db = store.db();
            assumeCapability(db, Capability.JOINS);
            long santana = store.artist("Santana");
            List<Map<String, Object>> rows = db.table("tracks")
                    .join("albums", j -> j.on("albums.id", "=", "tracks.album_id").where("albums.artist_id", "=", santana))
                    .select("tracks.name as track").orderBy("tracks.name").get();
            assertSameRows(rawSql().select("SELECT t.name AS track FROM tracks t JOIN albums a"
                    + " ON a.id = t.album_id AND a.artist_id = ? ORDER BY t.name", santana), rows);
            assertEquals(5, rows.size());

            // A condition in a left join's on clause keeps the unmatched rows: every album, 4 with a match.
            List<Map<String, Object>> santanaOnly = db.table("albums")
                    .leftJoin("artists", j -> j.on("artists.id", "=", "albums.artist_id").where("artists.name", "=", "Santana"))
                    .select("albums.title as album", "artists.name as artist").orderBy("albums.title").get();
            assertEquals(8, santanaOnly.size());
            assertEquals(2, santanaOnly.stream().filter(r -> r.get("artist") != null).count());

            // orOn: each employee matches itself and its manager.
            assertEquals(13, db.table("employees")
                    .join("employees as other", j -> j.on("other.id", "=", "employees.reports_to")
                            .orOn("other.id", "=", "employees.id")).count());
        }
    }

    @Test
    default void joinsAreRefusedWhereNotClaimed() {
        try (MusicStore store = openStore()) {
            Eloquent db = store.db();
            assumeNotClaimed(db, Capability.JOINS);
            String expected = notSupported(db, Capability.JOINS);
            refused(UnsupportedFeatureException.class, expected,
                    () -> db.table("tracks").join("albums", "albums.id", "=", "tracks.album_id").get());
            refused(UnsupportedFeatureException.class, expected,
                    () -> db.query(Artist.class).leftJoin("albums", "albums.artist_id", "=", "artists.id").count());
            refused(UnsupportedFeatureException.class, expected, () -> db.table("genres").crossJoin("playlists").count());
            refused(UnsupportedFeatureException.class, expected, () -> db.query(Employee.class)
                    .join("employees as managers", j -> j.on("managers.id", "=", "employees.reports_to")).rows());
        }
    }
}
