package dev.eloquent.driver.mongo;

import dev.eloquent.api.AggregateFunction;
import dev.eloquent.api.Condition;
import dev.eloquent.api.Capability;
import dev.eloquent.api.EloquentException;
import dev.eloquent.api.Expression;
import dev.eloquent.api.Lock;
import dev.eloquent.api.Order;
import dev.eloquent.api.Query;
import dev.eloquent.api.Selection;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compiles a {@link Query} to a {@link MongoRead}. A read of columns of one collection with conditions,
 * column order and paging stays a {@code find}; one with aggregates, groupBy, having, distinct, aliases
 * or computed selections, an order by anything but a column (random order included) or a subquery in
 * FROM becomes an aggregation pipeline: {@code $match} (where), {@code $group} and a flattening
 * {@code $project}, {@code $match} (having), {@code $addFields} (computed sort keys), {@code $sort},
 * {@code $skip}, {@code $limit}, and a final {@code $project} naming each selection. Joins, row locks,
 * subqueries elsewhere and raw SQL are refused: the driver does not claim them.
 */
final class MongoReads {
    /** Prefix of the sort keys a pipeline computes (random order, arithmetic): removed before the result. */
    private static final String ORDER_KEY = "__order";

    private MongoReads() {
    }

    static MongoRead compile(Query query) {
        if (!needsPipeline(query)) {
            return find(query);
        }
        Stages stages = stages(query);
        return new MongoRead.Aggregate(stages.collection, stages.pipeline, stages.columns, stages.fields, stages.emptyRow);
    }

    private static void refuseUnclaimed(Query query) {
        if (!query.joins().isEmpty()) {
            throw MongoConnection.unclaimed(Capability.JOINS);
        }
        if (query.lock() != Lock.NONE) {
            throw MongoConnection.unclaimed(Capability.ROW_LOCKS);
        }
    }

    private static boolean needsPipeline(Query query) {
        if (query.from().subquery() != null || !query.groupBy().isEmpty() || !query.having().isTrue()) {
            return true;
        }
        if (query.distinct() && !selectsAll(query.selections())) {
            return true;
        }
        for (Selection selection : query.selections()) {
            if (!(selection.expression() instanceof Expression.Column column)
                    || (selection.alias() != null && !selection.alias().equals(column.name()))) {
                return true;
            }
        }
        return query.orders().stream().anyMatch(order -> !(order.expression() instanceof Expression.Column));
    }

    /** No selection, or only {@code *}: the documents as they are. */
    private static boolean selectsAll(List<Selection> selections) {
        return selections.isEmpty() || (selections.size() == 1 && isStar(selections.get(0)));
    }

    private static boolean isStar(Selection selection) {
        return selection.expression() instanceof Expression.Column column && column.name().equals("*");
    }

    private static MongoRead.Find find(Query query) {
        refuseUnclaimed(query);
        Scope scope = Scope.of(query.from());
        Document filter = MongoFilters.filter(query.where(), scope);
        Document projection = null;
        List<String> columns = null;
        if (query.selections().stream().anyMatch(MongoReads::isStar)) {
            query.selections().stream().filter(MongoReads::isStar)
                    .forEach(s -> scope.checkAll((Expression.Column) s.expression()));
        } else if (!query.selections().isEmpty()) {
            projection = new Document();
            columns = new ArrayList<>();
            for (Selection selection : query.selections()) {
                String field = scope.field((Expression.Column) selection.expression());
                projection.append(field, 1);
                columns.add(field);
            }
            if (!columns.contains(MongoValues.ID)) {
                projection.append(MongoValues.ID, 0);
            }
        }
        Document sort = new Document();
        for (Order order : query.orders()) {
            sort.putIfAbsent(scope.field((Expression.Column) order.expression()), order.descending() ? -1 : 1);
        }
        return new MongoRead.Find(query.table(), filter, projection, sort, query.offset(), query.limit(),
                columns, columns);
    }

    /** A pipeline in the making. */
    private static final class Stages {
        String collection;
        final List<Document> pipeline = new ArrayList<>();
        List<String> columns;
        List<String> fields;
        Object[] emptyRow;
    }

