package dev.eloquent.orm.migration;

import dev.eloquent.api.ColumnChange;
import dev.eloquent.api.ColumnSpec;
import dev.eloquent.api.EloquentException;
import dev.eloquent.api.ForeignKey;
import dev.eloquent.api.IndexSpec;
import dev.eloquent.api.ReferentialAction;
import dev.eloquent.api.SchemaChange;
import dev.eloquent.api.TableSpec;
import dev.eloquent.orm.Schema;
import dev.eloquent.orm.SchemaBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Model-first migrations without a database: replaying migrations into tables, and the difference between
 * a replayed table and a model's declared one. Every plan is also checked to round-trip: its up applied to
 * the replayed tables leaves nothing to do, and its down brings the tables back.
 */
class SchemaDiffTest {
    /** A migration of only an up, named as the ledger would see it. */
    private static Migration migration(String name, Consumer<SchemaBuilder> up) {
        return new Migration() {
            @Override
            public void up(SchemaBuilder schema) {
                up.accept(schema);
            }

            @Override
            public void down(SchemaBuilder schema) {
            }

            @Override
            public String name() {
                return name;
            }
        };
    }

    private static final Migration CREATE_POSTS = migration("M1_CreatePosts", s -> s.create("posts", t -> {
        t.increments("id");
        t.string("title", 100);
        t.text("legacy").nullable();
        t.integer("author_id").nullable();
        t.timestamps();
    }));

    private static final Migration CREATE_AUTHORS = migration("M0_CreateAuthors", s -> s.create("authors", t -> {
        t.increments("id");
        t.string("name", 80);
    }));

    private static TableSpec declared(Consumer<dev.eloquent.api.Blueprint> columns) {
        return Schema.of(columns).toTable("posts");
    }

    /** The plan from the replayed migrations to the declared table, checked to round-trip. */
    private static SchemaDiff.Plan plan(List<Migration> migrations, TableSpec declared, boolean dropMissing) {
        Map<String, TableSpec> before = SchemaReplay.replay(migrations);
        SchemaDiff.Plan plan = SchemaDiff.diff(before.get(declared.name()), declared, false, dropMissing);
        Map<String, TableSpec> after = SchemaReplay.apply(before, plan.up());
        assertTrue(SchemaDiff.diff(after.get(declared.name()), declared, false, dropMissing).isEmpty(),
                "generating again after up gives nothing to do");
        assertEquals(normalized(before), normalized(SchemaReplay.apply(after, plan.down())), "down undoes up");
        return plan;
    }

    /** Tables compared regardless of order: a column dropped and added back comes back last. */
    private static Map<String, List<String>> normalized(Map<String, TableSpec> tables) {
        Map<String, List<String>> out = new java.util.TreeMap<>();
        tables.forEach((name, t) -> out.put(name, java.util.stream.Stream.of(t.columns(), t.indexes(), t.foreignKeys())
                .flatMap(List::stream).map(Object::toString).sorted().toList()));
        return out;
    }

    @Test
    void replayFoldsCreatesAlterationsIndexesKeysRenamesAndDrops() {
        Map<String, TableSpec> tables = SchemaReplay.replay(List.of(CREATE_AUTHORS, CREATE_POSTS,
                migration("M2_AlterPosts", s -> s.table("posts", t -> {
                    t.string("summary", 200).nullable();
                    t.renameColumn("title", "headline");
                    t.change().string("headline", 150);
                    t.dropColumn("legacy");
                    t.index("headline", "summary");
                    t.foreign("author_id").on("authors").onDelete("cascade");
                })),
                migration("M3_Scratch", s -> {
                    s.create("scratch", t -> t.increments("id"));
                    s.rename("scratch", "scratch2");
                    s.drop("scratch2");
                })));
        assertEquals(List.of("authors", "posts"), List.copyOf(tables.keySet()));
        TableSpec posts = tables.get("posts");
        assertEquals(List.of("id", "headline", "author_id", "created_at", "updated_at", "summary"),
                posts.columns().stream().map(ColumnSpec::name).toList());
        assertEquals(150, posts.column("headline").orElseThrow().length());
        assertEquals(List.of(new IndexSpec("posts_headline_summary_index", List.of("headline", "summary"), false)),
                posts.indexes());
        assertEquals(List.of(new ForeignKey("posts_author_id_foreign", List.of("author_id"), "authors", List.of("id"),
                ReferentialAction.CASCADE)), posts.foreignKeys());
    }

