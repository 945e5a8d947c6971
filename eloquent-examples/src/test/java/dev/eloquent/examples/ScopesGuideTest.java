package dev.eloquent.examples;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.eloquent.api.Env;
import dev.eloquent.api.UniqueViolationException;
import dev.eloquent.orm.AbstractModelQuery;
import dev.eloquent.orm.Eloquent;
import dev.eloquent.orm.HasMany;
import dev.eloquent.orm.Model;
import dev.eloquent.orm.Schema;
import dev.eloquent.orm.Scope;
import dev.eloquent.orm.SoftDeletes;
import dev.eloquent.orm.Table;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The examples of docs/scopes-and-soft-deletes.md, compiled and run on SQLite and on the in-process
 * MongoDB server: every {@code tag::name[]} region is quoted verbatim in the page
 * ({@link GuideSnippetsTest} fails when the two differ).
 */
class ScopesGuideTest {
    // tag::post-model[]
    @Table("posts")
    public static final class Post extends Model<Post> {
        private static final Schema SCHEMA = Schema.of(t -> {
            t.increments("id");
            t.integer("author_id");
            t.string("title", 200);
            t.string("status", 20);
            t.integer("votes").defaultValue(0);
        });

        @Override
        public Schema schema() {
            return SCHEMA;
        }

        /** Every query of posts reads published ones, unless it lifts the scope by name. */
        @Override
        public Map<String, Scope<Post>> globalScopes() {
            return Map.of("published", query -> query.where("status", "published"));
        }

        /** A local scope: {@code scope(Post::popular)}. */
        public static void popular(AbstractModelQuery<?, Post> query) {
            query.where("votes", ">=", 10);
        }

        /** A local scope with an argument: {@code scope(Post.titled("How"))}. */
        public static Scope<Post> titled(String prefix) {
            return query -> query.where("title", "like", prefix + "%");
        }
    }
    // end::post-model[]

    // tag::author-model[]
    @Table("authors")
    public static final class Author extends Model<Author> implements SoftDeletes {
        private static final Schema SCHEMA = Schema.of(t -> {
            t.increments("id");
            t.string("email", 200).unique();
            t.timestamp("deleted_at").nullable();    // SoftDeletes needs it, nullable
            t.timestamps();
        });

        @Override
        public Schema schema() {
            return SCHEMA;
        }

        public HasMany<Author, Post> posts() {
            return hasMany(Post.class, "author_id");
        }
    }
    // end::author-model[]

    private static MongoServer mongo;

    @TempDir
    Path folder;

    @BeforeAll
    static void startMongo() {
        mongo = new MongoServer(new MemoryBackend());
        mongo.bind("127.0.0.1", 0);
    }

    @AfterAll
    static void stopMongo() {
        mongo.shutdownNow();
    }

    private static Eloquent boot(Map<String, String> env) {
        Eloquent db = Eloquent.builder().env(Env.of(env))
                .register(Post.class, Post::new).register(Author.class, Author::new).boot();
        db.createTables(Post.class, Author.class);
        return db;
    }

    /** Runs the section on SQLite, then on MongoDB: the same code on both. */
    private void onEveryDriver(Consumer<Eloquent> section) {
        try (Eloquent db = boot(Map.of("DB_CONNECTION", "sqlite", "SQLITE_PATH",
                folder.resolve("scopes-" + System.nanoTime() + ".sqlite").toString()))) {
            section.accept(db);
        }
        try (Eloquent db = boot(Map.of("DB_CONNECTION", "mongo",
                "MONGO_URI", "mongodb://127.0.0.1:" + mongo.getLocalAddress().getPort(),
                "MONGO_DB", "scopes_" + Long.toHexString(System.nanoTime())))) {
            section.accept(db);
        }
    }

    private static Author seed(Eloquent db) {
        Author ann = db.create(Author.class, Map.of("email", "ann@example.com"));
        db.query(Post.class).insert(List.of(
                Map.of("author_id", ann.getKey(), "title", "How to tune", "status", "published", "votes", 12),
                Map.of("author_id", ann.getKey(), "title", "Why tune", "status", "published", "votes", 3),
                Map.of("author_id", ann.getKey(), "title", "How to sing", "status", "draft", "votes", 40)));
        return ann;
    }