    private static Stages stages(Query query) {
        refuseUnclaimed(query);
        Stages stages;
        if (query.from().subquery() != null) {
            stages = stages(query.from().subquery()); // the outer read continues on the inner's result fields
            stages.columns = null;
            stages.fields = null;
            stages.emptyRow = null;
        } else {
            stages = new Stages();
            stages.collection = query.table();
        }
        List<Document> pipeline = stages.pipeline;
        Scope scope = Scope.of(query.from());
        if (!query.where().isTrue()) {
            pipeline.add(new Document("$match", MongoFilters.filter(query.where(), scope)));
        }
        List<Selection> selections = query.selections();
        boolean all = selectsAll(selections);
        List<Order> orders = resolveAliases(query.orders(), selections);
        Set<Expression.Aggregate> aggregates = new LinkedHashSet<>();
        selections.forEach(s -> collectAggregates(s.expression(), aggregates));
        collectAggregates(query.having(), aggregates);
        orders.forEach(o -> collectAggregates(o.expression(), aggregates));
        boolean grouped = !query.groupBy().isEmpty() || !query.having().isTrue() || !aggregates.isEmpty();
        List<String> precomputed = null; // distinct: each selection's field, already computed by the $group
        if (grouped) {
            if (all || selections.stream().anyMatch(MongoReads::isStar)) {
                throw new EloquentException("a grouped read of " + query.from() + " selects * ; select the"
                        + " grouped columns and aggregates instead");
            }
            scope = group(query, scope, aggregates, pipeline);
            if (!query.having().isTrue()) {
                pipeline.add(new Document("$match", MongoFilters.filter(query.having(), scope)));
            }
        } else if (query.distinct() && !all) {
            precomputed = new ArrayList<>();
            scope = distinct(selections, scope, pipeline, precomputed);
        }
        List<String> computedKeys = sort(orders, scope, pipeline);
        if (query.limit() != null && query.limit() == 0) {
            pipeline.add(new Document("$match", MongoFilters.matchNothing())); // $limit refuses 0
        } else {
            if (query.offset() != null && query.offset() > 0) {
                pipeline.add(new Document("$skip", query.offset()));
            }
            if (query.limit() != null) {
                pipeline.add(new Document("$limit", query.limit()));
            }
        }
        if (all) {
            unset(computedKeys, pipeline);
        } else if (selections.stream().anyMatch(MongoReads::isStar)) {
            addToDocuments(selections, scope, pipeline);
            unset(computedKeys, pipeline);
        } else {
            project(selections, scope, precomputed, stages, pipeline);
            if (grouped && query.groupBy().isEmpty() && query.having().isTrue()
                    && (query.offset() == null || query.offset() == 0) && !Integer.valueOf(0).equals(query.limit())) {
                stages.emptyRow = emptyRow(selections);
            }
        }
        return stages;
    }

    /** {@code orderBy("total")} where {@code total} aliases a selection sorts by that selection's expression. */
    private static List<Order> resolveAliases(List<Order> orders, List<Selection> selections) {
        List<Order> resolved = new ArrayList<>(orders.size());
        for (Order order : orders) {
            Expression expression = order.expression();
            if (expression instanceof Expression.Column column && column.qualifier() == null) {
                for (Selection selection : selections) {
                    if (column.name().equals(selection.alias())) {
                        expression = selection.expression();
                        break;
                    }
                }
            }
            resolved.add(new Order(expression, order.descending()));
        }
        return resolved;
    }

    private static void collectAggregates(Expression expression, Set<Expression.Aggregate> found) {
        if (expression instanceof Expression.Aggregate aggregate) {
            found.add(aggregate);
        } else if (expression instanceof Expression.Arithmetic arithmetic) {
            collectAggregates(arithmetic.left(), found);
            collectAggregates(arithmetic.right(), found);
        }
    }

    private static void collectAggregates(Condition condition, Set<Expression.Aggregate> found) {
        if (condition instanceof Condition.And and) {
            and.conditions().forEach(c -> collectAggregates(c, found));
        } else if (condition instanceof Condition.Or or) {
            or.conditions().forEach(c -> collectAggregates(c, found));
        } else if (condition instanceof Condition.Compare compare) {
            collectAggregates(compare.left(), found);
            collectAggregates(compare.right(), found);
        } else if (condition instanceof Condition.In in) {
            collectAggregates(in.left(), found);
        } else if (condition instanceof Condition.Null isNull) {
            collectAggregates(isNull.expression(), found);
        } else if (condition instanceof Condition.Between between) {
            collectAggregates(between.expression(), found);
            collectAggregates(between.low(), found);
            collectAggregates(between.high(), found);
        }
        // other nodes are refused when the condition is compiled
    }