    @Test
    void aMigrationThatAsksTheDatabaseCannotBeReplayed() {
        EloquentException e = assertThrows(EloquentException.class, () -> SchemaReplay.replay(List.of(
                migration("M9_Guarded", s -> s.hasTable("posts")))));
        assertTrue(e.getMessage().contains("replaying migration M9_Guarded without a database"), e.getMessage());
        EloquentException unknown = assertThrows(EloquentException.class, () -> SchemaReplay.replay(List.of(
                migration("M9_Orphan", s -> s.table("nowhere", t -> t.dropColumn("x"))))));
        assertTrue(unknown.getMessage().contains("'nowhere'") && unknown.getMessage().contains("no earlier migration"),
                unknown.getMessage());
    }

    @Test
    void aTableNoMigrationCreatesIsCreatedAndDroppedIfExistsOnDown() {
        TableSpec declared = declared(t -> {
            t.increments("id");
            t.string("title", 100);
        });
        SchemaDiff.Plan plan = plan(List.of(), declared, false);
        assertEquals(List.of(new SchemaChange.CreateTable(declared, false)), plan.up());
        assertEquals(List.of(new SchemaChange.DropTable("posts", true)), plan.down());
    }

    @Test
    void anAddedAndAChangedColumnAlterTheTableAndDownRestoresTheOldColumn() {
        TableSpec declared = declared(t -> {
            t.increments("id");
            t.string("title", 200);
            t.text("legacy").nullable();
            t.integer("author_id").nullable();
            t.timestamps();
            t.bool("published").defaultValue(false);
        });
        SchemaDiff.Plan plan = plan(List.of(CREATE_POSTS), declared, false);
        assertEquals(1, plan.up().size(), plan.up().toString());
        SchemaChange.AlterTable up = assertInstanceOf(SchemaChange.AlterTable.class, plan.up().get(0));
        assertEquals(List.of(new ColumnChange.ChangeColumn(declared.column("title").orElseThrow()),
                new ColumnChange.AddColumn(declared.column("published").orElseThrow())), up.changes());
        SchemaChange.AlterTable down = assertInstanceOf(SchemaChange.AlterTable.class, plan.down().get(0));
        assertEquals(new ColumnChange.DropColumn("published"), down.changes().get(0));
        ColumnChange.ChangeColumn restored = assertInstanceOf(ColumnChange.ChangeColumn.class, down.changes().get(1));
        assertEquals(100, restored.column().length());
        assertTrue(plan.kept().isEmpty() && plan.notes().isEmpty());
    }

    @Test
    void aColumnTheModelNoLongerDeclaresIsKeptUnlessDropMissing() {
        TableSpec declared = declared(t -> {
            t.increments("id");
            t.string("title", 100);
            t.integer("author_id").nullable();
            t.timestamps();
        });
        SchemaDiff.Plan kept = plan(List.of(CREATE_POSTS), declared, false);
        assertTrue(kept.isEmpty(), "only a kept drop: nothing to do");
        assertEquals(List.of(new SchemaChange.AlterTable("posts", List.of(new ColumnChange.DropColumn("legacy")))),
                kept.kept());
        SchemaChange.AlterTable undo = assertInstanceOf(SchemaChange.AlterTable.class, kept.keptDown().get(0));
        assertInstanceOf(ColumnChange.AddColumn.class, undo.changes().get(0));

        SchemaDiff.Plan dropped = plan(List.of(CREATE_POSTS), declared, true);
        assertEquals(List.of(new SchemaChange.AlterTable("posts", List.of(new ColumnChange.DropColumn("legacy")))),
                dropped.up());
        assertTrue(dropped.kept().isEmpty());
    }

    @Test
    void aNotNullColumnWithoutADefaultIsNotAddedButNoted() {
        TableSpec declared = declared(t -> {
            t.increments("id");
            t.string("title", 100);
            t.text("legacy").nullable();
            t.integer("author_id").nullable();
            t.timestamps();
            t.string("slug", 100);
        });
        SchemaDiff.Plan plan = SchemaDiff.diff(SchemaReplay.replay(List.of(CREATE_POSTS)).get("posts"), declared, false, false);
        assertTrue(plan.isEmpty());
        assertEquals(1, plan.notes().size());
        assertTrue(plan.notes().get(0).contains("'slug' is NOT NULL without a default"), plan.notes().get(0));
    }

