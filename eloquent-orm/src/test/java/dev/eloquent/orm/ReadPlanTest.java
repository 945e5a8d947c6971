package dev.eloquent.orm;

import dev.eloquent.api.AggregateFunction;
import dev.eloquent.api.Condition;
import dev.eloquent.api.EloquentException;
import dev.eloquent.api.Expression;
import dev.eloquent.api.Operator;
import dev.eloquent.api.Query;
import dev.eloquent.api.Selection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.eloquent.orm.Fakes.col;
import static dev.eloquent.orm.Fakes.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which reads each result method sends, how many, and what it makes of the answers. */
class ReadPlanTest {
    private static final List<String> ID_NAME = List.of("id", "name");
    private final Fakes fakes = new Fakes();

    @AfterEach
    void close() {
        fakes.close();
    }

    private ModelQuery<Fakes.Track> tracks() {
        return fakes.db.query(Fakes.Track.class);
    }

    private static Expression.Aggregate countAll() {
        return Expression.countAll();
    }

    @Test
    void hydrationConvertsDeclaredColumnsAndKeepsOthersAsReturned() {
        RecordingConnection sql = fakes.sql();
        sql.answer(List.of("id", "unit_price", "extra"), row(1, "0.5", "x"), row(2, null, 3));
        List<Fakes.Track> rows = tracks().get();
        assertEquals(1L, rows.get(0).get("id"));
        assertEquals(new BigDecimal("0.50"), rows.get(0).get("unit_price"));
        assertEquals("x", rows.get(0).get("extra"));
        assertTrue(rows.get(1).exists());
        assertFalse(rows.get(1).isDirty(), "a loaded model is clean");
        rows.get(1).set("name", "changed");
        assertEquals(Map.of("name", "changed"), rows.get(1).getDirty());
        assertEquals(0, sql.openCursors);
    }

    @Test
    void firstSoleAndFailures() {
        RecordingConnection sql = fakes.sql();
        sql.answer(ID_NAME, row(1, "a"));
        assertEquals("a", tracks().where("name", "a").first().orElseThrow().get("name"));
        assertEquals(1, sql.lastQuery().limit());

        sql.answer(ID_NAME, row(1, "a"), row(2, "b"));
        MultipleRecordsFoundException many = assertThrows(MultipleRecordsFoundException.class,
                () -> tracks().where("name", "secret-value").sole());
        assertEquals(2, sql.lastQuery().limit());
        assertFalse(many.getMessage().contains("secret-value"), many.getMessage());

        ModelNotFoundException none = assertThrows(ModelNotFoundException.class,
                () -> tracks().where("name", "secret-value").firstOrFail());
        assertTrue(none.getMessage().contains("no Track in tracks on connection 'sqlfake' matches name = ?"),
                none.getMessage());
        ModelNotFoundException missing = assertThrows(ModelNotFoundException.class, () -> tracks().findOrFail(987654));
        assertTrue(missing.getMessage().contains("no Track in tracks with the given id"), missing.getMessage());
        assertFalse(missing.getMessage().contains("987654"), "a key is a value and stays out: " + missing.getMessage());
        ModelNotFoundException text = assertThrows(ModelNotFoundException.class,
                () -> fakes.db.query(Fakes.Setting.class).findOrFail("secret-value"));
        assertFalse(text.getMessage().contains("secret-value"), "a text key is not: " + text.getMessage());
    }

    @Test
    void findManyAndPluckAndValue() {
        RecordingConnection sql = fakes.sql();
        sql.answer(ID_NAME, row(1, "a"), row(3, "c"));
        assertEquals(2, tracks().findMany(List.of(1, 3)).size());
        assertEquals(new Condition.In(col("id"), List.of(1L, 3L), false), sql.lastQuery().where());
        assertEquals(List.of(), tracks().findMany(List.of()), "no keys, no statement");
        assertEquals(1, sql.queries().size());

        sql.answer(List.of("unit_price"), row("1.5"), row((Object) null));
        assertEquals(java.util.Arrays.asList(new BigDecimal("1.50"), null), tracks().pluck("unit_price"));
        assertEquals(List.of(Selection.of(col("unit_price"))), sql.lastQuery().selections());

        sql.answer(List.of("name", "id"), row("a", 1), row("b", 2));
        Map<Object, Object> expected = new LinkedHashMap<>();
        expected.put(1L, "a");
        expected.put(2L, "b");
        assertEquals(expected, tracks().pluck("name", "id"));

        sql.answer(List.of("name"), row("only"));
        assertEquals("only", tracks().value("name"));
        assertEquals(1, sql.lastQuery().limit());
        assertNull(tracks().value("name"), "no row, null");
    }

