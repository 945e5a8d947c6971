package dev.eloquent.orm;

import dev.eloquent.api.Condition;
import dev.eloquent.api.Env;
import dev.eloquent.api.Query;
import dev.eloquent.resolver.DriverRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.eloquent.orm.Fakes.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Eager loading below a small parameter limit: the parents' keys are cut into chunks that fit with the
 * query's own bound values, each chunk is one statement, and every parent still gets its related models,
 * matched in memory whatever Java type each side's key arrived as. Also {@link RelationKeys#normalize}.
 */
class EagerChunkingTest {
    @Table("owners")
    static final class Owner extends SqlModel<Owner> {
        @Override
        public Schema schema() {
            return Schema.of(t -> {
                t.increments("id");
                t.string("name", 50);
            });
        }

        public HasMany<Owner, Pet> pets() {
            return hasMany(Pet.class, "owner_id");
        }

        public HasMany<Owner, Toy> toys() {
            return hasMany(Toy.class, "owner_id");
        }
    }

    @Table("pets")
    static final class Pet extends SqlModel<Pet> {
        @Override
        public Schema schema() {
            return Schema.of(t -> {
                t.increments("id");
                t.integer("owner_id").nullable();
                t.string("kind", 20);
            });
        }

        public BelongsTo<Pet, Owner> owner() {
            return belongsTo(Owner.class, "owner_id");
        }
    }

    /** On the document fake: a relation across connections. */
    @Table("toys")
    @Connection("docfake")
    static final class Toy extends Model<Toy> {
        @Override
        public Schema schema() {
            return Schema.of(t -> {
                t.increments("id");
                t.bigInteger("owner_id");
            });
        }
    }

    private final RecordingConnection.RecordingDriver sqlDriver = new RecordingConnection.RecordingDriver("sqlfake", Fakes.SQL);
    private final RecordingConnection.RecordingDriver docDriver = new RecordingConnection.RecordingDriver("docfake", Fakes.DOCUMENTS);
    private final Eloquent db = Eloquent.builder().env(Env.of(Map.of("DB_CONNECTION", "sqlfake")))
            .drivers(DriverRegistry.of(sqlDriver, docDriver))
            .register(Owner.class, Owner::new).register(Pet.class, Pet::new).register(Toy.class, Toy::new)
            .boot();

    @AfterEach
    void close() {
        db.close();
    }

    private RecordingConnection sql() {
        db.connections().connection("sqlfake");
        return sqlDriver.last;
    }

    private RecordingConnection doc() {
        db.connections().connection("docfake");
        return docDriver.last;
    }

    /** Seven owners, keyed 1..7 as the SQL driver returns them (Integer). */
    private static Object[][] owners() {
        Object[][] rows = new Object[7][];
        for (int i = 0; i < 7; i++) {
            rows[i] = row(i + 1, "o" + (i + 1));
        }
        return rows;
    }

    /** The IN list of the key constraint of a statement, as longs (each side binds its own column's type). */
    private static List<Long> keys(Query query) {
        List<Object> found = new ArrayList<>();
        collect(query.where(), found);
        return found.stream().map(key -> ((Number) key).longValue()).toList();
    }