    private static List<String> titles(List<Post> posts) {
        return posts.stream().map(post -> post.getString("title")).sorted().toList();
    }

    @Test
    void localScopes() {
        onEveryDriver(db -> {
            seed(db);
            // tag::local-scopes[]
            List<Post> popular = db.query(Post.class).scope(Post::popular).get();
            List<Post> howTos = db.query(Post.class).scope(Post.titled("How")).get();
            List<Post> either = db.query(Post.class)
                    .scope(q -> q.where("votes", ">=", 10).orWhere("title", "like", "Why%")).get();
            // end::local-scopes[]
            assertEquals(List.of("How to tune"), titles(popular));
            assertEquals(List.of("How to tune"), titles(howTos), "the draft is left out by the global scope");
            assertEquals(List.of("How to tune", "Why tune"), titles(either));
        });
    }

    @Test
    void globalScopes() {
        onEveryDriver(db -> {
            seed(db);
            // tag::global-scopes[]
            // (title like 'How%' or votes > 20) and status = 'published'
            long published = db.query(Post.class).where("title", "like", "How%").orWhere("votes", ">", 20).count();
            long all = db.query(Post.class).withoutGlobalScope("published").count();
            db.addGlobalScope(Post.class, "voted", q -> q.where("votes", ">", 0));
            long none = db.query(Post.class).withoutGlobalScopes().where("votes", 0).count();
            // end::global-scopes[]
            assertEquals(1, published);
            assertEquals(3, all);
            assertEquals(0, none);
        });
    }

    @Test
    void softDeletes() {
        onEveryDriver(db -> {
            Author ann = seed(db);
            db.create(Author.class, Map.of("email", "bob@example.com"));
            // tag::soft-deletes[]
            ann.delete();                                       // UPDATE authors SET deleted_at = now, updated_at = now
            boolean trashed = ann.trashed();                    // true; the row is still there
            long live = db.query(Author.class).count();         // 1: trashed rows are left out
            long everyone = db.query(Author.class).withTrashed().count();    // 2
            Author back = db.query(Author.class).onlyTrashed().firstOrFail();
            boolean restored = back.restore();                  // fires restoring (can cancel), then restored
            long removed = db.query(Author.class).where("email", "bob@example.com").forceDelete();
            // end::soft-deletes[]
            assertTrue(trashed);
            assertEquals(1, live);
            assertEquals(2, everyone);
            assertTrue(restored);
            assertFalse(back.trashed());
            assertEquals(1, removed);
            assertEquals(1, db.query(Author.class).withTrashed().count());
        });
    }

    @Test
    void softDeletesOnRelations() {
        onEveryDriver(db -> {
            Author ann = seed(db);
            ann.delete();
            // tag::soft-relations[]
            boolean anyAuthor = db.query(Author.class).has("posts").exists();               // false: Ann is trashed
            long postsOfAnn = db.query(Author.class).withTrashed().firstOrFail().posts().count();  // 2 published
            List<Author> withPosts = db.query(Author.class).onlyTrashed()
                    .with("posts", q -> q.withoutGlobalScope("published")).get();
            // end::soft-relations[]
            assertFalse(anyAuthor);
            assertEquals(2, postsOfAnn);
            assertEquals(3, withPosts.get(0).related(Author::posts).size());
        });
    }

    @Test
    void uniqueIndexes() {
        onEveryDriver(db -> {
            Author ann = seed(db);
            ann.delete();
            // tag::unique[]
            // The trashed row still holds ann@example.com: a new author with it is refused ...
            assertThrows(UniqueViolationException.class, () -> db.create(Author.class, Map.of("email", "ann@example.com")));
            // ... until the trashed row is removed for good (or restore it instead).
            ann.forceDelete();
            db.create(Author.class, Map.of("email", "ann@example.com"));
            // end::unique[]
            assertEquals(1, db.query(Author.class).count());
        });
    }
}