    @Test
    void aggregatesAreOneStatementAndComeBackInOneTypePerFunction() {
        RecordingConnection sql = fakes.sql();
        sql.answer(List.of("c"), row(7));
        assertEquals(7, tracks().where("genre_id", 1).orderBy("name").count());
        Query count = sql.lastQuery();
        assertEquals(List.of(Selection.of(countAll())), count.selections());
        assertEquals(List.of(), count.orders(), "an aggregate drops the order");

        sql.answer(List.of("s"), row((Object) null));
        assertEquals(new BigDecimal("0.00"), tracks().sum("unit_price"), "0 when no rows, at the column's scale");
        sql.answer(List.of("s"), row(1234L));
        assertEquals(new BigDecimal("1234"), tracks().sum("plays"));
        sql.answer(List.of("a"), row(new BigDecimal("12.5000000000")));
        assertEquals(new BigDecimal("12.5"), tracks().avg("plays"));
        sql.answer(List.of("a"), row((Object) null));
        assertNull(tracks().avg("plays"));
        sql.answer(List.of("m"), row("0.3"));
        assertEquals(new BigDecimal("0.30"), tracks().max("unit_price"), "min/max in the column's type");
        sql.answer(List.of("m"), row(3L));
        assertEquals(3, tracks().min("genre_id"));

        fakes.db.table("tracks").distinct().count("genre_id");
        assertEquals(List.of(Selection.of(new Expression.Aggregate(AggregateFunction.COUNT, col("genre_id"), true))),
                sql.lastQuery().selections(), "distinct count(col) is count(distinct col)");
        assertFalse(sql.lastQuery().distinct());
    }

    @Test
    void aPagedCountCountsThePageThroughADerivedTableWhereSubqueriesAreClaimed() {
        RecordingConnection sql = fakes.sql();
        sql.answer(List.of("c"), row(2L));
        assertEquals(2, tracks().orderBy("id").limit(2).count());
        Query outer = sql.lastQuery();
        assertEquals("aggregate_rows", outer.from().alias());
        assertEquals(2, outer.from().subquery().limit());
        assertEquals(List.of(Selection.of(countAll())), outer.selections());
    }

    @Test
    void withoutSubqueriesAPagedOrGroupedAggregateReadsTheRowsAndAggregatesInMemory() {
        RecordingConnection doc = fakes.doc();
        TableQuery tracks = fakes.db.on("docfake").table("tracks");
        doc.answer(ID_NAME, row(1, "a"), row(2, "b"));
        assertEquals(2, tracks.clone().limit(2).count());
        assertEquals(2, doc.lastQuery().limit());
        assertEquals(List.of(Selection.of(col("id"))), doc.lastQuery().selections(), "only the page's keys are read");

        doc.answer(List.of("aggregate_value"), row(5), row((Object) null), row(7L));
        assertEquals(new BigDecimal("12"), tracks.clone().limit(3).sum("plays"));
        doc.answer(List.of("aggregate_value"), row(5), row(6));
        assertEquals(new BigDecimal("5.5"), tracks.clone().offset(1).avg("plays"));
        doc.answer(List.of("aggregate_value"), row(5), row(9), row(2));
        assertEquals(9, tracks.clone().limit(3).max("plays"));

        doc.answer(List.of("group_0"), row(1), row(2), row(3));
        assertEquals(3, tracks.clone().groupBy("genre_id").count(), "a grouped count counts groups");
        assertEquals(List.of(new Selection(col("genre_id"), "group_0")), doc.lastQuery().selections());
        EloquentException grouped = assertThrows(EloquentException.class,
                () -> tracks.clone().groupBy("genre_id").sum("plays"));
        assertTrue(grouped.getMessage().contains("on a grouped query is ambiguous"), grouped.getMessage());
    }

