package dev.eloquent.driver.mongo;

import dev.eloquent.api.AggregateFunction;
import dev.eloquent.api.ArithmeticOperator;
import dev.eloquent.api.Condition;
import dev.eloquent.api.EloquentException;
import dev.eloquent.api.Expression;
import dev.eloquent.api.Operator;
import dev.eloquent.api.Order;
import dev.eloquent.api.Query;
import dev.eloquent.api.Selection;
import dev.eloquent.api.TableRef;
import dev.eloquent.api.UnsupportedFeatureException;
import dev.eloquent.api.Write;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Compile-only golden tests: the MongoDB filter, pipeline and write documents each node compiles to,
 * and their value-free shapes. No server; they run in milliseconds.
 */
class MongoCompilerGoldenTest {
    private static final Scope ITEMS = Scope.of(TableRef.parse("items as i"));

    private static Expression.Column col(String path) {
        return Expression.column(path);
    }

    private static Expression.Value val(Object value) {
        return Expression.value(value);
    }

    private static Condition cmp(String column, Operator operator, Object value) {
        return new Condition.Compare(col(column), operator, val(value));
    }

    /** The filter as sent, in MongoDB's relaxed JSON. */
    private static String filter(Condition condition) {
        return Param.unwrap(MongoFilters.filter(condition, ITEMS)).toJson();
    }

    private static String shape(Condition condition) {
        return Param.shape(MongoFilters.filter(condition, ITEMS));
    }

    /** Refused as a capability this driver does not claim: the ORM's own type and wording. */
    private static void unsupported(Runnable compile) {
        UnsupportedFeatureException refused = assertThrows(UnsupportedFeatureException.class, compile::run);
        assertTrue(refused.getMessage().contains("is not supported on mongo"), refused.getMessage());
    }

    private static void refused(String fragment, Runnable compile) {
        EloquentException refused = assertThrows(EloquentException.class, compile::run);
        assertTrue(refused.getMessage().contains(fragment), refused.getMessage());
    }

    // ---- filters ----

    @Test
    void everyComparisonOperatorIsAnExplicitOperatorOverItsValue() {
        assertEquals("{\"name\": \"Ann\"}", filter(cmp("name", Operator.EQ, "Ann")),
                "= with a scalar is the plain form, which MongoDB defines as $eq (and the in-process server indexes)");
        assertEquals("{\"n\": {\"$lt\": 5}}", filter(cmp("n", Operator.LT, 5)));
        assertEquals("{\"n\": {\"$lte\": 5}}", filter(cmp("n", Operator.LE, 5)));
        assertEquals("{\"n\": {\"$gt\": 5}}", filter(cmp("n", Operator.GT, 5)));
        assertEquals("{\"n\": {\"$gte\": 5}}", filter(cmp("n", Operator.GE, 5)));
        assertEquals("{\"$and\": [{\"n\": {\"$ne\": 5}}, {\"n\": {\"$ne\": null}}]}", filter(cmp("n", Operator.NE, 5)),
                "!= never matches null or a missing field, as in SQL");
        assertEquals("{\"name\": {\"$regex\": \"^A\\\\.b.*$\", \"$options\": \"is\"}}", filter(cmp("name", Operator.LIKE, "A.b%")),
                "like is an anchored, case-insensitive regex with the rest quoted");
        assertEquals("{\"$and\": [{\"name\": {\"$not\": {\"$regularExpression\": {\"pattern\": \"^a.$\", \"options\": \"is\"}}}},"
                + " {\"name\": {\"$ne\": null}}]}", filter(cmp("name", Operator.NOT_LIKE, "a_")));
        assertEquals("{\"name\": \"?\"}", shape(cmp("name", Operator.EQ, "Ann")), "the shape never shows the value");
        assertEquals("{\"name\": {\"$regex\": \"^Ap.*$\", \"$options\": \"s\"}}",
                filter(cmp("name", Operator.LIKE_CASE_SENSITIVE, "Ap%")), "case-sensitive like: no i flag");
        assertEquals("{\"$and\": [{\"name\": {\"$not\": {\"$regularExpression\": {\"pattern\": \"^Ap.*$\", \"options\": \"s\"}}}},"
                + " {\"name\": {\"$ne\": null}}]}", filter(cmp("name", Operator.NOT_LIKE_CASE_SENSITIVE, "Ap%")));
    }

