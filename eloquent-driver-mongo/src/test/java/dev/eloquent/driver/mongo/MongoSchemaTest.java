package dev.eloquent.driver.mongo;

import com.mongodb.client.MongoCollection;
import dev.eloquent.api.Blueprint;
import dev.eloquent.api.ColumnChange;
import dev.eloquent.api.ColumnSpec;
import dev.eloquent.api.EloquentException;
import dev.eloquent.api.ReferentialAction;
import dev.eloquent.api.SchemaChange;
import dev.eloquent.api.UniqueViolationException;
import dev.eloquent.api.Write;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Schema changes on MongoDB (the in-process test server unless MONGO_TEST_URI is set), each checked
 * through the raw client: renamed collections, added/dropped/renamed fields on every document, recorded
 * defaults, indexes, the refused foreign keys, and the JSON-schema validator's command document.
 */
class MongoSchemaTest extends MongoServerTest {
    @Override
    protected String databasePrefix() {
        return "eloquent_schema_";
    }

    private MongoCollection<Document> rawTracks() {
        return rawDatabase().getCollection("tracks");
    }

    private void createTracks() {
        Blueprint blueprint = new Blueprint();
        blueprint.increments("id");
        blueprint.string("name", 40);
        blueprint.integer("plays").nullable();
        connection.execute(new SchemaChange.CreateTable(blueprint.build("tracks"), false));
        connection.write(new Write.Insert("tracks", List.of("name", "plays"),
                List.of(List.of("intro", 1), List.of("outro", 2)), null));
    }

    private static ColumnSpec column(Consumer<Blueprint> declare) {
        Blueprint blueprint = new Blueprint();
        declare.accept(blueprint);
        return blueprint.build("tracks").columns().get(0);
    }

    private void alter(ColumnChange... changes) {
        connection.execute(new SchemaChange.AlterTable("tracks", List.of(changes)));
    }

    private Set<String> indexNames(String collection) {
        Set<String> names = new TreeSet<>();
        rawDatabase().getCollection(collection).listIndexes().forEach(index -> names.add(index.getString("name")));
        return names;
    }

    @Test
    void fieldsAreAddedWithTheirDefaultRenamedAndDroppedOnEveryDocument() {
        createTracks();
        alter(new ColumnChange.AddColumn(column(t -> t.integer("rating").defaultValue(3))),
                new ColumnChange.AddColumn(column(t -> t.string("composer", 60).nullable())),
                new ColumnChange.RenameColumn("name", "title"),
                new ColumnChange.DropColumn("plays"));
        List<Document> documents = rawTracks().find().sort(new Document("id", 1)).into(new ArrayList<>());
        assertEquals(2, documents.size());
        for (Document document : documents) {
            assertEquals(3, document.get("rating"), "the default was set on the existing document");
            assertFalse(document.containsKey("composer"), "no default: nothing written");
            assertFalse(document.containsKey("name"));
            assertFalse(document.containsKey("plays"));
        }
        assertEquals("intro", documents.get(0).get("title"));
        assertTrue(connection.hasColumn("tracks", "title"));
        assertTrue(connection.hasColumn("tracks", "rating"));
        assertFalse(connection.hasColumn("tracks", "plays"));
        connection.write(new Write.Insert("tracks", List.of("title"), List.of(List.of("later")), null));
        Document later = rawTracks().find(new Document("title", "later")).first();
        assertEquals(3, later.get("rating"), "the added column's default is recorded for new documents");
    }

    @Test
    void aChangedColumnKeepsStoredValuesAndRecordsItsNewDefault() {
        createTracks();
        alter(new ColumnChange.ChangeColumn(column(t -> t.integer("plays").nullable().defaultValue(9))));
        connection.write(new Write.Insert("tracks", List.of("name"), List.of(List.of("new")), null));
        assertEquals(9, rawTracks().find(new Document("name", "new")).first().get("plays"));
        assertEquals(1, rawTracks().find(new Document("name", "intro")).first().get("plays"), "stored values kept");
        alter(new ColumnChange.ChangeColumn(column(t -> t.integer("plays").nullable())));
        connection.write(new Write.Insert("tracks", List.of("name"), List.of(List.of("newer")), null));
        assertFalse(rawTracks().find(new Document("name", "newer")).first().containsKey("plays"), "the default is gone");
    }