    @Test
    void existsReadsOneRow() {
        RecordingConnection sql = fakes.sql();
        sql.answer(ID_NAME, row(1, "a"));
        assertTrue(tracks().where("name", "a").exists());
        assertEquals(1, sql.lastQuery().limit());
        assertTrue(tracks().doesntExist());
        assertFalse(tracks().limit(0).exists());
        assertEquals(2, sql.queries().size(), "limit 0 needs no statement");
    }

    @Test
    void paginateCountsThenReadsThePage() {
        RecordingConnection sql = fakes.sql();
        sql.answer(List.of("c"), row(45L)).answer(ID_NAME, row(21, "u"));
        Page<Fakes.Track> page = tracks().where("plays", ">", 0).orderBy("id").paginate(20, 2);
        assertEquals(2, sql.queries().size());
        assertEquals(List.of(Selection.of(countAll())), sql.queries().get(0).selections());
        assertEquals(null, sql.queries().get(0).limit(), "the total counts the unpaged query");
        assertEquals(20, sql.queries().get(1).limit());
        assertEquals(20, sql.queries().get(1).offset());
        assertEquals(45, page.total());
        assertEquals(3, page.lastPage());
        assertTrue(page.hasMorePages());
        assertEquals(1, page.items().size());

        sql.answer(List.of("c"), row(0L));
        Page<Fakes.Track> empty = tracks().paginate(20, 1);
        assertEquals(3, sql.queries().size(), "nothing matches: no page read");
        assertEquals(1, empty.lastPage());
        assertFalse(empty.hasMorePages());
    }

    @Test
    void simplePaginateReadsOneRowMoreAndNoCount() {
        RecordingConnection sql = fakes.sql();
        sql.answer(ID_NAME, row(1, "a"), row(2, "b"), row(3, "c"));
        Slice<Fakes.Track> slice = tracks().simplePaginate(2, 1);
        assertEquals(1, sql.queries().size());
        assertEquals(3, sql.lastQuery().limit());
        assertEquals(2, slice.items().size());
        assertTrue(slice.hasMorePages());
    }

    @Test
    void chunkReadsPagesByOffsetUntilAShortPageOrFalse() {
        RecordingConnection sql = fakes.sql();
        sql.answer(ID_NAME, row(1, "a"), row(2, "b")).answer(ID_NAME, row(3, "c"), row(4, "d"))
                .answer(ID_NAME, row(5, "e"));
        List<Integer> sizes = new ArrayList<>();
        tracks().chunk(2, rows -> sizes.add(rows.size()));
        assertEquals(List.of(2, 2, 1), sizes);
        assertEquals(3, sql.queries().size());
        assertEquals(List.of(new dev.eloquent.api.Order(col("id"), false)), sql.lastQuery().orders(),
                "no order given: the key's");
        assertEquals(4, sql.lastQuery().offset());

        sql.answer(ID_NAME, row(1, "a"), row(2, "b"));
        tracks().chunk(2, rows -> false);
        assertEquals(4, sql.queries().size(), "false stops");
        EloquentException paged = assertThrows(EloquentException.class, () -> tracks().limit(3).chunk(2, rows -> true));
        assertTrue(paged.getMessage().contains("chunk() pages the query itself; remove limit/offset"), paged.getMessage());
    }

    @Test
    void chunkByIdAndLazyReadAfterTheLastKey() {
        RecordingConnection sql = fakes.sql();
        sql.answer(ID_NAME, row(1, "a"), row(2, "b")).answer(ID_NAME, row(5, "e"), row(6, "f"))
                .answer(ID_NAME);
        List<Object> keys = new ArrayList<>();
        tracks().where("plays", 0).orderBy("name").chunkById(2, rows -> {
            rows.forEach(t -> keys.add(t.getKey()));
            return true;
        });
        assertEquals(List.of(1L, 2L, 5L, 6L), keys);
        assertEquals(3, sql.queries().size());
        Query last = sql.lastQuery();
        assertEquals(new Condition.And(List.of(Fakes.eq("plays", 0),
                new Condition.Compare(col("id"), Operator.GT, Expression.value(6L)))), last.where());
        assertEquals(List.of(new dev.eloquent.api.Order(col("id"), false)), last.orders(), "the key's order replaces others");

        sql.answer(ID_NAME, row(1, "a"), row(2, "b")).answer(ID_NAME, row(3, "c"));
        try (Stream<Fakes.Track> lazy = tracks().lazy(2)) {
            assertEquals(List.of("a", "b", "c"), lazy.map(t -> t.getString("name")).toList());
        }
        assertEquals(5, sql.queries().size(), "two chunks: the second was short");
    }