    @Test
    void aMapValueIsDataUnderEqNeverAnOperator() {
        assertEquals("{\"name\": {\"$eq\": {\"$gt\": \"\"}}}", filter(cmp("name", Operator.EQ, Map.of("$gt", ""))));
        assertEquals("{\"name\": {\"$eq\": \"?\"}}", shape(cmp("name", Operator.EQ, Map.of("$gt", ""))));
        assertEquals("{\"tags\": {\"$eq\": [{\"$gt\": \"\"}]}}", filter(cmp("tags", Operator.EQ, List.of(Map.of("$gt", "")))),
                "an array stays under $eq too");
        assertEquals("{\"name\": {\"$in\": [{\"$where\": \"1\"}]}}",
                filter(new Condition.In(col("name"), List.of(Map.of("$where", "1")), false)));
    }

    @Test
    void aValueOnTheLeftIsFlippedAndQualifiersNameTheCollectionRead() {
        assertEquals("{\"n\": {\"$gt\": 5}}", filter(new Condition.Compare(val(5), Operator.LT, col("n"))));
        assertEquals("{\"n\": 1}", filter(cmp("items.n", Operator.EQ, 1)), "the table's name");
        assertEquals("{\"n\": 1}", filter(cmp("i.n", Operator.EQ, 1)), "its alias");
        refused("qualified with 'other'", () -> filter(cmp("other.n", Operator.EQ, 1)));
        refused("null compares with nothing", () -> filter(cmp("n", Operator.EQ, null)));
        refused("needs a text pattern", () -> filter(cmp("n", Operator.LIKE, 5)));
    }

    @Test
    void columnToColumnAndArithmeticCompileToExprWithEveryFieldNonNull() {
        assertEquals("{\"$and\": [{\"a\": {\"$ne\": null}}, {\"b\": {\"$ne\": null}}, {\"$expr\": {\"$gt\": [\"$a\", \"$b\"]}}]}",
                filter(new Condition.Compare(col("a"), Operator.GT, col("i.b"))));
        Expression total = new Expression.Arithmetic(col("price"), ArithmeticOperator.MULTIPLY, col("qty"));
        assertEquals("{\"$and\": [{\"price\": {\"$ne\": null}}, {\"qty\": {\"$ne\": null}}, {\"$expr\": {\"$gte\":"
                        + " [{\"$multiply\": [\"$price\", \"$qty\"]}, {\"$literal\": \"$price\"}]}}]}",
                filter(new Condition.Compare(total, Operator.GE, val("$price"))),
                "a value in $expr is a $literal: a string that looks like a field path stays data");
        assertEquals("{\"$and\": [{\"price\": {\"$ne\": null}}, {\"qty\": {\"$ne\": null}}, {\"$expr\": {\"$gte\":"
                + " [{\"$multiply\": [\"$price\", \"$qty\"]}, {\"$literal\": \"?\"}]}}]}",
                shape(new Condition.Compare(total, Operator.GE, val("$price"))));
        refused("like on mongo compares a column with a text pattern",
                () -> filter(new Condition.Compare(col("a"), Operator.LIKE, col("b"))));
    }