    /**
     * {@code $group} by the groupBy columns (null and missing fields in one group, as SQL groups NULLs),
     * computing every aggregate, then a {@code $project} that lifts the keys out of {@code _id}, so
     * having, order and selection read plain fields: {@code k0..} for keys, {@code a0..} for aggregates.
     */
    private static Scope group(Query query, Scope scope, Set<Expression.Aggregate> aggregates, List<Document> pipeline) {
        Map<String, String> keys = new LinkedHashMap<>();
        Document id = new Document();
        for (Expression expression : query.groupBy()) {
            if (!(expression instanceof Expression.Column column)) {
                throw new EloquentException("mongo groups by columns, not by " + expression);
            }
            String field = scope.field(column);
            if (!keys.containsKey(column.name())) {
                String key = "k" + keys.size();
                keys.put(column.name(), key);
                id.append(key, ifNull("$" + field));
            }
        }
        Document group = new Document(MongoValues.ID, id.isEmpty() ? null : id);
        Document flatten = new Document(MongoValues.ID, 0);
        keys.values().forEach(key -> flatten.append(key, "$_id." + key));
        Map<Expression.Aggregate, String> names = new LinkedHashMap<>();
        for (Expression.Aggregate aggregate : aggregates) {
            String name = "a" + names.size();
            names.put(aggregate, name);
            accumulate(aggregate, name, scope, group, flatten);
        }
        pipeline.add(new Document("$group", group));
        pipeline.add(new Document("$project", flatten));
        return scope.grouped(keys, names);
    }

    /**
     * One aggregate as a {@code $group} accumulator and its final value in the flattening {@code $project},
     * with SQL's meaning: count(col) counts non-null values, sum of no non-null value is null, and the
     * distinct forms collect a set first.
     */
    private static void accumulate(Expression.Aggregate aggregate, String name, Scope scope, Document group, Document flatten) {
        String context = aggregate.toString();
        if (aggregate.argument() == null) {
            if (aggregate.distinct()) {
                throw new EloquentException("count(distinct *) is not an aggregate; name a column");
            }
            group.append(name, new Document("$sum", 1));
            flatten.append(name, "$" + name);
            return;
        }
        if (aggregate.argument() instanceof Expression.Column column && column.name().equals("*")) {
            throw new EloquentException(context + " needs a column, not *");
        }
        Object argument = ifNull(MongoExpressions.expression(aggregate.argument(), scope, context, new HashSet<>()));
        Document nonNull = new Document("$setDifference", List.of("$" + name, Arrays.asList((Object) null)));
        AggregateFunction function = aggregate.function();
        if (aggregate.distinct() && function != AggregateFunction.MIN && function != AggregateFunction.MAX) {
            group.append(name, new Document("$addToSet", argument));
            flatten.append(name, switch (function) {
                case COUNT -> new Document("$size", nonNull);
                case SUM -> nullWhenEmpty(new Document("$size", nonNull), new Document("$sum", nonNull));
                case AVG -> new Document("$avg", nonNull);
                default -> throw new IllegalStateException(function.name());
            });
            return;
        }
        switch (function) {
            case COUNT -> group.append(name, new Document("$sum", countIfPresent(argument)));
            case SUM -> {
                group.append(name, new Document("$sum", argument));
                group.append(name + "n", new Document("$sum", countIfPresent(argument)));
                flatten.append(name, nullWhenEmpty("$" + name + "n", "$" + name));
                return;
            }
            case AVG -> group.append(name, new Document("$avg", argument));
            case MIN -> group.append(name, new Document("$min", argument));
            case MAX -> group.append(name, new Document("$max", argument));
        }
        flatten.append(name, "$" + name);
    }

    /** The value, or null where the field is missing: MongoDB's expressions tell the two apart, SQL has only NULL. */
    private static Document ifNull(Object value) {
        return new Document("$ifNull", Arrays.asList(value, null));
    }

    private static Document countIfPresent(Object argument) {
        return new Document("$cond", List.of(new Document("$eq", Arrays.asList(argument, null)), 0, 1));
    }

    private static Document nullWhenEmpty(Object count, Object value) {
        return new Document("$cond", Arrays.asList(new Document("$eq", List.of(count, 0)), null, value));
    }

