package dev.eloquent.orm;

import dev.eloquent.api.EloquentException;
import dev.eloquent.api.Env;
import dev.eloquent.api.Write;
import dev.eloquent.resolver.DriverRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Mass assignment rules, timestamp declarations and event registration, against the recording connection. */
class ModelBehaviourTest {
    private final Fakes fakes = new Fakes();

    @AfterEach
    void close() {
        fakes.close();
    }

    /** Fillable and guarded together: the fillable list is asked first, "*" guards the rest. */
    @Table("cards")
    static final class Card extends SqlModel<Card> {
        @Override
        public Schema schema() {
            return Schema.of(t -> {
                t.increments("id");
                t.string("title", 50);
                t.string("owner", 50).nullable();
                t.integer("rank").defaultValue(0);
                t.timestamp("made_at").nullable();
                t.timestamp("updated_at").nullable();
            });
        }

        @Override
        protected Set<String> fillable() {
            return Set.of("title");
        }

        @Override
        protected Set<String> guarded() {
            return Set.of("*");
        }

        @Override
        protected String createdAtColumn() {
            return "made_at";
        }

        @Override
        protected String updatedAtColumn() {
            return null;
        }
    }

    @Test
    void fillableIsAskedBeforeGuardedAndTheRestIsDroppedOrRefused() {
        fakes.db.register(Card.class, Card::new);
        Card card = fakes.db.make(Card.class).fill(Map.of("title", "ace", "owner", "x", "rank", 3));
        assertEquals(Map.of("title", "ace"), card.attributes());

        try (Eloquent strict = Eloquent.builder().env(Env.of(Map.of("DB_CONNECTION", "sqlfake")))
                .drivers(DriverRegistry.of(fakes.sqlDriver)).preventSilentlyDiscardingAttributes(true)
                .register(Card.class, Card::new).boot()) {
            MassAssignmentException error = assertThrows(MassAssignmentException.class,
                    () -> strict.make(Card.class).fill(Map.of("title", "ace", "rank", 3, "owner", "secret")));
            assertEquals("Card: [owner, rank] are not mass assignable; add them to fillable() or set them with"
                    + " set(...) or forceFill(...)", error.getMessage());
            assertEquals(Map.of("owner", "o"), strict.make(Card.class).forceFill(Map.of("owner", "o")).attributes());
        }
    }

    @Test
    void renamedCreationTimestampIsWrittenAndANullUpdatedColumnIsKeptOutOfUpdates() {
        fakes.db.register(Card.class, Card::new);
        RecordingConnection sql = fakes.sql();
        Card card = fakes.db.create(Card.class, Map.of("title", "ace"));
        Write.Insert insert = (Write.Insert) sql.writes().get(0);
        assertTrue(insert.columns().contains("made_at"), insert.columns().toString());
        assertFalse(insert.columns().contains("updated_at"), "updatedAtColumn() null keeps no updated timestamp");
        card.set("rank", 2).save();
        Write.Update update = (Write.Update) sql.writes().get(1);
        assertEquals(List.of("rank"), update.assignments().stream().map(Write.Assignment::column).toList());
        assertFalse(card.touch());
    }

    @Test
    void anObserverRegistersOnlyTheMethodsItOverrides() {
        List<String> heard = new ArrayList<>();
        fakes.db.observe(Fakes.Track.class, new ModelObserver<>() {
            @Override
            public void created(Fakes.Track model) {
                heard.add("created");
            }
        });
        assertTrue(fakes.db.events().listens(Fakes.Track.class, ModelEvent.CREATED));
        assertFalse(fakes.db.events().listens(Fakes.Track.class, ModelEvent.RETRIEVED),
                "no retrieved method, no per-row work");
        fakes.db.withoutEvents(() -> assertFalse(fakes.db.events().listens(Fakes.Track.class, ModelEvent.CREATED)));
        assertThrows(EloquentException.class,
                () -> fakes.db.onCancellable(Fakes.Track.class, ModelEvent.SAVED, model -> false));
    }

    @Test
    void aMisspeltGuardedColumnFailsAtRegistration() {
        EloquentException error = assertThrows(EloquentException.class, () -> fakes.db.register(Bad.class, Bad::new));
        assertTrue(error.getMessage().startsWith("guarded() of Bad: "), error.getMessage());
    }

    @Table("bads")
    static final class Bad extends SqlModel<Bad> {
        @Override
        public Schema schema() {
            return Schema.of(t -> t.increments("id"));
        }

        @Override
        protected Set<String> guarded() {
            return Set.of("nope");
        }
    }
}