    @Test
    void indexesAreAddedAndDroppedByNameAndAnAddedColumnBringsItsOwn() {
        List<Migration> migrations = List.of(CREATE_POSTS, migration("M2_Index", s -> s.table("posts",
                t -> t.index("author_id"))));
        TableSpec declared = declared(t -> {
            t.increments("id");
            t.string("title", 100).unique();
            t.text("legacy").nullable();
            t.integer("author_id").nullable();
            t.timestamps();
            t.string("slug", 100).nullable().unique();
            t.index("title", "created_at");
        });
        SchemaDiff.Plan plan = plan(migrations, declared, false);
        ColumnSpec slug = declared.column("slug").orElseThrow();
        // The new column comes without its unique flag; its index follows as a change of its own, so that
        // down drops the index before the column (SQLite refuses to drop a column an index names).
        ColumnSpec plainSlug = new ColumnSpec("slug", slug.type(), 100, 0, 0, true, false, null, false, false, false);
        assertEquals(List.of(
                new SchemaChange.DropIndex("posts", "posts_author_id_index"),
                new SchemaChange.AlterTable("posts", List.of(new ColumnChange.AddColumn(plainSlug))),
                new SchemaChange.CreateIndex("posts", "posts_title_unique", List.of("title"), true),
                new SchemaChange.CreateIndex("posts", "posts_slug_unique", List.of("slug"), true),
                new SchemaChange.CreateIndex("posts", "posts_title_created_at_index", List.of("title", "created_at"), false)),
                plan.up());
        assertEquals(List.of(
                new SchemaChange.DropIndex("posts", "posts_title_created_at_index"),
                new SchemaChange.DropIndex("posts", "posts_slug_unique"),
                new SchemaChange.DropIndex("posts", "posts_title_unique"),
                new SchemaChange.AlterTable("posts", List.of(new ColumnChange.DropColumn("slug"))),
                new SchemaChange.CreateIndex("posts", "posts_author_id_index", List.of("author_id"), false)),
                plan.down());
    }

    @Test
    void theIndexesOfADroppedColumnGoFirstAndAKeptColumnKeepsThem() {
        List<Migration> migrations = List.of(CREATE_POSTS, migration("M2_Index", s -> s.table("posts",
                t -> t.index("author_id"))));
        TableSpec declared = declared(t -> {
            t.increments("id");
            t.string("title", 100);
            t.text("legacy").nullable();
            t.timestamps();
        });
        SchemaDiff.Plan kept = plan(migrations, declared, false);
        assertTrue(kept.isEmpty());
        assertEquals(List.of(new SchemaChange.DropIndex("posts", "posts_author_id_index"),
                new SchemaChange.AlterTable("posts", List.of(new ColumnChange.DropColumn("author_id")))), kept.kept());
        SchemaDiff.Plan dropped = plan(migrations, declared, true);
        assertEquals(List.of(new SchemaChange.DropIndex("posts", "posts_author_id_index"),
                new SchemaChange.AlterTable("posts", List.of(new ColumnChange.DropColumn("author_id")))), dropped.up());
        assertInstanceOf(SchemaChange.AlterTable.class, dropped.down().get(0));
        assertEquals(new SchemaChange.CreateIndex("posts", "posts_author_id_index", List.of("author_id"), false),
                dropped.down().get(1));
    }

    @Test
    void foreignKeysAreAddedAndDroppedAndKeepTheirAction() {
        List<Migration> migrations = List.of(CREATE_AUTHORS, CREATE_POSTS);
        TableSpec declared = declared(t -> {
            t.increments("id");
            t.string("title", 100);
            t.text("legacy").nullable();
            t.integer("author_id").nullable();
            t.timestamps();
            t.foreign("author_id").on("authors").nullOnDelete();
        });
        SchemaDiff.Plan plan = plan(migrations, declared, false);
        assertEquals(List.of(new SchemaChange.AddForeignKey("posts", null, List.of("author_id"), "authors", List.of("id"),
                ReferentialAction.SET_NULL)), plan.up());
        assertEquals(List.of(new SchemaChange.DropForeignKey("posts", "posts_author_id_foreign")), plan.down());
    }

    @Test
    void aDocumentCollectionComparesIndexesOnly() {
        TableSpec declared = Schema.of(t -> {
            t.string("_id", 24).primary();
            t.string("email", 120).unique();
            t.integer("age");
        }).toTable("people");
        SchemaDiff.Plan plan = SchemaDiff.diff(null, declared, true, false);
        assertEquals(List.of(new SchemaChange.CreateIndex("people", null, List.of("email"), true)), plan.up());
        assertEquals(List.of(new SchemaChange.DropIndex("people", "people_email_unique")), plan.down());
        Map<String, TableSpec> after = SchemaReplay.apply(Map.of(), plan.up());
        assertTrue(SchemaDiff.diff(after.get("people"), declared, true, false).isEmpty());
        assertTrue(SchemaReplay.apply(after, plan.down()).get("people").indexes().isEmpty());
        assertFalse(plan.up().stream().anyMatch(SchemaChange.CreateTable.class::isInstance));
    }
}