    @Test
    void inNullAndBetweenKeepSqlsMeaning() {
        assertEquals("{\"n\": {\"$in\": [1, 2]}}", filter(new Condition.In(col("n"), List.of(1, 2), false)));
        assertEquals("{\"$and\": [{\"n\": {\"$nin\": [1, 2]}}, {\"n\": {\"$ne\": null}}]}",
                filter(new Condition.In(col("n"), List.of(1, 2), true)));
        assertEquals("{\"_id\": {\"$in\": []}}", filter(new Condition.In(col("n"), List.of(), false)), "empty in: nothing");
        assertEquals("{}", filter(new Condition.In(col("n"), List.of(), true)), "empty not in: everything");
        assertEquals("{\"n\": {\"$in\": [1]}}", filter(new Condition.In(col("n"), Arrays.asList(1, null), false)),
                "a null in the list matches nothing");
        assertEquals("{\"_id\": {\"$in\": []}}", filter(new Condition.In(col("n"), Arrays.asList(1, null), true)),
                "x not in (.., null) is never true");
        assertEquals("{\"n\": {\"$eq\": null}}", filter(new Condition.Null(col("n"), false)));
        assertEquals("{\"n\": {\"$ne\": null}}", filter(new Condition.Null(col("n"), true)));
        assertEquals("{\"n\": {\"$gte\": 1, \"$lte\": 9}}", filter(new Condition.Between(col("n"), val(1), val(9), false)));
        assertEquals("{\"$or\": [{\"n\": {\"$lt\": 1}}, {\"n\": {\"$gt\": 9}}]}",
                filter(new Condition.Between(col("n"), val(1), val(9), true)));
        assertEquals("{\"$and\": [{\"n\": {\"$ne\": null}}, {\"lo\": {\"$ne\": null}}, {\"$expr\": {\"$and\": [{\"$gte\": [\"$n\", \"$lo\"]},"
                        + " {\"$lte\": [\"$n\", {\"$literal\": 9}]}]}}]}",
                filter(new Condition.Between(col("n"), col("lo"), val(9), false)));
        refused("between null", () -> filter(new Condition.Between(col("n"), val(null), val(9), false)));
    }

    @Test
    void andOrAndTheirEmptyFormsAreTranslatedOneToOne() {
        assertEquals("{}", filter(Condition.TRUE));
        assertEquals("{\"_id\": {\"$in\": []}}", filter(new Condition.Or(List.of())), "an empty or matches nothing");
        Condition nested = new Condition.And(List.of(cmp("a", Operator.EQ, 1),
                new Condition.Or(List.of(cmp("b", Operator.EQ, 2), cmp("c", Operator.EQ, 3)))));
        assertEquals("{\"$and\": [{\"a\": 1}, {\"$or\": [{\"b\": 2}, {\"c\": 3}]}]}", filter(nested));
        assertEquals("{\"$or\": [{\"$and\": [{\"a\": {\"$ne\": 1}}, {\"a\": {\"$ne\": null}}]}, {\"$and\": [{\"b\": {\"$ne\": 2}},"
                + " {\"b\": {\"$ne\": null}}]}, {\"$and\": [{\"c\": {\"$ne\": 3}}, {\"c\": {\"$ne\": null}}]}]}",
                filter(new Condition.And(List.of(cmp("a", Operator.EQ, 1), cmp("b", Operator.EQ, 2), cmp("c", Operator.EQ, 3))).negate()),
                "whereNot pushes negation to the leaves, each keeping SQL's null rule");
    }

    @Test
    void idValuesAreObjectIds() {
        String hex = "65a1b2c3d4e5f60718293a4b";
        assertEquals("{\"_id\": {\"$oid\": \"" + hex + "\"}}", filter(cmp("_id", Operator.EQ, hex)));
        refused("_id must be the 24-character hex string", () -> filter(cmp("_id", Operator.EQ, "42")));
    }

    @Test
    void datesAreBsonDatesTruncatedToMilliseconds() {
        assertEquals("{\"at\": {\"$gte\": {\"$date\": \"2024-02-29T23:59:58.123Z\"}}}",
                filter(cmp("at", Operator.GE, java.time.LocalDateTime.of(2024, 2, 29, 23, 59, 58, 123_999_999))));
        assertEquals("{\"d\": {\"$date\": \"1999-12-31T00:00:00Z\"}}",
                filter(cmp("d", Operator.EQ, java.time.LocalDate.of(1999, 12, 31))));
        assertEquals("{\"t\": {\"$lt\": {\"$date\": \"2024-03-30T21:00:00.123Z\"}}}",
                filter(cmp("t", Operator.LT, java.time.OffsetDateTime.parse("2024-03-31T02:30:00.123456+05:30"))));
    }

    // ---- reads ----

    private static MongoRead read(Query query) {
        return MongoReads.compile(query);
    }

