package dev.eloquent.orm;

import dev.eloquent.api.ColumnChange;
import dev.eloquent.api.ColumnType;
import dev.eloquent.api.EloquentException;
import dev.eloquent.api.ReferentialAction;
import dev.eloquent.api.SchemaChange;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The schema builder's recording mode and the changes a table alteration builds, without a database. */
class SchemaBuilderRecordingTest {
    @Test
    void recordingKeepsEveryChangeInOrderAndRunsNothing() {
        SchemaBuilder schema = SchemaBuilder.recording();
        assertTrue(schema.isRecording());
        schema.create("artists", t -> {
            t.increments("id");
            t.string("name");
        });
        schema.create("albums", t -> {
            t.increments("id");
            t.integer("artist_id");
            t.foreign("artist_id").on("artists").onDelete("cascade");
        });
        schema.rename("albums", "records");
        schema.dropIfExists("artists");
        List<SchemaChange> recorded = schema.recorded();
        assertEquals(4, recorded.size());
        SchemaChange.CreateTable albums = assertInstanceOf(SchemaChange.CreateTable.class, recorded.get(1));
        assertEquals("albums_artist_id_foreign", albums.table().foreignKeys().get(0).name());
        assertEquals(List.of("id"), albums.table().foreignKeys().get(0).refColumns());
        assertEquals(ReferentialAction.CASCADE, albums.table().foreignKeys().get(0).onDelete());
        assertEquals(new SchemaChange.RenameTable("albums", "records"), recorded.get(2));
        assertEquals(new SchemaChange.DropTable("artists", true), recorded.get(3));
    }

    @Test
    void anAlterationGroupsConsecutiveColumnChangesAndKeepsTheDeclaredOrder() {
        SchemaBuilder schema = SchemaBuilder.recording();
        schema.table("tracks", t -> {
            t.string("composer", 120).nullable();
            t.renameColumn("name", "title");
            t.index("album_id", "title");
            t.change().string("title", 200).defaultValue("untitled");
            t.dropColumn("bytes", "milliseconds");
            t.unique("isrc");
            t.foreign("album_id").references("id").on("albums").onDelete("set null");
            t.dropForeignOf("genre_id");
            t.dropUnique("isrc");
        });
        List<SchemaChange> changes = schema.recorded();
        assertEquals(7, changes.size(), changes.toString());
        SchemaChange.AlterTable first = assertInstanceOf(SchemaChange.AlterTable.class, changes.get(0));
        assertEquals(2, first.changes().size());
        ColumnChange.AddColumn added = assertInstanceOf(ColumnChange.AddColumn.class, first.changes().get(0));
        assertTrue(added.column().nullable(), "a modifier after the declaration applies");
        assertEquals(new ColumnChange.RenameColumn("name", "title"), first.changes().get(1));
        assertEquals(new SchemaChange.CreateIndex("tracks", "tracks_album_id_title_index", List.of("album_id", "title"), false),
                changes.get(1));
        SchemaChange.AlterTable second = assertInstanceOf(SchemaChange.AlterTable.class, changes.get(2));
        ColumnChange.ChangeColumn changed = assertInstanceOf(ColumnChange.ChangeColumn.class, second.changes().get(0));
        assertEquals(ColumnType.STRING, changed.column().type());
        assertEquals(200, changed.column().length());
        assertEquals("untitled", changed.column().defaultValue());
        assertEquals(List.of(new ColumnChange.DropColumn("bytes"), new ColumnChange.DropColumn("milliseconds")),
                second.changes().subList(1, 3));
        assertEquals(new SchemaChange.CreateIndex("tracks", "tracks_isrc_unique", List.of("isrc"), true), changes.get(3));
        SchemaChange.AddForeignKey key = assertInstanceOf(SchemaChange.AddForeignKey.class, changes.get(4));
        assertEquals(ReferentialAction.SET_NULL, key.onDelete());
        assertEquals("tracks_album_id_foreign", key.name());
        assertEquals(new SchemaChange.DropForeignKey("tracks", "tracks_genre_id_foreign"), changes.get(5));
        assertEquals(new SchemaChange.DropIndex("tracks", "tracks_isrc_unique"), changes.get(6));
    }

    @Test
    void aBadAlterationFailsBeforeAnyChangeIsRecorded() {
        SchemaBuilder schema = SchemaBuilder.recording();
        EloquentException e = assertThrows(EloquentException.class, () -> schema.table("tracks", t -> {
            t.dropColumn("bytes");
            t.foreign("album_id").on("albums").onDelete("explode");
        }));
        assertTrue(e.getMessage().contains("'explode' is not a foreign key action"), e.getMessage());
        EloquentException noTable = assertThrows(EloquentException.class, () -> schema.table("tracks", t -> {
            t.dropColumn("bytes");
            t.foreign("album_id");
        }));
        assertTrue(noTable.getMessage().contains("needs the referenced table"), noTable.getMessage());
        assertFalse(schema.recorded().iterator().hasNext(), "nothing recorded");
    }

    @Test
    void aNotNullColumnWithoutADefaultCannotBeAdded() {
        EloquentException e = assertThrows(EloquentException.class,
                () -> SchemaBuilder.recording().table("tracks", t -> t.integer("plays")));
        assertTrue(e.getMessage().contains("column 'plays' is added NOT NULL without a default"), e.getMessage());
    }

    @Test
    void aRecordingBuilderWithoutAConnectionCannotAnswerLookups() {
        EloquentException e = assertThrows(EloquentException.class, () -> SchemaBuilder.recording().hasColumn("t", "c"));
        assertTrue(e.getMessage().contains("SchemaBuilder.recording(connection)"), e.getMessage());
    }

    @Test
    void longIndexNamesAreCutToSixtyFourCharactersAndStayDistinct() {
        String table = "a_rather_long_table_name_for_tracks";
        SchemaChange.CreateIndex one = new SchemaChange.CreateIndex(table, null,
                List.of("first_long_column_name", "second_long_column_name"), false);
        SchemaChange.CreateIndex two = new SchemaChange.CreateIndex(table, null,
                List.of("first_long_column_name", "second_long_column_names"), false);
        assertEquals(64, one.name().length());
        assertFalse(one.name().equals(two.name()));
    }
}
