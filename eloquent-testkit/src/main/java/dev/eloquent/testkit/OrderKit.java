package dev.eloquent.testkit;

import dev.eloquent.api.EloquentException;
import dev.eloquent.orm.Eloquent;
import dev.eloquent.orm.ModelQuery;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static dev.eloquent.testkit.KitAssertions.refused;
import static dev.eloquent.testkit.KitAssertions.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** orderBy on one or several columns and directions, latest/oldest, reorder, and random order. */
public interface OrderKit extends StoreSupport {
    private static List<String> names(ModelQuery<Track> query) {
        return strings(query.get(), "name");
    }

    @Test
    default void orderByColumnsAndDirectionsInTheOrderGiven() {
        try (MusicStore store = openStore()) {
            Eloquent db = store.db();
            assertEquals(List.of("Pharaoh's Dance", "Blue in Green", "Freddie Freeloader", "Maria Maria"),
                    names(db.query(Track.class).orderBy("unit_price", "desc").orderBy("name").limit(4)));
            assertEquals(List.of("Untitled Interlude", "Every Day I Have the Blues"),
                    names(db.query(Track.class).orderBy("milliseconds").limit(2)));
            assertEquals(List.of("Pharaoh's Dance", "Freddie Freeloader"),
                    names(db.query(Track.class).orderByDesc("milliseconds").limit(2)));
            assertEquals(List.of("Pharaoh's Dance", "Freddie Freeloader"),
                    names(db.query(Track.class).orderBy("milliseconds", "DESC").limit(2)), "directions ignore case");
            refused(EloquentException.class, "sideways",
                    () -> db.query(Track.class).orderBy("name", "sideways").get());
            refused(EloquentException.class, "no_such_column", () -> db.query(Track.class).orderBy("no_such_column").get());
        }
    }

    @Test
    default void latestAndOldestOrderByCreatedAtOrTheColumnGiven() {
        try (MusicStore store = openStore()) {
            Eloquent db = store.db();
            assertEquals("Tim Goyer", db.query(Invoice.class).latest().firstOrFail().getString("customer"));
            assertEquals("Luís Gonçalves", db.query(Invoice.class).oldest().firstOrFail().getString("customer"));
            assertEquals(List.of("Tim Goyer", "Michelle Brooks", "Jack Smith"),
                    strings(db.query(Invoice.class).latest().limit(3).get(), "customer"));
            assertEquals("Robert", db.query(Employee.class).latest("hired_on").firstOrFail().getString("first_name"));
            assertEquals("Jane", db.query(Employee.class).oldest("hired_on").firstOrFail().getString("first_name"));
        }
    }

    @Test
    default void reorderDropsEarlierOrders() {
        try (MusicStore store = openStore()) {
            Eloquent db = store.db();
            assertEquals(List.of("Untitled Interlude"),
                    names(db.query(Track.class).orderBy("name").reorder().orderBy("milliseconds").limit(1)));
            List<String> unordered = names(db.query(Track.class).orderByDesc("name").reorder());
            assertEquals(23, unordered.size());
        }
    }

    @Test
    default void inRandomOrderReturnsEveryRowInSomeOrder() {
        try (MusicStore store = openStore()) {
            Eloquent db = store.db();
            List<String> byName = names(db.query(Track.class).orderBy("name"));
            Set<List<String>> orders = new HashSet<>();
            for (int i = 0; i < 8; i++) {
                List<String> shuffled = names(db.query(Track.class).inRandomOrder());
                List<String> sorted = new ArrayList<>(shuffled);
                sorted.sort(java.util.Comparator.comparingInt(byName::indexOf));
                assertEquals(byName, sorted, "a permutation of all rows");
                orders.add(shuffled);
            }
            // 8 draws of 23! orders: the chance that all are the same is nil unless the order is not random.
            assertTrue(orders.size() > 1, "eight random orders were all the same: " + orders);
            assertEquals(3, names(db.query(Track.class).where("genre_id", store.genre("Blues")).inRandomOrder()).size());
            assertTrue(byName.contains(db.query(Track.class).inRandomOrder().firstOrFail().getString("name")));
        }
    }
}