    @Test
    void aPlainReadIsAFindWithFilterProjectionSortSkipAndLimit() {
        Query query = Query.from("items").whereEquals("name", "Ann").selecting(col("name"), col("n"))
                .withOrders(List.of(Order.of("n", "desc"), Order.of("name", "asc"))).withLimit(10).withOffset(20);
        MongoRead.Find find = assertInstanceOf(MongoRead.Find.class, read(query));
        assertEquals("find items {\"name\": \"?\"} projection {\"name\": 1, \"n\": 1, \"_id\": 0}"
                + " sort {\"n\": -1, \"name\": 1} skip 20 limit 10", find.shape());
        assertEquals(List.of("Ann"), find.bindings());
        assertEquals(List.of("name", "n"), find.columns());
        MongoRead.Find all = assertInstanceOf(MongoRead.Find.class, read(Query.from("items")));
        assertEquals("find items {}", all.shape());
        assertNull(all.columns(), "without a projection the documents name the columns");
    }

    @Test
    void aggregatesCompileToAGroupWithSqlsNullRules() {
        Query query = Query.from("items").selecting(Expression.countAll(), new Expression.Aggregate(AggregateFunction.COUNT, col("n"), false),
                Expression.aggregate(AggregateFunction.SUM, col("n")), Expression.aggregate(AggregateFunction.AVG, col("n")),
                Expression.aggregate(AggregateFunction.MIN, col("n")), Expression.aggregate(AggregateFunction.MAX, col("n")),
                new Expression.Aggregate(AggregateFunction.COUNT, col("n"), true));
        MongoRead.Aggregate read = assertInstanceOf(MongoRead.Aggregate.class, read(query));
        String ifNull = "{\"$ifNull\": [\"$n\", null]}";
        String present = "{\"$cond\": [{\"$eq\": [" + ifNull + ", null]}, 0, 1]}";
        assertEquals("aggregate items [{\"$group\": {\"_id\": null, \"a0\": {\"$sum\": 1}, \"a1\": {\"$sum\": " + present + "},"
                + " \"a2\": {\"$sum\": " + ifNull + "}, \"a2n\": {\"$sum\": " + present + "}, \"a3\": {\"$avg\": " + ifNull + "},"
                + " \"a4\": {\"$min\": " + ifNull + "}, \"a5\": {\"$max\": " + ifNull + "}, \"a6\": {\"$addToSet\": " + ifNull + "}}},"
                + " {\"$project\": {\"_id\": 0, \"a0\": \"$a0\", \"a1\": \"$a1\", \"a2\": {\"$cond\": [{\"$eq\": [\"$a2n\", 0]}, null, \"$a2\"]},"
                + " \"a3\": \"$a3\", \"a4\": \"$a4\", \"a5\": \"$a5\", \"a6\": {\"$size\": {\"$setDifference\": [\"$a6\", [null]]}}}},"
                + " {\"$project\": {\"c0\": \"$a0\", \"c1\": \"$a1\", \"c2\": \"$a2\", \"c3\": \"$a3\", \"c4\": \"$a4\", \"c5\": \"$a5\","
                + " \"c6\": \"$a6\", \"_id\": 0}}]", read.shape());
        assertEquals(List.of("count(*)", "count(n)", "sum(n)", "avg(n)", "min(n)", "max(n)", "count(distinct n)"), read.columns());
        assertEquals(Arrays.asList(0L, 0L, null, null, null, null, 0L), Arrays.asList(read.emptyRow()),
                "over no documents: count 0, the others null, as SQL answers");
    }

    @Test
    void groupByHavingOrderAndPagingCompileInSqlsOrder() {
        Expression.Aggregate total = Expression.aggregate(AggregateFunction.SUM, col("price"));
        Query query = Query.from(TableRef.parse("invoices as v")).whereEquals("country", "DE")
                .withSelections(List.of(Selection.of(col("v.customer_id")), new Selection(total, "total")))
                .withGroupBy(List.of(col("customer_id")))
                .withHaving(new Condition.Compare(total, Operator.GT, val(10)))
                .withOrders(List.of(Order.of("total", "desc"))).withLimit(5).withOffset(1);
        MongoRead.Aggregate read = assertInstanceOf(MongoRead.Aggregate.class, read(query));
        String ifNull = "{\"$ifNull\": [\"$price\", null]}";
        assertEquals("aggregate invoices [{\"$match\": {\"country\": \"?\"}},"
                + " {\"$group\": {\"_id\": {\"k0\": {\"$ifNull\": [\"$customer_id\", null]}}, \"a0\": {\"$sum\": " + ifNull + "},"
                + " \"a0n\": {\"$sum\": {\"$cond\": [{\"$eq\": [" + ifNull + ", null]}, 0, 1]}}}},"
                + " {\"$project\": {\"_id\": 0, \"k0\": \"$_id.k0\", \"a0\": {\"$cond\": [{\"$eq\": [\"$a0n\", 0]}, null, \"$a0\"]}}},"
                + " {\"$match\": {\"a0\": {\"$gt\": \"?\"}}}, {\"$sort\": {\"a0\": -1}}, {\"$skip\": 1}, {\"$limit\": 5},"
                + " {\"$project\": {\"customer_id\": \"$k0\", \"total\": \"$a0\", \"_id\": 0}}]", read.shape());
        assertEquals(List.of("DE", 10), read.bindings());
        assertEquals(List.of("customer_id", "total"), read.columns());
        assertNull(read.emptyRow(), "a grouped read over no documents has no rows");
        refused("is not available after grouping", () -> read(query.withSelections(List.of(Selection.of(col("name"))))));
        refused("aggregate sum(price) cannot be used here", () -> read(Query.from("invoices")
                .where(new Condition.Compare(total, Operator.GT, val(1)))));
    }

