package dev.eloquent.orm;

import dev.eloquent.api.Env;
import dev.eloquent.api.Expression;
import dev.eloquent.api.Query;
import dev.eloquent.api.Selection;
import dev.eloquent.resolver.DriverRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.eloquent.orm.Fakes.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a read of "every column" sends: a model with a schema names its declared columns (the same rule on
 * SQL and on a document store, which then projects them and returns no stray {@code _id}); a model without
 * a schema, aggregates and other selections are left as built. Hydration keeps whatever the result holds.
 */
class RowSelectionPlanTest {
    @Table("artists")
    static final class Artist extends SqlModel<Artist> {
        @Override
        public Schema schema() {
            return Schema.of(t -> {
                t.increments("id");
                t.string("name", 50);
            });
        }

        public HasMany<Artist, Album> albums() {
            return hasMany(Album.class, "artist_id");
        }

        public BelongsToMany<Artist, Label> labels() {
            return belongsToMany(Label.class, "artist_label", "artist_id", "label_id");
        }
    }

    @Table("albums")
    static final class Album extends SqlModel<Album> {
        @Override
        public Schema schema() {
            return Schema.of(t -> {
                t.increments("id");
                t.integer("artist_id");
                t.string("title", 50);
            });
        }
    }

    @Table("labels")
    static final class Label extends SqlModel<Label> {
        @Override
        public Schema schema() {
            return Schema.of(t -> {
                t.increments("id");
                t.string("name", 50);
            });
        }
    }

    /** A table without a declared schema: its rows are whatever the database has. */
    @Table("loose")
    static final class Loose extends SqlModel<Loose> {
    }

    /** Integer key on a document store. */
    @Table("notes")
    @Connection("docfake")
    static final class Note extends MongoModel<Note> {
        @Override
        public Schema schema() {
            return Schema.of(t -> {
                t.increments("id");
                t.string("title", 50);
            });
        }
    }

    /** A schema without a key: the document's ObjectId {@code _id} is the key. */
    @Table("places")
    @Connection("docfake")
    static final class Place extends MongoModel<Place> {
        @Override
        public Schema schema() {
            return Schema.of(t -> t.string("city", 50));
        }
    }

    /** No schema: {@code select *}, the key is the ObjectId {@code _id}. */
    @Table("things")
    @Connection("docfake")
    static final class Thing extends MongoModel<Thing> {
    }

    private final RecordingConnection.RecordingDriver sqlDriver = new RecordingConnection.RecordingDriver("sqlfake", Fakes.SQL);
    private final RecordingConnection.RecordingDriver docDriver = new RecordingConnection.RecordingDriver("docfake", Fakes.DOCUMENTS);
    private final Eloquent db = Eloquent.builder().env(Env.of(Map.of("DB_CONNECTION", "sqlfake")))
            .drivers(DriverRegistry.of(sqlDriver, docDriver))
            .register(Artist.class, Artist::new).register(Album.class, Album::new).register(Label.class, Label::new)
            .register(Loose.class, Loose::new).register(Note.class, Note::new).register(Place.class, Place::new)
            .register(Thing.class, Thing::new)
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

    private static List<Selection> columns(String qualifier, String... names) {
        List<Selection> selections = new ArrayList<>();
        for (String name : names) {
            selections.add(Selection.of(new Expression.Column(qualifier, name)));
        }
        return selections;
    }

    private static List<Selection> plus(List<Selection> first, Selection... more) {
        List<Selection> all = new ArrayList<>(first);
        all.addAll(List.of(more));
        return all;
    }

    @Test
    void aModelWithASchemaReadsItsDeclaredColumnsOnEveryPath() {
        RecordingConnection sql = sql();
        List<Selection> declared = columns(null, "id", "name");
        sql.answer(List.of("id", "name"), row(1, "a"));
        db.query(Artist.class).where("name", "a").get();
        assertEquals(declared, sql.lastQuery().selections(), "get()");
        sql.answer(List.of("id", "name"), row(1, "a"));
        db.find(Artist.class, 1);
        assertEquals(declared, sql.lastQuery().selections(), "find");
        sql.answer(List.of("id", "name"), row(1, "a"));
        try (var rows = db.query(Artist.class).cursor()) {
            assertEquals(1, rows.count());
        }
        assertEquals(declared, sql.lastQuery().selections(), "cursor()");
        sql.answer(List.of("id", "name"), row(1, "a"));
        db.query(Artist.class).select("*").rows();
        assertEquals(declared, sql.lastQuery().selections(), "select(\"*\").rows()");
        sql.answer(List.of("id", "name"), row(1, "a"));
        db.query(Artist.class).distinct().get();
        assertEquals(declared, sql.lastQuery().selections(), "distinct()");
        assertTrue(sql.lastQuery().distinct());
    }