    @Test
    void uniqueCompoundIndexesAreCreatedEnforcedAndDropped() {
        createTracks();
        connection.execute(new SchemaChange.CreateIndex("tracks", null, List.of("name", "plays"), true));
        connection.execute(new SchemaChange.CreateIndex("tracks", "tracks_by_plays", List.of("plays"), false));
        assertTrue(indexNames("tracks").containsAll(List.of("tracks_name_plays_unique", "tracks_by_plays")),
                indexNames("tracks").toString());
        Document keys = rawTracks().listIndexes().into(new ArrayList<>()).stream()
                .filter(i -> i.getString("name").equals("tracks_name_plays_unique")).findFirst().orElseThrow();
        assertEquals(new Document("name", 1).append("plays", 1), keys.get("key", Document.class));
        assertThrows(UniqueViolationException.class, () -> connection.write(new Write.Insert("tracks",
                List.of("name", "plays"), List.of(List.of("intro", 1)), null)));
        connection.execute(new SchemaChange.DropIndex("tracks", "tracks_name_plays_unique"));
        assertFalse(indexNames("tracks").contains("tracks_name_plays_unique"));
        connection.write(new Write.Insert("tracks", List.of("name", "plays"), List.of(List.of("intro", 1)), null));
        assertEquals(3, rawTracks().countDocuments());
    }

    @Test
    void compositeIndexesDeclaredAtCreationAreCreated() {
        Blueprint blueprint = new Blueprint();
        blueprint.integer("playlist_id");
        blueprint.integer("position");
        blueprint.unique("playlist_id", "position");
        blueprint.indexNamed("by_position", false, "position");
        connection.execute(new SchemaChange.CreateTable(blueprint.build("entries"), false));
        assertEquals(Set.of("_id_", "entries_playlist_id_position_unique", "by_position"), indexNames("entries"));
        connection.write(new Write.Insert("entries", List.of("playlist_id", "position"), List.of(List.of(1, 1)), null));
        assertThrows(UniqueViolationException.class, () -> connection.write(new Write.Insert("entries",
                List.of("playlist_id", "position"), List.of(List.of(1, 1)), null)));
    }

    @Test
    void aRenamedCollectionKeepsItsDocumentsItsDefaultsAndItsNumbering() {
        Blueprint blueprint = new Blueprint();
        blueprint.increments("id");
        blueprint.string("name", 40);
        blueprint.integer("plays").defaultValue(0);
        connection.execute(new SchemaChange.CreateTable(blueprint.build("tracks"), false));
        connection.write(new Write.Insert("tracks", List.of("name"), List.of(List.of("a"), List.of("b")), null));
        connection.execute(new SchemaChange.RenameTable("tracks", "songs"));
        assertFalse(connection.hasTable("tracks"));
        assertTrue(connection.hasTable("songs"));
        connection.write(new Write.Insert("songs", List.of("name"), List.of(List.of("c")), null));
        Document c = rawDatabase().getCollection("songs").find(new Document("name", "c")).first();
        assertEquals(3L, ((Number) c.get("id")).longValue(), "numbering continues under the new name");
        assertEquals(0, c.get("plays"), "the defaults moved with the collection");
        assertEquals(3, rawDatabase().getCollection("songs").countDocuments());
    }