    /** {@code distinct}: the selections become the keys of a {@code $group}, null and missing in one. */
    private static Scope distinct(List<Selection> selections, Scope scope, List<Document> pipeline, List<String> fields) {
        Document id = new Document();
        Map<String, String> names = new LinkedHashMap<>();
        for (Selection selection : selections) {
            String key = "k" + id.size();
            id.append(key, ifNull(value(selection.expression(), scope)));
            fields.add(key);
            if (selection.resultName() != null) {
                names.putIfAbsent(selection.resultName(), key);
            }
            if (selection.expression() instanceof Expression.Column column) {
                names.putIfAbsent(column.name(), key);
            }
        }
        Document flatten = new Document(MongoValues.ID, 0);
        fields.forEach(key -> flatten.append(key, "$_id." + key));
        pipeline.add(new Document("$group", new Document(MongoValues.ID, id)));
        pipeline.add(new Document("$project", flatten));
        return scope.grouped(names, Map.of());
    }

    /** A selection's value as an aggregation expression in the given scope. */
    private static Object value(Expression expression, Scope scope) {
        if (expression instanceof Expression.Column column) {
            if (column.name().equals("*")) {
                throw new EloquentException("'" + column + "' cannot be combined with distinct or grouping on mongo");
            }
            return "$" + scope.field(column);
        }
        return MongoExpressions.expression(expression, scope, expression.toString(), new HashSet<>());
    }

    /** {@code $addFields} of computed sort keys, then {@code $sort}; returns the computed keys. */
    private static List<String> sort(List<Order> orders, Scope scope, List<Document> pipeline) {
        Document sort = new Document();
        Document computed = new Document();
        for (Order order : orders) {
            Expression expression = order.expression();
            String field;
            if (expression instanceof Expression.Column column) {
                field = scope.field(column);
            } else if (expression instanceof Expression.Aggregate aggregate) {
                field = scope.aggregate(aggregate);
            } else {
                field = ORDER_KEY + computed.size();
                computed.append(field, MongoExpressions.expression(expression, scope, "order by " + expression, new HashSet<>()));
            }
            sort.putIfAbsent(field, order.descending() ? -1 : 1);
        }
        if (!computed.isEmpty()) {
            pipeline.add(new Document("$addFields", computed));
        }
        if (!sort.isEmpty()) {
            pipeline.add(new Document("$sort", sort));
        }
        return new ArrayList<>(computed.keySet());
    }

    private static void unset(List<String> computedKeys, List<Document> pipeline) {
        if (!computedKeys.isEmpty()) {
            pipeline.add(new Document("$unset", computedKeys));
        }
    }

    /** {@code *} plus more: every field of the documents, and the other selections added under their names. */
    private static void addToDocuments(List<Selection> selections, Scope scope, List<Document> pipeline) {
        Document added = new Document();
        for (Selection selection : selections) {
            if (isStar(selection)) {
                scope.checkAll((Expression.Column) selection.expression());
                continue;
            }
            String name = selection.resultName();
            if (name == null) {
                throw new EloquentException("selection " + selection.expression() + " beside * needs an alias on mongo");
            }
            added.append(name, value(selection.expression(), scope));
        }
        if (!added.isEmpty()) {
            pipeline.add(new Document("$addFields", added));
        }
    }

    /**
     * The final {@code $project}: each selection under its result name (alias or column name) when that
     * name is free, else {@code c0..}; the result's columns are the result names, or the expression's
     * text ({@code count(*)}) for an unnamed one.
     */
    private static void project(List<Selection> selections, Scope scope, List<String> precomputed, Stages stages,
                                List<Document> pipeline) {
        Document project = new Document();
        List<String> columns = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < selections.size(); i++) {
            Selection selection = selections.get(i);
            String name = selection.resultName();
            String field = name;
            if (field == null || project.containsKey(field)) {
                field = "c" + i;
                while (project.containsKey(field)) {
                    field = field + "_";
                }
            }
            Object value = precomputed != null ? "$" + precomputed.get(i) : value(selection.expression(), scope);
            project.append(field, value);
            columns.add(name != null ? name : selection.expression().toString());
            fields.add(field);
        }
        if (!project.containsKey(MongoValues.ID)) {
            project.append(MongoValues.ID, 0);
        }
        pipeline.add(new Document("$project", project));
        stages.columns = columns;
        stages.fields = fields;
    }

    /** What SQL returns for an aggregate over no rows: count 0, the other aggregates null, values as given. */
    private static Object[] emptyRow(List<Selection> selections) {
        Object[] row = new Object[selections.size()];
        for (int i = 0; i < row.length; i++) {
            Expression expression = selections.get(i).expression();
            if (expression instanceof Expression.Aggregate aggregate && aggregate.function() == AggregateFunction.COUNT) {
                row[i] = 0L;
            } else if (expression instanceof Expression.Value value) {
                row[i] = value.value();
            }
        }
        return row;
    }
}
