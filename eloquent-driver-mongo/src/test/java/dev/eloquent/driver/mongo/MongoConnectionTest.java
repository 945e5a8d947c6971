package dev.eloquent.driver.mongo;

import com.mongodb.client.MongoCollection;
import dev.eloquent.api.AggregateFunction;
import dev.eloquent.api.ArithmeticOperator;
import dev.eloquent.api.Blueprint;
import dev.eloquent.api.Condition;
import dev.eloquent.api.Cursor;
import dev.eloquent.api.EloquentException;
import dev.eloquent.api.Expression;
import dev.eloquent.api.Operator;
import dev.eloquent.api.Order;
import dev.eloquent.api.Query;
import dev.eloquent.api.QueryEvent;
import dev.eloquent.api.QueryException;
import dev.eloquent.api.QueryListener;
import dev.eloquent.api.Rows;
import dev.eloquent.api.SchemaChange;
import dev.eloquent.api.Selection;
import dev.eloquent.api.TableRef;
import dev.eloquent.api.UniqueViolationException;
import dev.eloquent.api.UnsupportedFeatureException;
import dev.eloquent.api.Write;
import dev.eloquent.api.WriteResult;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The mongo connection through the SPI, against the test server (in-process unless MONGO_TEST_URI is
 * set), every result checked through the raw MongoDB client as well.
 */
class MongoConnectionTest extends MongoServerTest {
    @Override
    protected String databasePrefix() {
        return "eloquent_conn_";
    }

    private MongoCollection<Document> rawItems() {
        return rawDatabase().getCollection("items");
    }

    private static Condition where(String column, Operator operator, Object value) {
        return new Condition.Compare(Expression.column(column), operator, Expression.value(value));
    }

    private long count(Query query) {
        Rows rows = connection.select(query.selecting(Expression.countAll())).drain();
        return ((Number) rows.values().get(0)[0]).longValue();
    }

    private void createItems() {
        Blueprint blueprint = new Blueprint();
        blueprint.increments("id");
        blueprint.string("name", 40).unique();
        blueprint.integer("n").nullable();
        connection.execute(new SchemaChange.CreateTable(blueprint.build("items"), false));
    }

    // ---- cursor ----

    @Test
    void aCursorStreamsBatchesAndReportsTheRowsWhenReadToTheEnd() {
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            documents.add(new Document("n", i).append("name", "item" + i));
        }
        rawItems().insertMany(documents);
        List<QueryEvent> events = new CopyOnWriteArrayList<>();
        connection.listen(events::add);

        try (Cursor cursor = connection.select(Query.from("items").selecting(Expression.column("n"))
                .withOrders(List.of(Order.of("n", "asc"))))) {
            assertEquals(List.of("n"), cursor.columns());
            int expected = 0;
            while (cursor.hasNext()) {
                assertArrayEquals(new Object[]{expected++}, cursor.next());
            }
            assertEquals(250, expected);
            assertFalse(cursor.hasNext());
        }
        assertEquals(1, events.size(), "one event per command, sent when the cursor is read to the end");
        assertEquals("find items {} projection {\"n\": 1, \"_id\": 0} sort {\"n\": 1}", events.get(0).statement());
        assertEquals(250, events.get(0).rows());

