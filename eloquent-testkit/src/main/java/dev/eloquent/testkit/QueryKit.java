package dev.eloquent.testkit;

import dev.eloquent.api.EloquentException;
import dev.eloquent.orm.Eloquent;
import dev.eloquent.orm.ModelQuery;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every query form the ORM offers, on the same six rows. */
public interface QueryKit extends KitSupport {
    private static void seed(Eloquent db) {
        String[] names = {"Ann", "bob", "Cid", "dee", "Eve", "fay"};
        for (int i = 0; i < names.length; i++) {
            db.create(KitItem.class, Map.of("name", names[i], "quantity", (i + 1) * 10, "active", i % 2 == 0));
        }
        db.query(KitItem.class).where("name", "fay").update(Map.of("notes", "has notes"));
    }

    private static List<String> names(ModelQuery<KitItem> query) {
        return query.get().stream().map(item -> item.getString("name")).toList();
    }

    @Test
    default void whereMatchesEqualityAndEveryComparisonOperator() {
        try (Eloquent db = boot()) {
            seed(db);
            assertEquals(List.of("Cid"), names(db.query(KitItem.class).where("name", "Cid")));
            assertEquals(List.of("Eve", "fay"), names(db.query(KitItem.class).where("quantity", ">", 40).orderBy("id")));
            assertEquals(List.of("dee", "Eve", "fay"), names(db.query(KitItem.class).where("quantity", ">=", 40).orderBy("id")));
            assertEquals(List.of("Ann"), names(db.query(KitItem.class).where("quantity", "<", 20)));
            assertEquals(List.of("Ann", "bob"), names(db.query(KitItem.class).where("quantity", "<=", 20).orderBy("id")));
            assertEquals(5, db.query(KitItem.class).where("quantity", "!=", 30).count());
            assertEquals(5, db.query(KitItem.class).where("quantity", "<>", 30).count());
            assertEquals(3, db.query(KitItem.class).where("active", true).count());
        }
    }

    @Test
    default void likeMatchesPatternsIgnoringAsciiCase() {
        try (Eloquent db = boot()) {
            seed(db);
            assertEquals(List.of("Ann"), names(db.query(KitItem.class).where("name", "like", "a%")));
            assertEquals(List.of("bob"), names(db.query(KitItem.class).where("name", "like", "B_B")));
            assertEquals(4, db.query(KitItem.class).where("name", "not like", "%e%").count());
        }
    }

    @Test
    default void orWhereAndNestedGroupsCombineAsWritten() {
        try (Eloquent db = boot()) {
            seed(db);
            assertEquals(List.of("Ann", "fay"), names(db.query(KitItem.class)
                    .where("name", "Ann").orWhere("quantity", 60).orderBy("id")));
            // active AND (quantity < 20 OR quantity > 40): Ann(10, active), Eve(50, active)
            assertEquals(List.of("Ann", "Eve"), names(db.query(KitItem.class).where("active", true)
                    .where(q -> q.where("quantity", "<", 20).orWhere("quantity", ">", 40)).orderBy("id")));
        }
    }

    @Test
    default void whereInWhereNotInAndEmptyLists() {
        try (Eloquent db = boot()) {
            seed(db);
            assertEquals(List.of("bob", "dee"), names(db.query(KitItem.class).whereIn("quantity", List.of(20, 40)).orderBy("id")));
            assertEquals(4, db.query(KitItem.class).whereNotIn("quantity", List.of(20, 40)).count());
            assertEquals(0, db.query(KitItem.class).whereIn("quantity", List.of()).count());
            assertEquals(6, db.query(KitItem.class).whereNotIn("quantity", List.of()).count());
        }
    }

    @Test
    default void whereNullAndWhereNotNull() {
        try (Eloquent db = boot()) {
            seed(db);
            assertEquals(List.of("fay"), names(db.query(KitItem.class).whereNotNull("notes")));
            assertEquals(5, db.query(KitItem.class).whereNull("notes").count());
            assertEquals(5, db.query(KitItem.class).where("notes", (Object) null).count());
        }
    }