    @Test
    void distinctAliasesRandomOrderAndSubqueriesInFromArePipelines() {
        MongoRead.Aggregate distinct = assertInstanceOf(MongoRead.Aggregate.class,
                read(Query.from("items").selecting(col("kind")).withDistinct(true).withOrders(List.of(Order.of("kind", "asc")))));
        assertEquals("aggregate items [{\"$group\": {\"_id\": {\"k0\": {\"$ifNull\": [\"$kind\", null]}}}},"
                + " {\"$project\": {\"_id\": 0, \"k0\": \"$_id.k0\"}}, {\"$sort\": {\"k0\": 1}},"
                + " {\"$project\": {\"kind\": \"$k0\", \"_id\": 0}}]", distinct.shape());

        MongoRead.Aggregate aliased = assertInstanceOf(MongoRead.Aggregate.class, read(Query.from("items")
                .withSelections(List.of(new Selection(col("name"), "label"), new Selection(val(1), "one")))));
        assertEquals("aggregate items [{\"$project\": {\"label\": \"$name\", \"one\": {\"$literal\": \"?\"}, \"_id\": 0}}]", aliased.shape());
        assertEquals(List.of("label", "one"), aliased.columns());

        MongoRead.Aggregate random = assertInstanceOf(MongoRead.Aggregate.class,
                read(Query.from("items").withOrders(List.of(Order.random())).withLimit(3)));
        assertEquals("aggregate items [{\"$addFields\": {\"__order0\": {\"$rand\": {}}}}, {\"$sort\": {\"__order0\": 1}},"
                + " {\"$limit\": 3}, {\"$unset\": [\"__order0\"]}]", random.shape());

        Query inner = Query.from("items").selecting(col("kind")).withDistinct(true);
        MongoRead.Aggregate counted = assertInstanceOf(MongoRead.Aggregate.class,
                read(Query.from(TableRef.sub(inner, "kinds")).selecting(Expression.countAll())));
        assertEquals("aggregate items [{\"$group\": {\"_id\": {\"k0\": {\"$ifNull\": [\"$kind\", null]}}}},"
                + " {\"$project\": {\"_id\": 0, \"k0\": \"$_id.k0\"}}, {\"$project\": {\"kind\": \"$k0\", \"_id\": 0}},"
                + " {\"$group\": {\"_id\": null, \"a0\": {\"$sum\": 1}}}, {\"$project\": {\"_id\": 0, \"a0\": \"$a0\"}},"
                + " {\"$project\": {\"c0\": \"$a0\", \"_id\": 0}}]", counted.shape());
    }

    // ---- writes ----

    @Test
    void insertsAreOneDocumentPerRowWithValuesAsData() {
        Write.Insert insert = new Write.Insert("items", List.of("name", "meta"),
                List.of(List.of("a", Map.of("$set", 1)), Arrays.asList("b", null)), null);
        List<Document> documents = MongoWrites.documents(insert);
        assertEquals("{\"name\": \"a\", \"meta\": {\"$set\": 1}}", Param.unwrap(documents.get(0)).toJson());
        assertEquals("{\"name\": \"b\", \"meta\": null}", Param.unwrap(documents.get(1)).toJson());
        assertEquals("{\"name\": \"?\", \"meta\": \"?\"}", Param.shape(documents.get(0)));
    }

