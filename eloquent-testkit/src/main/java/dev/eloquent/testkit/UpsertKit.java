package dev.eloquent.testkit;

import dev.eloquent.api.Capability;
import dev.eloquent.api.EloquentException;
import dev.eloquent.orm.Eloquent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Upsert inserts what is new, updates only the named columns of what exists, and is repeatable. */
public interface UpsertKit extends KitSupport {
    @Test
    default void upsertInsertsNewRowsAndUpdatesOnlyTheNamedColumnsOfExistingOnes() {
        CrudKit.MutableClock clock = new CrudKit.MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
        try (Eloquent db = boot(clock)) {
            assumeCapability(db, Capability.UPSERT);
            freshEvents(db);
            db.create(KitEvent.class, Map.of("code", "a", "hits", 1, "label", "first"));
            clock.set(Instant.parse("2030-01-02T00:00:00Z"));
            List<Map<String, Object>> rows = List.of(
                    Map.of("code", "a", "hits", 5, "label", "ignored"),
                    Map.of("code", "b", "hits", 2, "label", "new"));
            db.upsert(KitEvent.class, rows, List.of("code"), List.of("hits"));

            List<Map<String, Object>> raw = target().raw().rows(EVENTS);
            assertEquals(2, raw.size());
            assertEquals("a", raw.get(0).get("code"));
            assertEquals(5L, ((Number) raw.get(0).get("hits")).longValue());
            assertEquals("first", raw.get(0).get("label"), "a column not named for update keeps its value");
            assertEquals("b", raw.get(1).get("code"));
            assertEquals(2L, ((Number) raw.get(1).get("hits")).longValue());
            assertEquals("new", raw.get(1).get("label"));

            KitEvent a = db.query(KitEvent.class).where("code", "a").firstOrFail();
            assertEquals(LocalDateTime.of(2030, 1, 1, 0, 0), a.getTimestamp("created_at"));
            assertEquals(LocalDateTime.of(2030, 1, 2, 0, 0), a.getTimestamp("updated_at"));

            db.upsert(KitEvent.class, rows, List.of("code"), List.of("hits", "label"));
            assertEquals(2, target().raw().rows(EVENTS).size(), "upserting the same rows again adds none");
            assertEquals("ignored", db.query(KitEvent.class).where("code", "a").firstOrFail().getString("label"));
        }
    }

    @Test
    default void upsertChecksValuesAndColumnsLikeSetDoes() {
        try (Eloquent db = boot()) {
            assumeCapability(db, Capability.UPSERT);
            freshEvents(db);
            refusedNaming("kit_events.hits", () -> db.upsert(KitEvent.class,
                    List.of(Map.of("code", "c", "hits", "many")), List.of("code"), List.of("hits")));
            refusedNaming("kit_events.code", () -> db.upsert(KitEvent.class,
                    List.of(Map.of("code", "c".repeat(51))), List.of("code"), List.of()));
            refusedNaming("no column 'no_such_column'", () -> db.upsert(KitEvent.class,
                    List.of(Map.of("code", "c")), List.of("code"), List.of("no_such_column")));
            assertEquals(0, target().raw().rows(EVENTS).size());
        }
    }

    private static void refusedNaming(String fragment, org.junit.jupiter.api.function.Executable call) {
        EloquentException error = assertThrows(EloquentException.class, call);
        assertTrue(error.getMessage().contains(fragment), error.getMessage());
    }
}