    private static void collect(Condition condition, List<Object> found) {
        if (condition instanceof Condition.In in) {
            found.addAll(in.values());
        } else if (condition instanceof Condition.And and) {
            and.conditions().forEach(c -> collect(c, found));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void keysAreCutBelowTheLimitAndEveryParentIsMatched() {
        RecordingConnection sql = sql();
        sql.parameterLimit = 3;
        // Children come back with Long keys: matching compares by value, not by class.
        sql.answer(List.of("id", "name"), owners())
                .answer(List.of("id", "owner_id", "kind"), row(10, 1L, "cat"), row(11, 3L, "dog"), row(12, 3L, "cat"))
                .answer(List.of("id", "owner_id", "kind"), row(13, 4L, "cat"), row(14, 6L, "eel"))
                .answer(List.of("id", "owner_id", "kind"), row(15, 7L, "cat"));
        List<Owner> loaded = db.query(Owner.class).with("pets").get();

        List<Query> reads = sql.queries();
        assertEquals(4, reads.size(), "the owners, then one statement per chunk of three keys");
        assertEquals(List.of(1L, 2L, 3L), keys(reads.get(1)));
        assertEquals(List.of(4L, 5L, 6L), keys(reads.get(2)));
        assertEquals(List.of(7L), keys(reads.get(3)));
        List<List<Long>> kinds = loaded.stream()
                .map(owner -> ((List<Pet>) owner.getRelation("pets")).stream().map(p -> ((Number) p.get("id")).longValue()).toList()).toList();
        assertEquals(List.of(List.of(10L), List.of(), List.of(11L, 12L), List.of(13L), List.of(), List.of(14L), List.of(15L)),
                kinds);
    }

    @Test
    void theConstraintsOwnValuesLeaveLessRoomForKeys() {
        RecordingConnection sql = sql();
        sql.parameterLimit = 3;
        sql.answer(List.of("id", "name"), owners());
        db.query(Owner.class).with("pets", q -> q.where("kind", "cat")).get();
        List<Query> reads = sql.queries();
        assertEquals(5, reads.size(), "one bound value for the constraint leaves two keys a statement");
        assertEquals(List.of(1L, 2L), keys(reads.get(1)));
        assertEquals(List.of(7L), keys(reads.get(4)));
    }

    @Test
    void belongsToSendsEachDistinctKeyOnceAndSharesTheParent() {
        RecordingConnection sql = sql();
        sql.parameterLimit = 3;
        sql.answer(List.of("id", "owner_id", "kind"), row(1, 2, "a"), row(2, 2, "b"), row(3, 5, "c"), row(4, null, "d"),
                        row(5, 9, "e"), row(6, 8, "f"))
                .answer(List.of("id", "name"), row(2L, "two"), row(5L, "five"), row(8L, "eight"))
                .answer(List.of("id", "name"), row(9L, "nine"));
        List<Pet> pets = db.query(Pet.class).with("owner").get();
        List<Query> reads = sql.queries();
        assertEquals(3, reads.size());
        assertEquals(List.of(2L, 5L, 9L), keys(reads.get(1)), "distinct keys, first-seen order, no null");
        assertEquals(List.of(8L), keys(reads.get(2)));
        assertSame(pets.get(0).getRelation("owner"), pets.get(1).getRelation("owner"), "one model for one key");
        assertEquals("nine", ((Owner) pets.get(4).getRelation("owner")).getString("name"));
        assertEquals("eight", ((Owner) pets.get(5).getRelation("owner")).getString("name"));
        assertNull(pets.get(3).getRelation("owner"), "a null foreign key has no owner");
    }

    @Test
    void acrossConnectionsEachSideIsOneStatementPerChunk() {
        RecordingConnection sql = sql();
        RecordingConnection doc = doc();
        doc.parameterLimit = 4;
        sql.answer(List.of("id", "name"), owners());
        doc.answer(List.of("id", "owner_id"), row(1, 1L), row(2, 4L)).answer(List.of("id", "owner_id"), row(3, 7L));
        List<Owner> loaded = db.query(Owner.class).with("toys").get();
        assertEquals(1, sql.queries().size(), "the parents only on the SQL side");
        assertEquals(2, doc.queries().size(), "the children's chunks on the document side, by its own limit");
        assertEquals(List.of(1L, 2L, 3L, 4L), keys(doc.queries().get(0)), "the document side's own chunk size");
        assertEquals(1, ((List<?>) loaded.get(3).getRelation("toys")).size());
        assertEquals(1, ((List<?>) loaded.get(6).getRelation("toys")).size());
        assertTrue(((List<?>) loaded.get(1).getRelation("toys")).isEmpty());
    }

    @Test
    void normalizeComparesIntegralNumbersByValueAndLeavesTheRestAlone() {
        assertEquals(7L, RelationKeys.normalize(7));
        assertEquals(7L, RelationKeys.normalize(7L));
        assertEquals(7L, RelationKeys.normalize((short) 7));
        assertEquals(7L, RelationKeys.normalize((byte) 7));
        assertEquals(7L, RelationKeys.normalize(BigInteger.valueOf(7)));
        assertEquals(7L, RelationKeys.normalize(new BigDecimal("7.000")));
        assertEquals(new BigDecimal("7.5"), RelationKeys.normalize(new BigDecimal("7.50")), "not integral: scale stripped");
        BigInteger huge = BigInteger.ONE.shiftLeft(70);
        assertSame(huge, RelationKeys.normalize(huge), "beyond a long it stays as it is");
        assertEquals("65a1f0c2e4b0a1b2c3d4e5f6", RelationKeys.normalize("65a1f0c2e4b0a1b2c3d4e5f6"));
        assertEquals("7", RelationKeys.normalize("7"), "a string key never equals a number key");
        assertNull(RelationKeys.normalize(null));
    }
}