        Cursor early = connection.select(Query.from("items"));
        early.next();
        early.close();
        early.close();
        assertFalse(early.hasNext(), "a closed cursor has no more rows");
        assertEquals(-1, events.get(1).rows(), "closed early: the rows are not known");
    }

    @Test
    void wholeDocumentsNameTheirColumnsAndALateFieldIsNeverLostSilently() {
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < MongoRowCursor.BATCH + 50; i++) {
            documents.add(new Document("_id", i).append("a", i));
        }
        documents.get(documents.size() - 1).append("late", "x"); // beyond the first batch
        rawItems().insertMany(documents);

        Rows all = connection.select(Query.from("items").withOrders(List.of(Order.of("_id", "asc")))).drain();
        assertEquals(List.of("_id", "a", "late"), all.columns(), "drain widens the columns to every field seen");
        assertEquals(documents.size(), all.size());
        assertNull(all.values().get(0)[2]);
        assertEquals("x", all.values().get(documents.size() - 1)[2]);

        try (Cursor cursor = connection.select(Query.from("items").withOrders(List.of(Order.of("_id", "asc"))))) {
            assertEquals(List.of("_id", "a"), cursor.columns(), "the first batch names the columns");
            EloquentException late = assertThrows(EloquentException.class, () -> {
                while (cursor.hasNext()) {
                    cursor.next();
                }
            });
            assertTrue(late.getMessage().contains("has field 'late'"), late.getMessage());
        }
    }

    // ---- events ----

    @Test
    void eventsCarryTheCommandShapeAndValuesOnlyWhenAskedFor() {
        createItems();
        List<QueryEvent> events = new CopyOnWriteArrayList<>();
        connection.listen(events::add);
        connection.write(new Write.Insert("items", List.of("name", "n"), List.of(List.of("secret-a", 1), List.of("secret-b", 2)), "id"));
        connection.select(Query.from("items").where(where("name", Operator.EQ, "secret-a"))).drain();
        connection.write(new Write.Update(Query.from("items").where(where("name", Operator.EQ, "secret-a")),
                List.of(new Write.Assignment("n", Expression.value(5)))));
        connection.write(new Write.Delete(Query.from("items").where(where("n", Operator.GT, 3))));
        List<String> statements = events.stream().map(QueryEvent::statement).toList();
        assertTrue(statements.contains("insertMany items {\"name\": \"?\", \"n\": \"?\", \"id\": \"?\", \"_id\": \"?\"} x2"), statements.toString());
        assertTrue(statements.contains("find items {\"name\": \"?\"}"), statements.toString());
        assertTrue(statements.contains("updateMany items {\"name\": \"?\"} {\"$set\": {\"n\": \"?\"}}"), statements.toString());
        assertTrue(statements.contains("deleteMany items {\"n\": {\"$gt\": \"?\"}}"), statements.toString());
        for (QueryEvent event : events) {
            assertTrue(event.bindings().isEmpty(), "no values unless the listener asks");
            assertFalse(event.toString().contains("secret"), event.toString());
            assertTrue(event.duration().toNanos() > 0);
        }
        QueryEvent delete = events.get(events.size() - 1);
        assertEquals(1, delete.rows());

        List<QueryEvent> withValues = new CopyOnWriteArrayList<>();
        connection.listen(new QueryListener() {
            @Override
            public void statement(QueryEvent event) {
                withValues.add(event);
            }

            @Override
            public boolean wantsBindings() {
                return true;
            }
        });
        connection.select(Query.from("items").where(where("name", Operator.EQ, "secret-b"))).drain();
        assertEquals(List.of("secret-b"), withValues.get(0).bindings());
        assertEquals(1, withValues.get(0).rows());
    }

    // ---- errors ----

    @Test
    void aDuplicateKeyIsAUniqueViolationNamingTheIndexNotTheValue() {
        createItems();
        connection.write(new Write.Insert("items", List.of("name"), List.of(List.of("secret-dup")), "id"));
        UniqueViolationException duplicate = assertThrows(UniqueViolationException.class, () -> connection.write(
                new Write.Insert("items", List.of("name"), List.of(List.of("fresh"), List.of("secret-dup"), List.of("later")), "id")));
        assertEquals("items_name_unique", duplicate.index());
        assertEquals("items", duplicate.table());
        assertEquals("mongo", duplicate.connection());
        assertTrue(duplicate.getMessage().contains("unique index 'items_name_unique'"), duplicate.getMessage());
        assertTrue(duplicate.getMessage().contains("insertMany items {\"name\": \"?\""), duplicate.getMessage());
        assertFalse(duplicate.toString().contains("secret-dup"), duplicate.toString());
        assertFalse(duplicate.getMessage().contains("dup key"), duplicate.getMessage());
        assertNull(duplicate.getCause());
        assertEquals(1, rawItems().countDocuments(), "the rows stored before the refused one were removed again");
    }

    @Test
    void anIncrementLeavesNullAsSqlDoesAndStillSetsTheOtherColumns() {
        rawItems().insertMany(List.of(new Document("name", "counted").append("hits", 4),
                new Document("name", "never").append("hits", null), new Document("name", "missing")));
        WriteResult result = connection.write(new Write.Update(Query.from("items"), List.of(
                new Write.Assignment("hits", new Expression.Arithmetic(Expression.column("hits"), ArithmeticOperator.ADD,
                        Expression.value(3))),
                new Write.Assignment("label", Expression.value("seen")))));
        assertEquals(3, result.affected());
        Map<String, Document> byName = new java.util.HashMap<>();
        rawItems().find().forEach(d -> byName.put(d.getString("name"), d));
        assertEquals(7, byName.get("counted").getInteger("hits"));
        assertNull(byName.get("never").get("hits"), "NULL + 3 stays NULL, as in SQL");
        assertFalse(byName.get("missing").containsKey("hits"), "a missing field is NULL: not created");
        byName.values().forEach(d -> assertEquals("seen", d.getString("label"), "every matched row gets the other columns"));
    }

    @Test
    void aRefusedCommandIsAQueryExceptionWithoutTheServersText() {
        rawItems().insertOne(new Document("name", "secret-text"));
        QueryException refused = assertThrows(QueryException.class, () -> connection.write(new Write.Update(Query.from("items"),
                List.of(new Write.Assignment("name", new Expression.Arithmetic(Expression.column("name"), ArithmeticOperator.ADD,
                        Expression.value(1)))))));
        assertFalse(refused instanceof UniqueViolationException);
        assertTrue(refused.getMessage().contains("{\"$inc\": {\"name\": \"?\"}}"), refused.getMessage());
        assertFalse(refused.toString().contains("secret-text"), refused.toString());
        assertFalse(refused.getMessage().contains(rawItems().find().first().getObjectId("_id").toHexString()),
                "MongoDB's message names the document's _id: left out");
        assertNull(refused.getCause());
        assertEquals("items", refused.table());
    }

    @Test
    void transactionsAreRefused() {
        UnsupportedFeatureException refused = assertThrows(UnsupportedFeatureException.class, () -> connection.transaction(() -> 1));
        assertEquals("transactions is not supported on mongo", refused.getMessage());
        assertFalse(connection.inTransaction());
    }

    // ---- issue 7: dates, keys, increments ----

    @Test
    void bsonDatesWrittenByAnotherToolMatchRangeAndEqualityFilters() {
        LocalDateTime start = LocalDateTime.of(2024, 1, 1, 0, 0, 0, 500_000_000);
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            documents.add(new Document("seq", i).append("at", Date.from(start.plusMinutes(i).toInstant(ZoneOffset.UTC))));
        }
        rawItems().insertMany(documents);
        LocalDateTime boundary = start.plusMinutes(40);
        assertEquals(40, count(Query.from("items").where(where("at", Operator.GE, boundary))), "rows 40..79, the boundary row included");
        assertEquals(41, count(Query.from("items").where(where("at", Operator.LE, boundary))));
        assertEquals(1, count(Query.from("items").where(where("at", Operator.EQ, boundary))));
        assertEquals(11, count(Query.from("items").where(new Condition.Between(Expression.column("at"),
                Expression.value(boundary), Expression.value(boundary.plusMinutes(10)), false))));
        Object read = connection.select(Query.from("items").where(where("seq", Operator.EQ, 40))
                .selecting(Expression.column("at"))).drain().values().get(0)[0];
        assertEquals(boundary.toInstant(ZoneOffset.UTC), read, "a BSON date reads back as its Instant");
        assertEquals(java.time.temporal.ChronoUnit.MILLIS, connection.timestampPrecision());
    }

    @Test
    void integerKeysStartPastTheLargestIdOfACollectionFilledByAnotherTool() {
        for (int id = 1; id <= 50; id++) {
            rawItems().insertOne(new Document("id", id).append("name", "legacy" + id));
        }
        Blueprint blueprint = new Blueprint();
        blueprint.increments("id");
        blueprint.string("name", 40);
        connection.execute(new SchemaChange.CreateTable(blueprint.build("items"), true));
        boolean unique = false;
        for (Document index : rawItems().listIndexes()) {
            if (new Document("id", 1).equals(index.get("key")) && Boolean.TRUE.equals(index.get("unique"))) {
                unique = true;
            }
        }
        assertTrue(unique, "creating the table on an existing collection ensures the unique index on its key");

        WriteResult first = connection.write(new Write.Insert("items", List.of("name"), List.of(List.of("a"), List.of("b")), "id"));
        assertEquals(List.of(51L, 52L), first.generatedKeys());
        rawItems().insertOne(new Document("id", 53).append("name", "another tool"));
        WriteResult next = connection.write(new Write.Insert("items", List.of("name"), List.of(List.of("c")), "id"));
        assertEquals(List.of(54L), next.generatedKeys(), "a number taken meanwhile is skipped, never duplicated");
        Set<Object> ids = new HashSet<>();
        rawItems().find().forEach(d -> ids.add(((Number) d.get("id")).longValue()));
        assertEquals(54, ids.size());

        connection.write(new Write.Insert("items", List.of("name"), List.of(List.of("no returning")), null));
        assertEquals(55L, ((Number) rawItems().find(new Document("name", "no returning")).first().get("id")).longValue(),
                "an insert that leaves the key out is numbered even without asking for the key back");
    }

    @Test
    void objectIdKeysComeBackAsHexOnePerRow() {
        WriteResult result = connection.write(new Write.Insert("notes", List.of("title"),
                List.of(List.of("a"), List.of("b"), List.of("c")), "_id"));
        assertEquals(3, result.affected());
        List<Object> stored = new ArrayList<>();
        rawDatabase().getCollection("notes").find().sort(new Document("title", 1)).forEach(d -> stored.add(d.getObjectId("_id").toHexString()));
        assertEquals(stored, result.generatedKeys());
    }

    @Test
    void incrementsUnderEightThreadsLoseNothing() throws Exception {
        createItems();
        connection.write(new Write.Insert("items", List.of("name", "n"), List.of(List.of("counter", 0)), "id"));
        Write.Update increment = new Write.Update(Query.from("items").where(where("name", Operator.EQ, "counter")),
                List.of(new Write.Assignment("n", new Expression.Arithmetic(Expression.column("n"), ArithmeticOperator.ADD,
                        Expression.value(1)))));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Long>> work = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                work.add(() -> {
                    long matched = 0;
                    for (int i = 0; i < 50; i++) {
                        matched += connection.write(increment).affected();
                    }
                    return matched;
                });
            }
            long matched = 0;
            for (Future<Long> done : pool.invokeAll(work)) {
                matched += done.get();
            }
            assertEquals(400, matched);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(400, ((Number) rawItems().find(new Document("name", "counter")).first().get("n")).intValue());
        connection.write(new Write.Update(Query.from("items").where(where("name", Operator.EQ, "counter")),
                List.of(new Write.Assignment("n", new Expression.Arithmetic(Expression.column("n"), ArithmeticOperator.SUBTRACT,
                        Expression.value(15))))));
        assertEquals(385, ((Number) rawItems().find(new Document("name", "counter")).first().get("n")).intValue());
    }

    // ---- reads with SQL's meaning ----

    @Test
    void negativeFiltersNeverMatchNullOrMissingFields() {
        rawItems().insertMany(List.of(new Document("name", "a").append("n", 1), new Document("name", "b").append("n", null),
                new Document("name", "c"), new Document("name", "d").append("n", 7)));
        assertEquals(1, count(Query.from("items").where(where("n", Operator.NE, 7))));
        assertEquals(1, count(Query.from("items").where(new Condition.In(Expression.column("n"), List.of(7), true))));
        assertEquals(0, count(Query.from("items").where(new Condition.Between(Expression.column("n"),
                Expression.value(0), Expression.value(10), true))));
        assertEquals(1, count(Query.from("items").where(new Condition.Between(Expression.column("n"),
                Expression.value(2), Expression.value(10), true))));
        assertEquals(2, count(Query.from("items").where(new Condition.Null(Expression.column("n"), false))), "null and missing");
        assertEquals(1, count(Query.from("items").where(where("n", Operator.LT, 7).negate())), "not (n < 7): only 7");
        rawItems().insertOne(new Document("name", "m").append("lo", 3).append("n", 5));
        rawItems().insertOne(new Document("name", "z").append("lo", 9).append("n", 5));
        assertEquals(1, count(Query.from("items").where(new Condition.Compare(Expression.column("n"), Operator.GT,
                Expression.column("lo")))), "column against column, rows without lo excluded");
        assertEquals(1, count(Query.from("items").where(new Condition.Compare(Expression.column("n"), Operator.LE,
                Expression.column("lo")))));
        assertEquals(1, count(Query.from("items").where(new Condition.Compare(new Expression.Arithmetic(Expression.column("n"),
                ArithmeticOperator.MULTIPLY, Expression.value(2)), Operator.GE, Expression.value(14)))), "only d: 7 * 2");
    }

    @Test
    void notLikeAndLikeKeepTheirRules() {
        rawItems().insertMany(List.of(new Document("name", "Apple"), new Document("name", "apricot"), new Document("x", 1),
                new Document("name", "a.c")));
        assertEquals(2, count(Query.from("items").where(where("name", Operator.LIKE, "ap%"))), "case-insensitive");
        assertEquals(1, count(Query.from("items").where(where("name", Operator.NOT_LIKE, "ap%"))), "a.c, never the missing name");
        assertEquals(1, count(Query.from("items").where(where("name", Operator.LIKE, "a.c"))), ". is a literal");
        assertEquals(1, count(Query.from("items").where(where("name", Operator.LIKE_CASE_SENSITIVE, "Ap%"))), "only Apple");
        assertEquals(2, count(Query.from("items").where(where("name", Operator.NOT_LIKE_CASE_SENSITIVE, "Ap%"))),
                "apricot and a.c, never the missing name");
    }

    private void insertInvoices() {
        List<Document> invoices = new ArrayList<>();
        String[] customers = {"ann", "bob", "cid", "dan"};
        for (int i = 0; i < 40; i++) {
            Document invoice = new Document("customer", customers[i % 4]).append("total", new org.bson.types.Decimal128(
                    BigDecimal.valueOf(i * 25, 2))).append("country", i % 3 == 0 ? "DE" : "FR");
            if (i % 10 == 9) {
                invoice.put("total", null);
            }
            invoices.add(invoice);
        }
        invoices.add(new Document("customer", "eve").append("country", "FR")); // no total at all
        rawDatabase().getCollection("invoices").insertMany(invoices);
    }

    @Test
    void groupedAggregatesGiveWhatAJavaComputationOfTheRawDocumentsGives() {
        insertInvoices();
        Map<String, BigDecimal> sums = new TreeMap<>();
        Map<String, Integer> counts = new TreeMap<>();
        for (Document invoice : rawDatabase().getCollection("invoices").find()) {
            String customer = invoice.getString("customer");
            counts.merge(customer, 1, Integer::sum);
            if (invoice.get("total") != null) {
                sums.merge(customer, ((org.bson.types.Decimal128) invoice.get("total")).bigDecimalValue(), BigDecimal::add);
            }
        }
        Expression.Aggregate total = Expression.aggregate(AggregateFunction.SUM, Expression.column("total"));
        Query grouped = Query.from("invoices").withSelections(List.of(Selection.of(Expression.column("customer")),
                        new Selection(Expression.countAll(), "invoices"), new Selection(total, "total")))
                .withGroupBy(List.of(Expression.column("customer")))
                .withOrders(List.of(Order.of("customer", "asc")));
        Rows rows = connection.select(grouped).drain();
        assertEquals(List.of("customer", "invoices", "total"), rows.columns());
        assertEquals(5, rows.size());
        for (Object[] row : rows.values()) {
            String customer = (String) row[0];
            assertEquals(counts.get(customer), ((Number) row[1]).intValue(), customer);
            if (sums.containsKey(customer)) {
                assertEquals(0, sums.get(customer).compareTo((BigDecimal) row[2]), customer);
            } else {
                assertNull(row[2], "sum over no value is null, as in SQL");
            }
        }

        Query top = grouped.withHaving(new Condition.Compare(total, Operator.GT, Expression.value(new BigDecimal("40"))))
                .withOrders(List.of(Order.of("total", "desc"))).withLimit(2);
        List<String> expected = sums.entrySet().stream().filter(e -> e.getValue().compareTo(new BigDecimal("40")) > 0)
                .sorted((a, b) -> b.getValue().compareTo(a.getValue())).limit(2).map(Map.Entry::getKey).toList();
        List<Object> got = new ArrayList<>();
        connection.select(top).drain().values().forEach(row -> got.add(row[0]));
        assertEquals(expected, got);

        Rows overall = connection.select(Query.from("invoices").selecting(Expression.countAll(),
                new Expression.Aggregate(AggregateFunction.COUNT, Expression.column("total"), false),
                new Expression.Aggregate(AggregateFunction.COUNT, Expression.column("customer"), true),
                Expression.aggregate(AggregateFunction.MAX, Expression.column("total")),
                Expression.aggregate(AggregateFunction.AVG, Expression.column("total")))).drain();
        Object[] row = overall.values().get(0);
        assertEquals(41, ((Number) row[0]).intValue());
        assertEquals(36, ((Number) row[1]).intValue(), "count(total) skips null and missing");
        assertEquals(5, ((Number) row[2]).intValue());
        assertEquals(0, new BigDecimal("9.50").compareTo((BigDecimal) row[3]), "39 * 0.25 is null");
        BigDecimal all = sums.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        // MongoDB averages decimals as Decimal128; the in-process server as a double: compare at 6 places.
        assertEquals(0, all.divide(BigDecimal.valueOf(36), 6, java.math.RoundingMode.HALF_UP)
                .compareTo(new BigDecimal(row[4].toString()).setScale(6, java.math.RoundingMode.HALF_UP)));

        Rows none = connection.select(Query.from("invoices").where(where("country", Operator.EQ, "XX"))
                .selecting(Expression.countAll(), Expression.aggregate(AggregateFunction.SUM, Expression.column("total")))).drain();
        assertEquals(1, none.size(), "an aggregate over no rows still answers one row");
        assertEquals(Arrays.asList(0L, null), Arrays.asList(none.values().get(0)));
    }

    @Test
    void distinctAliasesRandomOrderAndASubqueryInFromRunOnTheServer() {
        insertInvoices();
        Rows countries = connection.select(Query.from("invoices").selecting(Expression.column("country")).withDistinct(true)
                .withOrders(List.of(Order.of("country", "asc")))).drain();
        assertEquals(2, countries.size());
        assertEquals("DE", countries.values().get(0)[0]);

        Rows aliased = connection.select(Query.from("invoices").where(where("customer", Operator.EQ, "eve"))
                .withSelections(List.of(new Selection(Expression.column("customer"), "who"),
                        new Selection(Expression.value("literal $x"), "tag")))).drain();
        assertEquals(List.of("who", "tag"), aliased.columns());
        assertArrayEquals(new Object[]{"eve", "literal $x"}, aliased.values().get(0));

        Rows shuffled = connection.select(Query.from("invoices").selecting(Expression.column("customer"))
                .withOrders(List.of(Order.random()))).drain();
        assertEquals(41, shuffled.size(), "random order returns every row once");
        Rows sample = connection.select(Query.from("invoices").withOrders(List.of(Order.random())).withLimit(3)).drain();
        assertEquals(3, sample.size());
        assertFalse(sample.columns().stream().anyMatch(c -> c.startsWith("__order")), "the sort key is removed");

        Query distinctCustomers = Query.from("invoices").selecting(Expression.column("customer")).withDistinct(true);
        Rows counted = connection.select(Query.from(TableRef.sub(distinctCustomers, "c")).selecting(Expression.countAll())).drain();
        assertEquals(5, ((Number) counted.values().get(0)[0]).intValue());
    }

    @Test
    void upsertInsertsNumbersAndUpdatesOnlyTheNamedColumns() {
        createItems();
        connection.write(new Write.Insert("items", List.of("name", "n"), List.of(List.of("a", 1)), "id"));
        WriteResult result = connection.write(new Write.Upsert(new Write.Insert("items", List.of("name", "n"),
                List.of(List.of("a", 10), List.of("b", 20)), null), List.of("name"), List.of("n")));
        assertEquals(2, result.affected());
        Document a = rawItems().find(new Document("name", "a")).first();
        Document b = rawItems().find(new Document("name", "b")).first();
        assertEquals(10, a.get("n"));
        assertEquals(1L, ((Number) a.get("id")).longValue(), "an updated row keeps its key");
        assertEquals(20, b.get("n"));
        assertTrue(((Number) b.get("id")).longValue() > 1, "an inserted row is numbered like any insert");
        connection.write(new Write.Upsert(new Write.Insert("items", List.of("name", "n"), List.of(List.of("b", 30)), null),
                List.of("name"), List.of()));
        assertEquals(20, rawItems().find(new Document("name", "b")).first().get("n"), "no update columns: the row is kept");
        assertEquals(2, rawItems().countDocuments());
    }
}