    @Test
    void theBuiltQueryAndAggregatesKeepWhatWasSelected() {
        RecordingConnection sql = sql();
        assertEquals(List.of(), db.query(Artist.class).toQuery().selections(), "toQuery() is the query as built");
        sql.answer(List.of("c"), row(3L));
        assertEquals(3L, db.query(Artist.class).count());
        assertEquals(List.of(Selection.of(Expression.countAll())), sql.lastQuery().selections());
        sql.answer(List.of("name"), row("a"));
        db.query(Artist.class).pluck("name");
        assertEquals(columns(null, "name"), sql.lastQuery().selections());
        sql.answer(List.of("c"), row(1L));
        db.query(Artist.class).limit(5).count();
        Query paged = sql.lastQuery();
        assertEquals(List.of(), paged.from().subquery().selections(), "a derived table of a paged count is left as built");
    }

    @Test
    void aModelWithoutASchemaReadsEveryColumn() {
        RecordingConnection sql = sql();
        sql.answer(List.of("id", "anything"), row(1, "x"));
        Loose loose = db.query(Loose.class).get().get(0);
        assertEquals(List.of(), sql.lastQuery().selections());
        assertEquals("x", loose.get("anything"));
    }

    @Test
    void joinsQualifyTheModelsColumnsAndKeepTheJoinedTablesStar() {
        RecordingConnection sql = sql();
        sql.answer(List.of("id", "name"));
        db.query(Artist.class).join("albums", "albums.artist_id", "=", "artists.id").get();
        assertEquals(plus(columns("artists", "id", "name"), Selection.of(new Expression.Column("albums", "*"))),
                sql.lastQuery().selections(), "SQL's * is the model's columns then the joined table's");
        sql.answer(List.of("id", "name", "title"));
        db.query(Artist.class).join("albums", "albums.artist_id", "=", "artists.id").select("artists.*", "albums.title").get();
        assertEquals(plus(columns("artists", "id", "name"), Selection.of(new Expression.Column("albums", "title"))),
                sql.lastQuery().selections(), "an explicit artists.* is the declared columns, qualified");
    }

    @Test
    void relationAggregateColumnsComeAfterTheDeclaredColumns() {
        RecordingConnection sql = sql();
        sql.answer(List.of("id", "name", "albums_count"), row(1, "a", 2L));
        Artist artist = db.query(Artist.class).withCount("albums").get().get(0);
        List<Selection> selections = sql.lastQuery().selections();
        assertEquals(columns("artists", "id", "name"), selections.subList(0, 2));
        assertEquals("albums_count", selections.get(2).alias());
        assertInstanceOf(Expression.Subquery.class, selections.get(2).expression());
        assertEquals(2L, artist.get("albums_count"));
    }

    @Test
    void aBelongsToManyReadKeepsItsPivotColumns() {
        RecordingConnection sql = sql();
        sql.answer(List.of("id", "name"), row(1, "a"));
        Artist artist = db.find(Artist.class, 1).orElseThrow();
        sql.answer(List.of("id", "name", "pivot_artist_id", "pivot_label_id"), row(7, "indie", 1, 7));
        Label label = artist.labels().get().get(0);
        List<Selection> selections = sql.lastQuery().selections();
        assertEquals(columns("labels", "id", "name"), selections.subList(0, 2));
        assertEquals(List.of("pivot_artist_id", "pivot_label_id"),
                selections.subList(2, selections.size()).stream().map(Selection::alias).toList());
        assertEquals(7, label.pivot().get("label_id"));
    }

    @Test
    void aDocumentModelWithAnIntegerKeyProjectsItsDeclaredFieldsOnly() {
        RecordingConnection doc = doc();
        doc.answer(List.of("id", "title"), row(1, "first"));
        Note note = db.query(Note.class).get().get(0);
        assertEquals(columns(null, "id", "title"), doc.lastQuery().selections());
        assertEquals(List.of("id", "title"), new ArrayList<>(note.attributes().keySet()));
    }

    @Test
    void aDocumentModelInObjectIdModeSelectsItsIdBeforeItsDeclaredFields() {
        RecordingConnection doc = doc();
        doc.answer(List.of("_id", "city"), row("65a1b2c3d4e5f60718293a4b", "Berlin"));
        Place place = db.query(Place.class).get().get(0);
        assertEquals(columns(null, "_id", "city"), doc.lastQuery().selections());
        assertEquals("65a1b2c3d4e5f60718293a4b", place.getKey());
    }

    @Test
    void aDocumentModelWithoutASchemaReadsWholeDocumentsKeyedByItsId() {
        RecordingConnection doc = doc();
        doc.answer(List.of("_id", "colour"), row("65a1b2c3d4e5f60718293a4b", "red"));
        Thing thing = db.query(Thing.class).get().get(0);
        assertEquals(List.of(), doc.lastQuery().selections());
        assertEquals("65a1b2c3d4e5f60718293a4b", thing.getKey());
        assertEquals("red", thing.get("colour"));
    }

    @Test
    void hydrationTakesEveryReturnedColumnWhereverItCameFrom() {
        RecordingConnection doc = doc();
        doc.answer(List.of("_id", "id", "title"), row("65a1b2c3d4e5f60718293a4b", 1, "first"));
        Note note = db.query(Note.class).get().get(0);
        assertEquals("65a1b2c3d4e5f60718293a4b", note.get("_id"),
                "what the driver returns is hydrated: leaving out undeclared fields is the selection's job");
    }
}
