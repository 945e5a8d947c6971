package dev.eloquent.sql.golden;

import dev.eloquent.api.Blueprint;
import dev.eloquent.api.ColumnChange;
import dev.eloquent.api.ColumnSpec;
import dev.eloquent.api.EloquentException;
import dev.eloquent.api.ReferentialAction;
import dev.eloquent.api.SchemaChange;
import dev.eloquent.sql.SqlCompiler;
import dev.eloquent.sql.SqlDialect;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The compile-only golden test of one dialect's schema changes: the statements of every case of
 * {@link #cases()}, or, for what the dialect refuses, the refusal's message fragment. A dialect's test
 * extends this and gives one or the other for every case.
 */
public abstract class SchemaGoldenTest {
    protected abstract SqlDialect dialect();

    /** The expected statements of every case the dialect compiles, by case name. */
    protected abstract Map<String, List<String>> expectedStatements();

    /** For every case the dialect refuses, a fragment of the refusal's message. */
    protected Map<String, String> refusals() {
        return Map.of();
    }

    public static Map<String, SchemaChange> cases() {
        Map<String, SchemaChange> cases = new LinkedHashMap<>();
        cases.put("rename table", new SchemaChange.RenameTable("tracks", "songs"));
        cases.put("add column", alter(new ColumnChange.AddColumn(column(t -> t.string("composer", 120).nullable()))));
        cases.put("add column with default and unique", alter(new ColumnChange.AddColumn(
                column(t -> t.integer("plays").defaultValue(0).unique()))));
        cases.put("add indexed column", alter(new ColumnChange.AddColumn(column(t -> t.bigInteger("bytes").nullable().index()))));
        cases.put("drop column", alter(new ColumnChange.DropColumn("composer")));
        cases.put("rename column", alter(new ColumnChange.RenameColumn("name", "title")));
        cases.put("change column", alter(new ColumnChange.ChangeColumn(column(t -> t.string("name", 200)))));
        cases.put("change column nullable with default", alter(new ColumnChange.ChangeColumn(
                column(t -> t.integer("plays").nullable().defaultValue(1)))));
        cases.put("two changes in order", alter(new ColumnChange.RenameColumn("name", "title"),
                new ColumnChange.DropColumn("bytes")));
        cases.put("create index with default name", new SchemaChange.CreateIndex("tracks", null, List.of("album_id", "name"), false));
        cases.put("create unique named index", new SchemaChange.CreateIndex("tracks", "tracks_isrc", List.of("isrc"), true));
        cases.put("drop index", new SchemaChange.DropIndex("tracks", "tracks_album_id_name_index"));
        cases.put("add foreign key", new SchemaChange.AddForeignKey("tracks", null, List.of("album_id"), "albums",
                List.of("id"), ReferentialAction.CASCADE));
        cases.put("add foreign key set null", new SchemaChange.AddForeignKey("tracks", "tracks_genre", List.of("genre_id"),
                "genres", List.of("id"), ReferentialAction.SET_NULL));
        cases.put("drop foreign key", new SchemaChange.DropForeignKey("tracks", "tracks_album_id_foreign"));
        Blueprint albums = new Blueprint();
        albums.increments("id");
        albums.integer("artist_id");
        albums.foreign("artist_id").references("id").on("artists").onDelete("cascade");
        cases.put("create table with foreign key", new SchemaChange.CreateTable(albums.build("albums"), false));
        Blueprint pivot = new Blueprint();
        pivot.integer("playlist_id");
        pivot.integer("track_id");
        pivot.integer("position");
        pivot.unique("playlist_id", "position");
        pivot.indexNamed("playlist_track_by_track", false, "track_id", "playlist_id");
        cases.put("create table with composite indexes", new SchemaChange.CreateTable(pivot.build("playlist_track"), true));
        return cases;
    }

    private static SchemaChange alter(ColumnChange... changes) {
        return new SchemaChange.AlterTable("tracks", List.of(changes));
    }

    private static ColumnSpec column(Consumer<Blueprint> declare) {
        Blueprint blueprint = new Blueprint();
        declare.accept(blueprint);
        return blueprint.build("tracks").columns().get(0);
    }

    @TestFactory
    Stream<DynamicTest> everySchemaChangeCompilesToItsGoldenStatementsOrIsRefused() {
        SqlCompiler compiler = new SqlCompiler(dialect());
        Map<String, List<String>> expected = expectedStatements();
        Map<String, String> refused = refusals();
        return cases().entrySet().stream().map(entry -> DynamicTest.dynamicTest(entry.getKey(), () -> {
            if (refused.containsKey(entry.getKey())) {
                EloquentException e = assertThrows(EloquentException.class, () -> compiler.schema(entry.getValue()));
                assertTrue(e.getMessage().contains(refused.get(entry.getKey())), e.getMessage());
                return;
            }
            List<String> statements = expected.get(entry.getKey());
            if (statements == null) {
                fail("no golden statements for case '" + entry.getKey() + "'; it compiles to:\n"
                        + String.join("\n", compiler.schema(entry.getValue())));
            }
            assertEquals(statements, compiler.schema(entry.getValue()), entry.getKey());
        }));
    }
}