    @Test
    void updatesSetValuesAndIncrementAtomically() {
        Query target = Query.from("items").whereEquals("name", "a");
        Write.Update update = new Write.Update(target, List.of(new Write.Assignment("label", val("x")),
                new Write.Assignment("hits", new Expression.Arithmetic(col("hits"), ArithmeticOperator.ADD, val(2))),
                new Write.Assignment("stock", new Expression.Arithmetic(col("items.stock"), ArithmeticOperator.SUBTRACT,
                        val(new java.math.BigDecimal("1.5"))))));
        assertEquals("{\"$set\": {\"label\": \"x\"}, \"$inc\": {\"hits\": 2, \"stock\": {\"$numberDecimal\": \"-1.5\"}}}",
                Param.unwrap(MongoWrites.changes(update)).toJson());
        assertEquals("{\"$set\": {\"label\": \"?\"}, \"$inc\": {\"hits\": \"?\", \"stock\": \"?\"}}", Param.shape(MongoWrites.changes(update)));
        refused("not to (hits * ?)", () -> MongoWrites.changes(new Write.Update(target, List.of(new Write.Assignment("hits",
                new Expression.Arithmetic(col("hits"), ArithmeticOperator.MULTIPLY, val(2)))))));
        refused("not to (other + ?)", () -> MongoWrites.changes(new Write.Update(target, List.of(new Write.Assignment("hits",
                new Expression.Arithmetic(col("other"), ArithmeticOperator.ADD, val(2)))))));
        refused("update() acts on every matching row; remove limit/offset", () -> MongoWrites.filter(target.withLimit(1), "update"));
        refused("delete() acts on every matching row; remove limit/offset", () -> MongoWrites.filter(target.withOffset(1), "delete"));
        refused("remove orderBy", () -> MongoWrites.filter(target.withOrders(List.of(Order.of("name", "asc"))), "update"));
        assertEquals("{\"name\": \"a\"}", Param.unwrap(MongoWrites.filter(target, "delete")).toJson());
    }

    @Test
    void upsertsMatchOnUniqueBySetTheUpdateColumnsAndSetTheRestOnInsert() {
        Write.Upsert upsert = new Write.Upsert(new Write.Insert("events", List.of("code", "hits", "label"),
                List.of(List.of("a", 5, "x")), null), List.of("code"), List.of("hits"));
        var model = MongoWrites.upserts(upsert, List.of(7L), "id", Map.of("hits", 0, "kind", "plain")).get(0);
        assertEquals("{\"code\": {\"$eq\": \"a\"}}", Param.unwrap((Document) model.getFilter()).toJson());
        assertEquals("{\"$set\": {\"hits\": 5}, \"$setOnInsert\": {\"code\": \"a\", \"label\": \"x\", \"kind\": \"plain\", \"id\": 7}}",
                Param.unwrap((Document) model.getUpdate()).toJson());
        assertTrue(model.getOptions().isUpsert());
        refused("needs a value for unique column 'code'", () -> MongoWrites.upserts(new Write.Upsert(new Write.Insert("events",
                List.of("code"), List.of(Arrays.asList((Object) null)), null), List.of("code"), List.of()), List.of(), null, Map.of()));
    }

    // ---- every node ----

