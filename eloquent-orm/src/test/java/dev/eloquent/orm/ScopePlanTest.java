package dev.eloquent.orm;

import dev.eloquent.api.Condition;
import dev.eloquent.api.EloquentException;
import dev.eloquent.api.Operator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.eloquent.orm.Fakes.and;
import static dev.eloquent.orm.Fakes.col;
import static dev.eloquent.orm.Fakes.compare;
import static dev.eloquent.orm.Fakes.eq;
import static dev.eloquent.orm.Fakes.or;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The trees scopes and soft deletes give: one group per scope, ANDed with the query's own conditions. */
class ScopePlanTest {
    private final Fakes fakes = new Fakes();

    @AfterEach
    void close() {
        fakes.close();
    }

    @Table("songs")
    static final class Song extends SqlModel<Song> implements SoftDeletes {
        @Override
        public Schema schema() {
            return Schema.of(t -> {
                t.increments("id");
                t.string("name", 100);
                t.integer("plays").defaultValue(0);
                t.timestamp("deleted_at").nullable();
            });
        }

        @Override
        public Map<String, Scope<Song>> globalScopes() {
            return Map.of("heard", q -> q.where("plays", ">", 0).orWhere("name", "x"));
        }
    }

    @Table("songs")
    static final class Undeclared extends SqlModel<Undeclared> implements SoftDeletes {
        @Override
        public Schema schema() {
            return Schema.of(t -> t.increments("id"));
        }
    }

    private ModelQuery<Song> songs() {
        fakes.db.register(Song.class, Song::new);
        return fakes.db.query(Song.class);
    }

    private static Condition live() {
        return new Condition.Null(col("songs.deleted_at"), false);
    }

    private static Condition heard() {
        return or(compare("plays", Operator.GT, 0), eq("name", "x"));
    }

    @Test
    void globalScopesAreGroupsAndedWithTheWholeTree() {
        assertEquals(and(or(eq("name", "a"), eq("name", "b")), live(), heard()),
                songs().where("name", "a").orWhere("name", "b").toQuery().where());
        assertEquals(and(live(), heard()), songs().toQuery().where());
        assertEquals(heard(), songs().withTrashed().toQuery().where());
        assertEquals(live(), songs().withoutGlobalScope("heard").toQuery().where());
        assertTrue(songs().withoutGlobalScopes().toQuery().where().isTrue());
        assertEquals(and(heard(), new Condition.Null(col("songs.deleted_at"), true)),
                songs().onlyTrashed().toQuery().where());
    }

    @Test
    void aLocalScopeGroupsWhatItAddsAndWhatCameBefore() {
        assertEquals(and(or(eq("name", "a"), eq("name", "b")), or(eq("plays", 1), eq("plays", 2))),
                songs().withoutGlobalScopes().where("name", "a").orWhere("name", "b")
                        .scope(q -> q.where("plays", 1).orWhere("plays", 2)).toQuery().where());
    }

    @Test
    void aSoftDeletingModelNeedsANullableDeletedAtColumn() {
        EloquentException error = assertThrows(EloquentException.class,
                () -> fakes.db.register(Undeclared.class, Undeclared::new));
        assertTrue(error.getMessage().contains("Undeclared uses soft deletes: its schema needs a nullable timestamp"
                + " column deleted_at"), error.getMessage());
    }
}
