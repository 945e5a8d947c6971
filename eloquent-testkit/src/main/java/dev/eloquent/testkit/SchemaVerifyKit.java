package dev.eloquent.testkit;

import dev.eloquent.api.Capability;
import dev.eloquent.orm.Eloquent;
import dev.eloquent.orm.SchemaBuilder;
import dev.eloquent.orm.migration.MigrateOptions;
import dev.eloquent.orm.migration.Migration;
import dev.eloquent.orm.migration.SchemaVerify;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code migrate:status --verify} on the target ({@link SchemaVerify}): after the migrations ran, the live
 * schema read from the catalog matches what they create, type families and all; each change made behind the
 * migrations' back (a column added with raw SQL, an index dropped, nullability and a type changed, a foreign key
 * dropped, a table created by hand; on MongoDB an index and a collection dropped) is reported once, by name. Only the
 * kit's {@code vfy_*} tables are looked at: other kits leave their tables in the same database.
 */
public interface SchemaVerifyKit extends KitSupport {
    String AUTHORS = "vfy_authors";
    String POSTS = "vfy_posts";
    String DOCS = "vfy_docs";

    private static List<Migration> sqlMigrations() {
        return List.of(new MigrationKit.KitMigration("vfy_create_authors", s -> s.create(AUTHORS, t -> {
            t.increments("id");
            t.string("name", 80);
        }), s -> s.dropIfExists(AUTHORS)), new MigrationKit.KitMigration("vfy_create_posts", s -> s.create(POSTS, t -> {
            t.increments("id");
            t.string("title", 120).unique();
            t.text("body").nullable();
            t.integer("author_id");
            t.integer("rank").defaultValue(0).index();
            t.bool("published").defaultValue(false);
            t.decimal("price", 8, 2).nullable();
            t.doublePrecision("score").nullable();
            t.json("meta").nullable();
            t.date("day").nullable();
            t.uuid("token").nullable();
            t.timestamps();
            t.timestampTz("seen_at").nullable();
            t.bigInteger("views").defaultValue(0L);
            t.foreign("author_id").references("id").on(AUTHORS).onDelete("cascade");
            t.index("author_id", "rank");
        }), s -> s.dropIfExists(POSTS)));
    }

    private static List<Migration> documentMigrations() {
        return List.of(new MigrationKit.KitMigration("vfy_create_docs", s -> s.create(DOCS, t -> {
            t.increments("id");
            t.string("slug").unique();
            t.string("title");
            t.index("title", "slug");
        }), s -> s.dropIfExists(DOCS)));
    }

    private Eloquent bootVerify(List<Migration> migrations) {
        Eloquent db = boot();
        SchemaBuilder schema = db.schema(target().connection());
        for (String table : List.of(MigrationKit.LEDGER, MigrationKit.LOCK, POSTS, AUTHORS, DOCS, "vfy_stray")) {
            schema.dropIfExists(table);
        }
        db.migrator(migrations).run(target().connection(), MigrateOptions.defaults());
        return db;
    }

    /** The differences that concern this kit's tables. */
    private List<String> differences(Eloquent db, List<Migration> migrations) {
        return SchemaVerify.verify(db, migrations, target().connection()).stream().filter(l -> l.contains("vfy_")).toList();
    }

    /** Whether the target is a document connection (collections: indexes only, no foreign keys). */
    private boolean documents() {
        try (Eloquent probe = boot()) {
            return probe.connections().connection(target().connection()).supports(Capability.DOCUMENTS);
        }
    }

    @Test
    default void verifyFindsNothingWhenTheDatabaseHasWhatTheMigrationsCreate() {
        List<Migration> migrations = documents() ? documentMigrations() : sqlMigrations();
        try (Eloquent db = bootVerify(migrations)) {
            assertEquals(List.of(), differences(db, migrations));
        }
    }

    @Test
    default void verifyReportsEachChangeMadeBehindTheMigrations() {
        org.junit.jupiter.api.Assumptions.assumeFalse(documents(), "skipped: raw SQL and foreign keys are for SQL connections");
        List<Migration> migrations = sqlMigrations();
        try (Eloquent db = bootVerify(migrations)) {
            assumeCapability(db, Capability.RAW_SQL);
            var raw = db.on(target().connection());
            raw.statement("ALTER TABLE " + POSTS + " ADD COLUMN nickname VARCHAR(20)");
            raw.statement("CREATE TABLE vfy_stray (id INTEGER)");
            assertTrue(target().raw().hasTable("vfy_stray"), "the stray table exists for the database's own client");
            SchemaBuilder schema = db.schema(target().connection());
            schema.table(POSTS, t -> t.dropIndex("vfy_posts_rank_index"));
            schema.table(POSTS, t -> t.change().text("body"));
            schema.table(POSTS, t -> t.dropForeignOf("author_id"));
            schema.table(POSTS, t -> t.change().text("views"));
            List<String> found = differences(db, migrations);
            assertEquals(6, found.size(), found.toString());
            assertTrue(found.stream().anyMatch(l -> l.startsWith("column vfy_posts.views: type ")
                    && l.endsWith(" in the database, the migrations create bigInteger")), found.toString());
            assertTrue(found.stream().anyMatch(l -> l.startsWith("column vfy_posts.nickname: in the database (")
                    && l.endsWith("not created by the migrations")), found.toString());
            assertTrue(found.contains("index vfy_posts_rank_index on vfy_posts [rank]: created by the migrations,"
                    + " missing in the database"), found.toString());
            assertTrue(found.contains("column vfy_posts.body: not null in the database, nullable in the migrations"),
                    found.toString());
            assertTrue(found.contains("foreign key vfy_posts_author_id_foreign on vfy_posts [author_id] -> vfy_authors[id]:"
                    + " created by the migrations, missing in the database"), found.toString());
            assertTrue(found.contains("table vfy_stray: in the database, created by no migration"), found.toString());

            // The ledger's view: an applied migration the application no longer lists, one not yet applied.
            List<String> ledger = differences(db, List.of(migrations.get(0), MigrationKit.creates("vfy_later")));
            assertTrue(ledger.contains("migration vfy_create_posts: applied (in the ledger), but the application no"
                    + " longer lists it"), ledger.toString());
            assertTrue(ledger.contains("migration create_mig_vfy_later: pending, not applied to the database"
                    + " (migrate:run)"), ledger.toString());
            assertTrue(ledger.contains("table mig_vfy_later: created by the migrations, missing in the database"),
                    ledger.toString());
            schema.dropIfExists("vfy_stray");
        }
    }

    @Test
    default void verifyReportsAMissingIndexAndCollectionOnDocuments() {
        org.junit.jupiter.api.Assumptions.assumeTrue(documents(), "skipped: collections are for document connections");
        List<Migration> migrations = documentMigrations();
        try (Eloquent db = bootVerify(migrations)) {
            SchemaBuilder schema = db.schema(target().connection());
            schema.table(DOCS, t -> t.dropUnique("slug"));
            assertEquals(List.of("index vfy_docs_slug_unique on vfy_docs [slug]: created by the migrations, missing in"
                    + " the database"), differences(db, migrations));
            schema.drop(DOCS);
            assertTrue(!target().raw().hasTable(DOCS), "the collection is gone for the database's own client");
            assertEquals(List.of("collection vfy_docs: created by the migrations, missing in the database"),
                    differences(db, migrations));
        }
    }
}