    @Test
    void cursorStreamsRowsAndClosingTheStreamClosesTheCursor() {
        RecordingConnection sql = fakes.sql();
        sql.answer(ID_NAME, row(1, "a"), row(2, "b"), row(3, "c"));
        try (Stream<Fakes.Track> rows = tracks().cursor()) {
            assertEquals(1, sql.openCursors);
            assertEquals("a", rows.findFirst().orElseThrow().getString("name"));
        }
        assertEquals(0, sql.openCursors, "closed early, by the stream");
        sql.answer(ID_NAME, row(1, "a"));
        assertEquals(1, tracks().cursor().count());
        assertEquals(0, sql.openCursors, "closed at the end");
    }

    @Test
    void modelRowsForGroupedReports() {
        RecordingConnection sql = fakes.sql();
        sql.answer(List.of("genre_id", "tracks"), row(1L, 10), row(2L, 4));
        List<Map<String, Object>> rows = tracks().select("genre_id", "count(*) as tracks").groupBy("genre_id").rows();
        assertEquals(List.of(Map.of("genre_id", 1, "tracks", 10), Map.of("genre_id", 2, "tracks", 4)), rows);
    }

    @Test
    void onlyAnExplicitFalseStopsAChunk() {
        RecordingConnection sql = fakes.sql();
        sql.answer(ID_NAME, row(1, "a"), row(2, "b")).answer(ID_NAME, row(3, "c"));
        List<Integer> sizes = new ArrayList<>();
        tracks().chunk(2, rows -> {
            sizes.add(rows.size());
            return null;
        });
        assertEquals(List.of(2, 1), sizes, "null is not false: Laravel stops only on false");
    }

    @Test
    void aRowThatCannotBeReadClosesTheCursorStream() {
        RecordingConnection sql = fakes.sql();
        sql.answer(List.of("id", "unit_price"), row(1, "not a number"), row(2, "1.00"));
        Stream<Fakes.Track> rows = tracks().cursor();
        EloquentException bad = assertThrows(EloquentException.class, rows::toList);
        assertTrue(bad.getMessage().contains("tracks.unit_price"), bad.getMessage());
        assertFalse(bad.getMessage().contains("not a number"), bad.getMessage());
        assertEquals(0, sql.openCursors, "released without the caller closing the stream");
    }

    @Test
    void modelsPagesAndSlicesPrintWithoutValues() {
        RecordingConnection sql = fakes.sql();
        sql.answer(List.of("c"), row(1L)).answer(ID_NAME, row(7, "secret-name"));
        Page<Fakes.Track> page = tracks().paginate(10, 1);
        assertEquals("Track[stored, attributes [id, name]]", page.items().get(0).toString());
        assertEquals("Page[page 1 of 1, 1 items of 1, 10 per page]", page.toString());
        sql.answer(ID_NAME, row(7, "secret-name"));
        Slice<Fakes.Track> slice = tracks().simplePaginate(10, 1);
        assertFalse(slice.toString().contains("secret-name"), slice.toString());
        assertFalse(page.toString().contains("secret-name"), page.toString());
    }

    @Test
    void anAggregateThatIsNotANumberFailsWithoutQuotingIt() {
        RecordingConnection sql = fakes.sql();
        sql.answer(List.of("s"), row("secret-text"));
        EloquentException sum = assertThrows(EloquentException.class, () -> fakes.db.table("tracks").sum("plays"));
        assertEquals("the database returned a sum or average that is not a number (a String)", sum.getMessage());
        sql.answer(List.of("c"), row("secret-text"));
        EloquentException count = assertThrows(EloquentException.class, () -> fakes.db.table("tracks").count());
        assertFalse(count.getMessage().contains("secret"), count.getMessage());
        assertTrue(count.getMessage().startsWith("the database returned a count that is not a number"), count.getMessage());
    }
}