    @Test
    default void orderByLimitAndOffsetPage() {
        try (Eloquent db = boot()) {
            seed(db);
            assertEquals(List.of("fay", "Eve"), names(db.query(KitItem.class).orderByDesc("quantity").limit(2)));
            assertEquals(List.of("Cid", "dee"), names(db.query(KitItem.class).orderBy("quantity").limit(2).offset(2)));
            assertEquals(List.of("Eve", "fay"), names(db.query(KitItem.class).orderBy("quantity").offset(4)));
            assertEquals(List.of("Eve", "Cid", "Ann", "fay", "dee", "bob"), names(db.query(KitItem.class)
                    .orderBy("active", "desc").orderBy("quantity", "desc")));
            assertEquals(2, db.query(KitItem.class).orderBy("id").limit(2).count(), "a paged count counts the page");
        }
    }

    @Test
    default void firstCountAndExists() {
        try (Eloquent db = boot()) {
            assertTrue(db.query(KitItem.class).first().isEmpty());
            assertFalse(db.query(KitItem.class).exists());
            seed(db);
            assertEquals("Ann", db.query(KitItem.class).orderBy("id").first().orElseThrow().getString("name"));
            assertEquals("dee", db.query(KitItem.class).where("quantity", 40).firstOrFail().getString("name"));
            assertTrue(db.query(KitItem.class).where("name", "Eve").exists());
            assertFalse(db.query(KitItem.class).where("name", "Zed").exists());
            assertEquals(6, db.query(KitItem.class).count());
        }
    }

    @Test
    default void massUpdateAndDeleteActOnMatchingRowsOnly() {
        try (Eloquent db = boot()) {
            seed(db);
            assertEquals(3, db.query(KitItem.class).where("active", false).update(Map.of("quantity", 0)));
            assertEquals(3, db.query(KitItem.class).where("quantity", 0).count());
            assertEquals(2, db.query(KitItem.class).where("quantity", ">", 20).delete());
            assertEquals(4, rawRows().size());
        }
    }

    @Test
    default void valuesAreDataAndOperatorsComeFromAFixedList() {
        try (Eloquent db = boot()) {
            String hostile = "x'); DROP TABLE kit_items; --";
            db.create(KitItem.class, Map.of("name", hostile));
            assertEquals(hostile, db.query(KitItem.class).where("name", hostile).firstOrFail().getString("name"));
            assertEquals(0, db.query(KitItem.class).where("name", "' OR '1'='1").count());
            assertThrows(EloquentException.class, () -> db.query(KitItem.class).where("name", "= 1 OR 1 =", "x"));
            assertThrows(EloquentException.class, () -> db.query(KitItem.class).where("name; DROP", "x"));
            assertThrows(EloquentException.class, () -> db.query(KitItem.class).where("no_such_column", 1));
            assertEquals(1, rawRows().size());
        }
    }

    @Test
    default void aSecondFindOnTheSameBuilderFindsItsOwnKey() {
        try (Eloquent db = boot()) {
            seed(db);
            long ann = db.query(KitItem.class).where("name", "Ann").firstOrFail().getLong("id");
            long bob = db.query(KitItem.class).where("name", "bob").firstOrFail().getLong("id");
            ModelQuery<KitItem> items = db.query(KitItem.class);
            assertEquals("Ann", items.find(ann).orElseThrow().getString("name"));
            assertEquals("bob", items.find(bob).orElseThrow().getString("name"),
                    "find does not leave its key condition on the builder");
            assertEquals(6, items.count());
        }
    }

    @Test
    default void qualifiedColumnsNameTheModelsOwnTable() {
        try (Eloquent db = boot()) {
            seed(db);
            assertEquals(List.of("Cid"), names(db.query(KitItem.class).where("kit_items.name", "Cid")));
            assertEquals(List.of("fay", "Eve"), names(db.query(KitItem.class).orderByDesc("kit_items.quantity").limit(2)));
            EloquentException other = assertThrows(EloquentException.class,
                    () -> db.query(KitItem.class).where("kit_items.no_such_column", 1).count());
            assertTrue(other.getMessage().contains("no_such_column"), other.getMessage());
        }
    }

    @Test
    default void aCopyOfABuilderChangesIndependently() {
        try (Eloquent db = boot()) {
            seed(db);
            ModelQuery<KitItem> active = db.query(KitItem.class).where("active", true);
            ModelQuery<KitItem> bigOnes = active.clone().where("quantity", ">", 20);
            assertEquals(3, active.count());
            assertEquals(2, bigOnes.count());
        }
    }
}