    /** One instance of every expression type; the ones mongo does not claim are refused by the compiler. */
    @Test
    void everyClaimedNodeCompilesAndEveryUnclaimedNodeIsRefused() {
        Query sub = Query.from("other").selecting(col("id"));
        Map<Class<?>, Expression> expressions = Map.of(
                Expression.Column.class, col("n"),
                Expression.Value.class, val(1),
                Expression.Aggregate.class, Expression.aggregate(AggregateFunction.MAX, col("n")),
                Expression.Arithmetic.class, new Expression.Arithmetic(col("n"), ArithmeticOperator.ADD, val(1)),
                Expression.Random.class, new Expression.Random(),
                Expression.Subquery.class, new Expression.Subquery(sub),
                Expression.Raw.class, new Expression.Raw("n + 1", List.of()));
        assertEquals(Arrays.stream(Expression.class.getPermittedSubclasses()).collect(java.util.stream.Collectors.toSet()),
                expressions.keySet(), "the test names every expression type");
        List<Class<?>> unclaimed = List.of(Expression.Subquery.class, Expression.Raw.class);
        expressions.forEach((type, expression) -> {
            Query selecting = Query.from("items").withSelections(List.of(new Selection(expression, "x")));
            if (unclaimed.contains(type)) {
                unsupported(() -> read(selecting));
                unsupported(() -> read(Query.from("items").withOrders(List.of(new Order(expression, false)))));
            } else {
                assertInstanceOf(MongoRead.Aggregate.class, read(selecting), type.getSimpleName());
                read(selecting.withOrders(List.of(new Order(expression, false))));
            }
        });

        Map<Class<?>, Condition> conditions = Map.of(
                Condition.And.class, new Condition.And(List.of(cmp("n", Operator.EQ, 1))),
                Condition.Or.class, new Condition.Or(List.of(cmp("n", Operator.EQ, 1), cmp("n", Operator.EQ, 2))),
                Condition.Compare.class, cmp("n", Operator.EQ, 1),
                Condition.In.class, new Condition.In(col("n"), List.of(1), false),
                Condition.InSubquery.class, new Condition.InSubquery(col("n"), sub, false),
                Condition.Null.class, new Condition.Null(col("n"), false),
                Condition.Between.class, new Condition.Between(col("n"), val(1), val(2), false),
                Condition.Exists.class, new Condition.Exists(sub, false),
                Condition.Raw.class, new Condition.Raw("n = ?", List.of(1), false));
        assertEquals(Arrays.stream(Condition.class.getPermittedSubclasses()).collect(java.util.stream.Collectors.toSet()),
                conditions.keySet(), "the test names every condition type");
        List<Class<?>> unclaimedConditions = List.of(Condition.InSubquery.class, Condition.Exists.class, Condition.Raw.class);
        conditions.forEach((type, condition) -> {
            if (unclaimedConditions.contains(type)) {
                UnsupportedFeatureException refused = assertThrows(UnsupportedFeatureException.class, () -> filter(condition));
                assertEquals(type == Condition.Raw.class ? "raw SQL is not supported on mongo" : "subqueries is not supported on mongo",
                        refused.getMessage());
                refused("not supported on mongo", () -> read(Query.from("items").where(condition)));
            } else {
                filter(condition);
                filter(condition.negate());
                read(Query.from("items").where(condition));
            }
        });

        Query joined = Query.from("items").withJoins(List.of(new dev.eloquent.api.Join(dev.eloquent.api.Join.Kind.CROSS,
                TableRef.table("other"), null)));
        unsupported(() -> read(joined));
        refused("joins is not supported on mongo", () -> read(joined));
        refused("joins is not supported on mongo", () -> read(joined.selecting(Expression.countAll())));
        refused("row locks is not supported on mongo", () -> read(Query.from("items").withLock(dev.eloquent.api.Lock.UPDATE)));
        refused("row locks is not supported on mongo", () -> MongoWrites.filter(Query.from("items").withLock(dev.eloquent.api.Lock.SHARED), "update"));
        MongoRead fromSubquery = read(Query.from(TableRef.sub(Query.from("items"), "s")));
        assertInstanceOf(MongoRead.Aggregate.class, fromSubquery, "a subquery in FROM is a pipeline");
    }

    @Test
    void aBadIdOrAnOversizedDecimalIsRefusedWithoutShowingTheValue() {
        EloquentException badId = assertThrows(EloquentException.class,
                () -> MongoValues.operand(MongoValues.ID, "secret-not-an-object-id"));
        assertTrue(badId.getMessage().contains("_id must be the 24-character hex string"), badId.getMessage());
        assertFalse(badId.getMessage().contains("secret"), badId.getMessage());

        String digits = "7".repeat(40);
        EloquentException tooLong = assertThrows(EloquentException.class,
                () -> MongoValues.toBson("price", new java.math.BigDecimal(digits)));
        assertTrue(tooLong.getMessage().contains("does not fit MongoDB's Decimal128"), tooLong.getMessage());
        assertFalse(tooLong.getMessage().contains("7777"), tooLong.getMessage());
    }
}
