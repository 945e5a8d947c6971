package dev.eloquent.testkit;

import dev.eloquent.api.Capability;
import dev.eloquent.api.EloquentException;
import dev.eloquent.api.QueryEvent;
import dev.eloquent.api.UnsupportedFeatureException;
import dev.eloquent.orm.Eloquent;
import dev.eloquent.orm.ModelQuery;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.eloquent.testkit.KitAssertions.refused;
import static dev.eloquent.testkit.KitAssertions.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every condition of the builder on the music store: operators, or/and precedence, nested and negated
 * groups (with SQL's rule that a comparison with null is neither true nor false), in, null, between,
 * like, column comparisons and exists.
 */
public interface WhereKit extends StoreSupport {
    private static List<String> names(ModelQuery<Track> query) {
        return strings(query.get(), "name");
    }

    @Test
    default void whereComparesWithEveryOperator() {
        try (MusicStore store = openStore()) {
            Eloquent db = store.db();
            assertEquals(List.of("Orion", "Master of Puppets", "So What", "Freddie Freeloader", "Pharaoh's Dance"),
                    names(db.query(Track.class).where("milliseconds", ">", 500_000).orderBy("milliseconds")));
            assertEquals(4, db.query(Track.class).where("milliseconds", ">=", 515_000).count());
            assertEquals(2, db.query(Track.class).where("milliseconds", "<", 200_000).count());
            assertEquals(3, db.query(Track.class).where("milliseconds", "<=", 208_000).count());
            assertEquals(List.of("Pharaoh's Dance"),
                    names(db.query(Track.class).where("unit_price", new BigDecimal("1.99"))));
            assertEquals(List.of("Pharaoh's Dance"), names(db.query(Track.class).where("unit_price", "=", 1.99)),
                    "a double is cast to the decimal column");
            // 23 tracks: 6 rock, 1 without a genre; != never matches the null one.
            assertEquals(16, db.query(Track.class).where("genre_id", "!=", store.genre("Rock")).count());
            assertEquals(16, db.query(Track.class).where("genre_id", "<>", store.genre("Rock")).count());
            assertEquals(0, db.query(Track.class).where("name", "orion").count(), "equality is exact");
            assertEquals(List.of("Orion"), names(db.query(Track.class).where("name", "=", "Orion")));
        }
    }

    @Test
    default void orWhereBindsLooserThanWhereAndGroupsKeepTheirParentheses() {
        try (MusicStore store = openStore()) {
            Eloquent db = store.db();
            long blues = store.genre("Blues");
            long latin = store.genre("Latin");
            // blues OR (latin AND price > 1), as SQL reads it: 3 blues + Smooth and Maria Maria.
            assertEquals(5, db.query(Track.class).where("genre_id", blues).orWhere("genre_id", latin)
                    .where("unit_price", ">", 1).count());
            // (blues OR latin) AND price > 1
            assertEquals(List.of("Maria Maria", "Smooth"), names(db.query(Track.class)
                    .where(q -> q.where("genre_id", blues).orWhere("genre_id", latin))
                    .where("unit_price", ">", 1).orderBy("name")));
            // rock OR (jazz AND price > 1.5)
            assertEquals(7, db.query(Track.class).where("genre_id", store.genre("Rock"))
                    .orWhere(q -> q.where("genre_id", store.genre("Jazz")).where("unit_price", ">", 1.5)).count());
            // Groups nest: metal AND (length < 400000 OR (composer like %Burton% AND length > 510000))
            assertEquals(List.of("Battery", "Master of Puppets", "Welcome Home (Sanitarium)"), names(db.query(Track.class)
                    .where("genre_id", store.genre("Metal"))
                    .where(q -> q.where("milliseconds", "<", 400_000)
                            .orWhere(r -> r.where("composer", "like", "%Burton%").where("milliseconds", ">", 510_000)))
                    .orderBy("name")));
            assertEquals(0, db.query(Track.class).where(q -> {
            }).where("name", "Nothing").count(), "an empty group adds no condition");
        }
    }

    @Test
    default void whereNotNegatesAGroupAndKeepsNullRowsOut() {
        try (MusicStore store = openStore()) {
            Eloquent db = store.db();
            long rock = store.genre("Rock");
            // NOT (genre = rock): the track without a genre is unknown, so it is not matched either.
            assertEquals(16, db.query(Track.class).whereNot(q -> q.where("genre_id", rock)).count());
            // NOT (rock OR longer than 500000): 16 minus the 5 long jazz and metal tracks.
            assertEquals(11, db.query(Track.class)
                    .whereNot(q -> q.where("genre_id", rock).orWhere("milliseconds", ">", 500_000)).count());
            // blues OR NOT (price < 1.5): 3 blues and Pharaoh's Dance.
            assertEquals(List.of("Every Day I Have the Blues", "How Blue Can You Get", "Pharaoh's Dance",
                            "Sweet Little Angel"), names(db.query(Track.class).where("genre_id", store.genre("Blues"))
                    .orWhereNot(q -> q.where("unit_price", "<", 1.5)).orderBy("name")));
            assertEquals(List.of("Untitled Interlude"), names(db.query(Track.class)
                    .whereNot(q -> q.whereNotNull("genre_id"))));
        }
    }

    @Test
    default void whereInAndNotInTakeValues() {
        try (MusicStore store = openStore()) {
            Eloquent db = store.db();
            assertEquals(List.of("Orion", "Smooth"), names(db.query(Track.class)
                    .whereIn("name", List.of("Smooth", "Orion", "No Such Track")).orderBy("name")));
            // Not rock, not jazz, and not the track without a genre (NOT IN is unknown for null).
            assertEquals(12, db.query(Track.class)
                    .whereNotIn("genre_id", List.of(store.genre("Rock"), store.genre("Jazz"))).count());
            assertEquals(4, db.query(Track.class).where("genre_id", store.genre("Blues"))
                    .orWhereIn("name", List.of("Orion")).count());
            assertEquals(0, db.query(Track.class).whereIn("name", List.of()).count());
            assertEquals(23, db.query(Track.class).whereNotIn("name", List.of()).count());
        }
    }

    @Test
    default void whereInAndNotInTakeASubquery() {
        try (MusicStore store = openStore()) {
            Eloquent db = store.db();
            long acdc = store.artist("AC/DC");
            List<QueryEvent> events = new CopyOnWriteArrayList<>();
            db.listen(events::add);
            assertEquals(6, db.query(Track.class)
                    .whereIn("album_id", db.query(Album.class).select("id").where("artist_id", acdc)).count());
            // Where subqueries are not claimed, the inner query runs first and feeds an IN list: two statements.
            boolean inline = db.connections().connection(store.connection()).supports(Capability.SUBQUERIES);
            assertEquals(inline ? 1 : 2, events.size(), "statements: " + events);
            assertEquals(17, db.query(Track.class)
                    .whereNotIn("album_id", db.query(Album.class).select("id").where("artist_id", acdc)).count());
            assertEquals(List.of("Blue in Green", "Hells Bells", "Orion", "Smooth", "So What"), names(db.query(Track.class)
                    .whereIn("id", db.table(MusicStore.PIVOT).select("track_id")
                            .where("playlist_id", store.playlist("Favourites")))
                    .orderBy("name")));
            assertEquals(0, db.query(Track.class)
                    .whereIn("id", db.table(MusicStore.PIVOT).select("track_id")
                            .where("playlist_id", store.playlist("Empty"))).count());
            assertEquals(9, db.query(Track.class).where("genre_id", store.genre("Blues"))
                    .orWhereIn("id", db.table(MusicStore.PIVOT).select("track_id")
                            .where("playlist_id", store.playlist("Favourites"))).orWhere("name", "Battery").count());
        }
    }

    /** Correlated subqueries cannot be split into two queries: they are refused where not claimed. */
    @Test
    default void subqueriesAreRefusedWhereNotClaimed() {
        try (MusicStore store = openStore()) {
            Eloquent db = store.db();
            assumeNotClaimed(db, Capability.SUBQUERIES);
            String expected = notSupported(db, Capability.SUBQUERIES);
            refused(UnsupportedFeatureException.class, expected, () -> db.query(Artist.class)
                    .whereExists(db.table("albums").whereColumn("albums.artist_id", "artists.id")).count());
            refused(UnsupportedFeatureException.class, expected, () -> db.query(Album.class).select("title")
                    .selectSub(db.table("tracks").select("count(*)").whereColumn("tracks.album_id", "albums.id"), "n")
                    .rows());
        }
    }

    @Test
    default void whereNullAndNotNullAlsoInOrForm() {
        try (MusicStore store = openStore()) {
            Eloquent db = store.db();
            assertEquals(List.of("Untitled Interlude"), names(db.query(Track.class).whereNull("genre_id")));
            assertEquals(List.of("Untitled Interlude"), names(db.query(Track.class).where("genre_id", (Object) null)),
                    "where(column, null) is whereNull");
            assertEquals(3, db.query(Track.class).whereNull("composer").count());
            assertEquals(20, db.query(Track.class).whereNotNull("composer").count());
            assertEquals(4, db.query(Track.class).where("unit_price", ">", 1.5).orWhereNull("composer").count());
            assertEquals(22, db.query(Track.class).where("unit_price", ">", 1.5).orWhereNotNull("genre_id").count());
            assertEquals(List.of("Andrew"), strings(db.query(Employee.class).whereNull("reports_to").get(), "first_name"));
        }
    }

    @Test
    default void whereBetweenIncludesBothEnds() {
        try (MusicStore store = openStore()) {
            Eloquent db = store.db();
            // 250000 (Sweet Little Angel) is the lower end itself.
            assertEquals(List.of("Sweet Little Angel", "Back in Black", "Oye Como Va", "Maria Maria", "Touch Too Much",
                            "Samba Pa Ti", "Smooth"),
                    names(db.query(Track.class).whereBetween("milliseconds", 250_000, 300_000).orderBy("milliseconds")));
            assertEquals(16, db.query(Track.class).whereNotBetween("milliseconds", 250_000, 300_000).count());
            assertEquals(6, db.query(Track.class)
                    .whereBetween("unit_price", new BigDecimal("1.00"), new BigDecimal("1.99")).count());
            assertEquals(List.of("Margaret", "Michael", "Steve"), strings(db.query(Employee.class)
                    .whereBetween("hired_on", LocalDate.of(2003, 1, 1), LocalDate.of(2003, 12, 31))
                    .orderBy("first_name").get(), "first_name"));
        }
    }

    @Test
    default void whereLikeIgnoresAsciiCaseUnlessAskedNotTo() {
        try (MusicStore store = openStore()) {
            Eloquent db = store.db();
            List<String> blue = List.of("Blue in Green", "Every Day I Have the Blues", "How Blue Can You Get");
            assertEquals(blue, names(db.query(Track.class).whereLike("name", "%blue%").orderBy("name")));
            assertEquals(blue, names(db.query(Track.class).whereLike("name", "%BLUE%", false).orderBy("name")));
            assertEquals(blue, names(db.query(Track.class).whereLike("name", "%Blue%", true).orderBy("name")));
            assertEquals(0, db.query(Track.class).whereLike("name", "%blue%", true).count(), "case-sensitive");
            assertEquals(20, db.query(Track.class).whereNotLike("name", "%blue%").count());
            assertEquals(List.of("Orion"), names(db.query(Track.class).whereLike("name", "orio_")));
            assertEquals(List.of("Pharaoh's Dance"), names(db.query(Track.class).whereLike("name", "pharaoh's%")));
            assertEquals(List.of("Back in Black"), names(db.query(Track.class)
                    .where("name", "like", "back%").orWhere("name", "like", "NOTHING%")));
        }
    }

    @Test
    default void whereColumnComparesTwoColumnsOfARow() {
        try (MusicStore store = openStore()) {
            Eloquent db = store.db();
            assertEquals(13, db.query(Invoice.class).whereColumn("paid", "total").count());
            assertEquals(List.of("Bjørn Hansen", "Roberto Almeida", "Tim Goyer"), strings(db.query(Invoice.class)
                    .whereColumn("paid", "<", "total").orderBy("customer").get(), "customer"));
            assertEquals(4, db.query(Invoice.class).whereColumn("paid", "<", "total")
                    .orWhereColumn("total", ">", "paid").orWhere("billing_country", "Canada").count());
            assertEquals(0, db.query(Invoice.class).whereColumn("paid", ">", "total").count());
            refused(EloquentException.class, "no_such_column",
                    () -> db.query(Invoice.class).whereColumn("paid", "no_such_column").count());
        }
    }

    @Test
    default void whereExistsRunsACorrelatedSubquery() {
        try (MusicStore store = openStore()) {
            Eloquent db = store.db();
            assumeCapability(db, Capability.SUBQUERIES);
            assertEquals(5, db.query(Artist.class)
                    .whereExists(db.table("albums").whereColumn("albums.artist_id", "artists.id")).count());
            assertEquals(List.of("The Quiet Ones"), strings(db.query(Artist.class)
                    .whereNotExists(db.table("albums").whereColumn("albums.artist_id", "artists.id")).get(), "name"));
            assertEquals(List.of("Miles Davis"), strings(db.query(Artist.class)
                    .whereExists(db.table("albums").whereColumn("albums.artist_id", "artists.id")
                            .where("released", "<", 1960)).get(), "name"));
        }
    }

    @Test
    default void unknownColumnsAndOperatorsAreRefusedBeforeAnythingRuns() {
        try (MusicStore store = openStore()) {
            Eloquent db = store.db();
            refused(EloquentException.class, "no_such_column",
                    () -> db.query(Track.class).where("no_such_column", 1).count());
            refused(EloquentException.class, "not a supported operator",
                    () -> db.query(Track.class).where("name", "=~", "x").count());
            refused(EloquentException.class, "no_such_column",
                    () -> db.query(Track.class).whereIn("no_such_column", List.of(1)).count());
            refused(EloquentException.class, "no_such_column",
                    () -> db.query(Track.class).whereBetween("no_such_column", 1, 2).count());
            assertEquals(23, store.raw().rows("tracks").size());
        }
    }
}
