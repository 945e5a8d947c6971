package dev.eloquent.testkit;

import dev.eloquent.api.EloquentException;
import dev.eloquent.orm.Eloquent;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.eloquent.testkit.KitAssertions.asLong;
import static dev.eloquent.testkit.KitAssertions.refused;
import static dev.eloquent.testkit.KitAssertions.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Scopes on {@link KitPost}, whose declared global scope {@code published} keeps drafts out: on every read
 * path, as one group ANDed with the query's own conditions (an {@code orWhere} never escapes it), on the
 * builder's update and delete, on relations (lazy, eager, whereHas, withCount), removable per query; local
 * scopes with and without arguments; a global scope registered at run time. Writes are checked through the
 * raw second path.
 */
public interface ScopeKit extends BandSupport {
    /** Band "Loud": Anthem (published, 12), Ballad (published, 3), Demo (draft, 50); band "Quiet": Sketch (draft, 20). */
    private void seedPosts(Eloquent db) {
        KitBand loud = band(db, "Loud", "rock");
        KitBand quiet = band(db, "Quiet", "jazz");
        post(db, loud, "Anthem", "published", 12);
        post(db, loud, "Ballad", "published", 3);
        post(db, loud, "Demo", "draft", 50);
        post(db, quiet, "Sketch", "draft", 20);
    }

    private static List<String> titles(List<KitPost> posts) {
        return strings(posts, "title").stream().sorted().toList();
    }

    @Test
    default void aGlobalScopeConstrainsEveryReadPath() {
        try (Eloquent db = bootBands()) {
            seedPosts(db);
            assertEquals(List.of("Anthem", "Ballad"), titles(db.query(KitPost.class).get()));
            assertEquals(2, db.query(KitPost.class).count());
            assertEquals(12, ((Number) db.query(KitPost.class).max("votes")).intValue(), "the draft's 50 is not seen");
            assertEquals(List.of("Anthem", "Ballad"), db.query(KitPost.class).orderBy("title").pluck("title"));
            assertFalse(db.query(KitPost.class).where("title", "Demo").exists());
            KitPost demo = db.query(KitPost.class).withoutGlobalScope("published").where("title", "Demo").firstOrFail();
            assertTrue(db.query(KitPost.class).find(demo.getKey()).isEmpty());
            assertEquals(2, db.query(KitPost.class).paginate(10, 1).total());
            List<String> chunked = new ArrayList<>();
            db.query(KitPost.class).chunkById(1, chunk -> {
                chunk.forEach(post -> chunked.add(post.getString("title")));
                return true;
            });
            assertEquals(List.of("Anthem", "Ballad"), chunked.stream().sorted().toList());
            try (Stream<KitPost> rows = db.query(KitPost.class).cursor()) {
                assertEquals(2, rows.count());
            }
            assertEquals(4, db.query(KitPost.class).withoutGlobalScope("published").count());
            assertEquals(4, db.query(KitPost.class).withoutGlobalScopes().count());
        }
    }

    @Test
    default void aGlobalScopeIsOneGroupAndedWithTheQuerysOrWhere() {
        try (Eloquent db = bootBands()) {
            seedPosts(db);
            // (Demo or Anthem) and published: Demo is a draft. Without the group it would read Demo or (Anthem and published).
            assertEquals(List.of("Anthem"), titles(db.query(KitPost.class).where("title", "Demo").orWhere("title", "Anthem").get()));
            assertEquals(1, db.query(KitPost.class).where("title", "Demo").orWhere("title", "Anthem").count());
            assertEquals(2, db.query(KitPost.class).withoutGlobalScopes().where("title", "Demo").orWhere("title", "Anthem").count());
        }
    }

    @Test
    default void localScopesAreGroupsWithAndWithoutArguments() {
        try (Eloquent db = bootBands()) {
            seedPosts(db);
            assertEquals(List.of("Anthem"), titles(db.query(KitPost.class).scope(KitPost::popular).get()));
            assertEquals(List.of("Anthem", "Demo", "Sketch"),
                    titles(db.query(KitPost.class).withoutGlobalScopes().scope(KitPost::popular).get()));
            assertEquals(List.of("Ballad"), titles(db.query(KitPost.class).scope(KitPost.titled("B")).get()));
            // (Ballad or Sketch) and (votes >= 10 or Demo): a local scope's orWhere stays inside its group.
            assertEquals(List.of("Sketch"), titles(db.query(KitPost.class).withoutGlobalScopes()
                    .where("title", "Ballad").orWhere("title", "Sketch")
                    .scope(q -> q.where("votes", ">=", 10).orWhere("title", "Demo")).get()));
        }
    }