    @Test
    void foreignKeysAreRefusedNamingMongo() {
        createTracks();
        EloquentException add = assertThrows(EloquentException.class, () -> connection.execute(
                new SchemaChange.AddForeignKey("tracks", null, List.of("album_id"), "albums", List.of("id"),
                        ReferentialAction.CASCADE)));
        assertTrue(add.getMessage().contains("foreign keys is not supported on mongo"), add.getMessage());
        assertThrows(EloquentException.class, () -> connection.execute(new SchemaChange.DropForeignKey("tracks", "k")));
        Blueprint albums = new Blueprint();
        albums.increments("id");
        albums.integer("artist_id");
        albums.foreign("artist_id").on("artists");
        EloquentException create = assertThrows(EloquentException.class,
                () -> connection.execute(new SchemaChange.CreateTable(albums.build("albums"), false)));
        assertTrue(create.getMessage().contains("foreign keys is not supported on mongo"), create.getMessage());
        assertFalse(connection.hasTable("albums"), "nothing created");
    }

    @Test
    void describeShowsTheCommandShapesWithoutValuesAndRunsNothing() {
        createTracks();
        List<String> shapes = connection.describe(new SchemaChange.AlterTable("tracks", List.of(
                new ColumnChange.AddColumn(column(t -> t.string("secret_default", 20).defaultValue("hunter2").unique())),
                new ColumnChange.RenameColumn("name", "title"),
                new ColumnChange.DropColumn("plays"))));
        assertEquals(List.of(
                "updateMany tracks {\"secret_default\": {\"$exists\": false}} {\"$set\": {\"secret_default\": \"?\"}}",
                "createIndex tracks {\"secret_default\": 1} unique name tracks_secret_default_unique",
                "updateMany tracks {\"name\": {\"$exists\": true}} {\"$rename\": {\"name\": \"title\"}}",
                "updateMany tracks {} {\"$unset\": {\"plays\": \"\"}}"), shapes);
        assertFalse(String.join(" ", shapes).contains("hunter2"));
        assertEquals("intro", rawTracks().find(new Document("id", 1L)).first().get("name"), "nothing ran");
        assertEquals(List.of("renameCollection tracks to songs"),
                connection.describe(new SchemaChange.RenameTable("tracks", "songs")));
    }

    /**
     * The validator sent with {@code create}: required non-nullable fields and a BSON type per column. The
     * in-process server stores but does not enforce validators, so the command document is checked here,
     * and the stored collection options through the raw client where the server reports them.
     */
    @Test
    void createSendsAJsonSchemaValidatorWithRequiredFieldsAndBsonTypes() {
        Blueprint blueprint = new Blueprint();
        blueprint.increments("id");
        blueprint.string("name", 40);
        blueprint.decimal("price", 8, 2).nullable();
        blueprint.bool("active").defaultValue(true);
        blueprint.json("tags").nullable();
        blueprint.timestamp("created_at").nullable();
        Document validator = MongoSchema.validator(blueprint.build("items"));
        Document expected = Document.parse("{$jsonSchema: {bsonType: 'object', required: ['id', 'name', 'active'],"
                + " properties: {id: {bsonType: ['int', 'long']}, name: {bsonType: ['string']},"
                + " price: {bsonType: ['number', 'null']}, active: {bsonType: ['bool']},"
                + " created_at: {bsonType: ['date', 'null']}}}}");
        assertEquals(expected.toJson(), validator.toJson());
        assertEquals(List.of("create items validator " + Param.shape(validator)),
                connection.describe(new SchemaChange.CreateTable(blueprint.build("items"), false)));
        connection.execute(new SchemaChange.CreateTable(blueprint.build("items"), false));
        assertTrue(connection.hasTable("items"));
        Document options = rawDatabase().listCollections().into(new ArrayList<>()).stream()
                .filter(c -> c.getString("name").equals("items")).findFirst().orElseThrow();
        Document stored = options.get("options", Document.class).get("validator", Document.class);
        if (stored != null) {
            // A real MongoDB (MONGO_TEST_URI) keeps and enforces it; mongo-java-server reports no options.
            assertEquals(validator.toJson(), stored.toJson());
            assertThrows(com.mongodb.MongoWriteException.class,
                    () -> rawDatabase().getCollection("items").insertOne(new Document("name", 5)));
        }
    }
}
