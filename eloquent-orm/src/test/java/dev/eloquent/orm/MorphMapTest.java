package dev.eloquent.orm;

import dev.eloquent.api.EloquentException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The morph map both ways, its conflicts, and that a stored type never loads a class by name. */
class MorphMapTest {
    private final Fakes fakes = new Fakes();

    @AfterEach
    void close() {
        fakes.close();
    }

    @Test
    void aMappedClassIsStoredByItsAliasAnUnmappedOneByItsName() {
        Eloquent db = fakes.db.morphMap(Map.of("track", Fakes.Track.class));
        assertEquals("track", db.morphAlias(Fakes.Track.class));
        assertEquals(Fakes.PlaylistTrack.class.getName(), db.morphAlias(Fakes.PlaylistTrack.class));
        assertEquals(Fakes.Track.class, db.morphClass("track"));
        assertEquals(Fakes.Track.class, db.morphClass(Fakes.Track.class.getName()), "the class name still reads");
        assertEquals(Fakes.PlaylistTrack.class, db.morphClass(Fakes.PlaylistTrack.class.getName()));
        assertNull(db.morphClass("java.lang.Runtime"), "only registered models, no class loaded by a stored name");
        assertEquals(List.of("track"), db.morphAliases());
        db.morphMap(Map.of("track", Fakes.Track.class)); // the same entry again is no conflict
    }

    @Test
    void anAliasOrAClassIsMappedOnce() {
        fakes.db.morphMap(Map.of("track", Fakes.Track.class));
        EloquentException alias = assertThrows(EloquentException.class,
                () -> fakes.db.morphMap(Map.of("track", Fakes.PlaylistTrack.class)));
        assertTrue(alias.getMessage().contains("already mapped"), alias.getMessage());
        assertThrows(EloquentException.class, () -> fakes.db.morphMap(Map.of("song", Fakes.Track.class)));
    }

    @Test
    void theBuilderAppliesTheMapAtBoot() {
        try (Eloquent db = Eloquent.builder().env(dev.eloquent.api.Env.of(Map.of("DB_CONNECTION", "sqlfake")))
                .drivers(dev.eloquent.resolver.DriverRegistry.of(fakes.sqlDriver))
                .register(Fakes.Track.class, Fakes.Track::new)
                .morphMap(Map.of("track", Fakes.Track.class)).boot()) {
            assertEquals("track", db.morphAlias(Fakes.Track.class));
        }
    }
}