    @Test
    default void theBuildersUpdateAndDeleteKeepToTheScopedRows() {
        try (Eloquent db = bootBands()) {
            seedPosts(db);
            assertEquals(2, db.query(KitPost.class).update(Map.of("votes", 0)));
            assertEquals(0L, asLong(rawRow(POSTS, "title", "Anthem").get("votes")));
            assertEquals(50L, asLong(rawRow(POSTS, "title", "Demo").get("votes")), "the draft is not touched");
            assertEquals(1, db.query(KitPost.class).where("title", "Demo").orWhere("title", "Ballad").delete());
            assertEquals(List.of("Anthem", "Demo", "Sketch"), raw(POSTS).stream().map(row -> (String) row.get("title")).sorted().toList());
        }
    }

    @Test
    default void relationQueriesEagerLoadsAndWhereHasKeepTheRelatedModelsScopes() {
        try (Eloquent db = bootBands()) {
            seedPosts(db);
            KitBand loud = db.query(KitBand.class).where("name", "Loud").firstOrFail();
            assertEquals(List.of("Anthem", "Ballad"), titles(loud.posts().get()));
            assertEquals(List.of("Anthem"), titles(loud.posts().scope(KitPost::popular).get()));
            assertEquals(3, loud.posts().withoutGlobalScope("published").count());

            List<KitBand> bands = db.query(KitBand.class).with("posts").orderBy("name").get();
            assertEquals(List.of("Anthem", "Ballad"), titles(bands.get(0).related(KitBand::posts)));
            assertEquals(List.of(), bands.get(1).related(KitBand::posts));
            List<KitBand> all = db.query(KitBand.class).with("posts", q -> q.withoutGlobalScopes()).orderBy("name").get();
            assertEquals(List.of("Sketch"), titles(all.get(1).related(KitBand::posts)));

            assertEquals(List.of("Loud"), strings(db.query(KitBand.class).has("posts").get(), "name"));
            assertEquals(List.of("Loud", "Quiet"), strings(db.query(KitBand.class)
                    .whereHas("posts", q -> q.withoutGlobalScope("published").where("votes", ">=", 20)).orderBy("name").get(), "name"));
            assertEquals(List.of(), strings(db.query(KitBand.class).whereHas("posts", q -> q.where("votes", ">=", 20)).get(), "name"));
            List<KitBand> counted = db.query(KitBand.class).withCount("posts").orderBy("name").get();
            assertEquals(2L, asLong(counted.get(0).get("posts_count")));
            assertEquals(0L, asLong(counted.get(1).get("posts_count")));
        }
    }

    @Test
    default void aGlobalScopeRegisteredAtRunTimeAppliesAndLiftsByName() {
        try (Eloquent db = bootBands()) {
            seedPosts(db);
            db.addGlobalScope(KitPost.class, "loudOnly", q -> q.where("votes", ">", 5).orWhere("title", "Sketch"));
            assertEquals(List.of("Anthem"), titles(db.query(KitPost.class).get()), "both scopes, each its own group");
            assertEquals(List.of("Anthem", "Ballad"), titles(db.query(KitPost.class).withoutGlobalScope("loudOnly").get()));
            assertEquals(List.of("Anthem", "Demo", "Sketch"), titles(db.query(KitPost.class).withoutGlobalScope("published").get()));
        }
    }

    @Test
    default void unknownAndReservedScopeNamesAreRefused() {
        try (Eloquent db = bootBands()) {
            refused(EloquentException.class, "KitPost has no global scope 'publishd'",
                    () -> db.query(KitPost.class).withoutGlobalScope("publishd"));
            refused(EloquentException.class, "reserved for soft deletes",
                    () -> db.addGlobalScope(KitPost.class, "softDeletes", q -> q.where("votes", 1)));
        }
    }
}
