package dev.eloquent.orm;

import dev.eloquent.api.Capability;
import dev.eloquent.api.Condition;
import dev.eloquent.api.EloquentException;
import dev.eloquent.api.Expression;
import dev.eloquent.api.Identifiers;
import dev.eloquent.api.Operator;

import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * {@code has}/{@code whereHas}/{@code doesntHave} and the {@code withCount} family, built from a relation's
 * two columns ({@link Relation}). On one SQL connection they are part of the outer statement: EXISTS, or a
 * correlated count or aggregate, so one round trip. Across connections, and on MongoDB, which has no
 * subqueries, the relation's query runs first and its values feed the outer one ({@code parent IN (...)}),
 * or, for aggregates, a grouped query runs after the read and its results are matched in memory.
 */
final class RelationConditions {
    private RelationConditions() {
    }

    static <Q extends AbstractModelQuery<Q, M>, M extends Model<M>> Q has(Q outer, boolean or, String path, String operator,
                                                                          int count, Consumer<AbstractModelQuery<?, ?>> constraint) {
        Operator op = Operator.parse(operator);
        int dot = path == null ? -1 : path.indexOf('.');
        if (dot > 0) {
            // albums.tracks: outer rows with an album that has the tracks asked for (or, for doesntHave, none that has any).
            boolean missing = Boolean.FALSE.equals(existence(op, count));
            String rest = path.substring(dot + 1);
            Consumer<AbstractModelQuery<?, ?>> inner = missing
                    ? query -> query.whereHas(rest, constraint, ">=", 1)
                    : query -> query.whereHas(rest, constraint, operator, count);
            return has(outer, or, path.substring(0, dot), missing ? "<" : ">=", 1, inner);
        }
        Relation<M, ?, ?, ?> relation = relation(outer, path);
        Boolean existence = existence(op, count);
        if (correlatable(outer, relation)) {
            correlate(outer, relation);
            if (constraint != null) {
                constraint.accept(relation);
            }
            if (existence != null) {
                return outer.addSubqueryCondition(or, relation, "whereHas", inner -> new Condition.Exists(inner, !existence));
            }
            relation.select("count(*)");
            return outer.addSubqueryCondition(or, relation, "has",
                    inner -> new Condition.Compare(new Expression.Subquery(inner), op, Expression.value(count)));
        }
        if (constraint != null) {
            constraint.accept(relation);
        }
        return separately(outer, or, relation, op, count, existence);
    }

    /**
     * {@code whereHasMorph}: rows whose morphTo parent is of one of the types and matches the constraint,
     * as {@code (type = alias AND id IN (keys of that type's matching rows)) OR ...}; each key list is a
     * subquery on one SQL connection, and runs first elsewhere (another connection, MongoDB).
     */
    static <Q extends AbstractModelQuery<Q, M>, M extends Model<M>> Q hasMorph(Q outer, boolean or, String name,
                                                                               List<Class<? extends Model<?>>> types,
                                                                               BiConsumer<AbstractModelQuery<?, ?>, Class<?>> constraint) {
        Relationship<?> relation = outer.type.relations().get(outer.prototype(), name);
        if (!(relation instanceof MorphTo<?> morphTo)) {
            throw new EloquentException("whereHasMorph(\"" + name + "\") needs a morphTo relation; " + outer.type.name()
                    + "." + name + "() is a " + relation.getClass().getSimpleName() + ": use whereHas");
        }
        if (types == null || types.isEmpty()) {
            throw new EloquentException("whereHasMorph(\"" + name + "\") needs the model classes to test, such as"
                    + " List.of(Album.class, Track.class)");
        }
        String typeColumn = outer.reference() + "." + morphTo.typeColumn();
        String idColumn = outer.reference() + "." + morphTo.idColumn();
        Consumer<Q> anyType = group -> {
            for (Class<? extends Model<?>> type : types) {
                QueryBuilder<?, ?> keys = keysOf(outer.db, type, constraint);
                group.orWhere(one -> one.where(typeColumn, outer.db.morphAlias(type)).whereIn(idColumn, keys));
            }
        };
        return or ? outer.orWhere(anyType) : outer.where(anyType);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static QueryBuilder<?, ?> keysOf(Eloquent db, Class<? extends Model<?>> type,
                                             BiConsumer<AbstractModelQuery<?, ?>, Class<?>> constraint) {
        ModelQuery<?> query = db.query((Class) type);
        if (constraint != null) {
            constraint.accept(query, type);
        }
        ModelType<?> described = query.type;
        return query.select(described.table() + "." + described.keyName());
    }

    /** TRUE for "at least one", FALSE for "none", null for any other count comparison. */
    private static Boolean existence(Operator op, int count) {
        if ((op == Operator.GE && count == 1) || (op == Operator.GT && count == 0)) {
            return Boolean.TRUE;
        }
        if ((op == Operator.LT && count == 1) || (op == Operator.EQ && count == 0) || (op == Operator.LE && count == 0)) {
            return Boolean.FALSE;
        }
        return null;
    }

    /**
     * The two-query form. Existence is {@code parent IN (related values)}; absence is {@code NOT IN} or a
     * null parent value (a NULL in the list would make SQL's NOT IN match nothing, so nulls are left out of
     * it). A count comparison groups the related values and keeps those that pass it, or, when a parent
     * with no related row passes it too ({@code < 3}), excludes those that fail it.
     */
    private static <Q extends AbstractModelQuery<Q, M>, M extends Model<M>> Q separately(
            Q outer, boolean or, Relation<M, ?, ?, ?> relation, Operator op, int count, Boolean existence) {
        String parentColumn = outer.reference() + "." + relation.parentColumn();
        boolean include;
        QueryBuilder<?, ?> values;
        if (existence != null) {
            include = existence;
            values = relation.parentValuesQuery();
        } else {
            relation.checkSeparateCounts("has(\"...\", \"" + op.symbol() + "\", " + count + ")");
            String relatedPath = relation.relatedPath();
            boolean zeroPasses = passes(op, count);
            values = relation.parentValuesQuery().groupBy(relatedPath)
                    .having("count(*)", (zeroPasses ? op.negate() : op).symbol(), count);
            include = !zeroPasses;
        }
        if (include) {
            return or ? outer.orWhereIn(parentColumn, values) : outer.whereIn(parentColumn, values);
        }
        Consumer<Q> absent = group -> group.whereNotIn(parentColumn, values).orWhereNull(parentColumn);
        return or ? outer.orWhere(absent) : outer.where(absent);
    }

    /** Whether a row with no related rows passes {@code count(*) op count}. */
    private static boolean passes(Operator op, int count) {
        return switch (op) {
            case EQ -> count == 0;
            case NE -> count != 0;
            case LT -> 0 < count;
            case LE -> 0 <= count;
            case GT -> 0 > count;
            case GE -> 0 >= count;
            default -> throw new EloquentException("has(...) compares a count with =, !=, <, <=, > or >=, not "
                    + op.symbol());
        };
    }

    /**
     * Adds {@code alias} (by default {@code <relation>_<function>[_<column>]}) to every row read: a correlated
     * subquery on one SQL connection, a grouped query after the read elsewhere.
     */
    static <Q extends AbstractModelQuery<Q, M>, M extends Model<M>> Q aggregate(Q outer, String relationPath, String function,
                                                                                String column,
                                                                                Consumer<AbstractModelQuery<?, ?>> constraint) {
        String name = relationPath == null ? "" : relationPath.trim();
        String alias = null;
        int as = name.toLowerCase(Locale.ROOT).indexOf(" as ");
        if (as > 0) {
            alias = name.substring(as + 4).trim();
            name = name.substring(0, as).trim();
        }
        if (name.contains(".")) {
            throw new EloquentException("with" + function + "(\"" + name + "\"): name a relation of "
                    + outer.type.name() + ", not a path; count nested relations with whereHas or a relation of the child");
        }
        if (alias == null) {
            alias = ModelNames.snake(name) + "_" + function
                    + (column == null ? "" : "_" + column.substring(column.lastIndexOf('.') + 1));
        }
        Identifiers.check(alias, "alias");
        outer.addAggregateAlias(alias, function);
        Relation<M, ?, ?, ?> relation = relation(outer, name);
        String selected = column == null ? "count(*)" : function + "(" + column + ")";
        if (correlatable(outer, relation)) {
            correlate(outer, relation);
            if (constraint != null) {
                constraint.accept(relation);
            }
            if (outer.selectsEverything()) {
                outer.select(outer.reference() + ".*");
            }
            relation.select(selected);
            return outer.selectSub(relation, alias);
        }
        relation.checkSeparateAggregate(function, "with" + function + "(\"" + name + "\")");
        if (constraint != null) {
            constraint.accept(relation);
        }
        outer.addLateAggregate(new RelationAggregate(relation, function, selected, alias));
        return outer;
    }

    /** The relation {@code name} of the outer query's model class, asked of an unsaved model. */
    @SuppressWarnings("unchecked")
    private static <M extends Model<M>> Relation<M, ?, ?, ?> relation(AbstractModelQuery<?, M> outer, String name) {
        Relationship<?> relation = outer.type.relations().get(outer.prototype(), name);
        if (relation instanceof MorphTo<?> morphTo) {
            throw new EloquentException(outer.type.name() + "." + name + "() is a morphTo, whose rows live in one table"
                    + " per type: has/whereHas/withCount cannot test it; name the types with whereHasMorph(\"" + name
                    + "\", List.of(...), ...), or filter on " + morphTo.typeColumn() + " and " + morphTo.idColumn());
        }
        if (!(relation instanceof Relation<?, ?, ?, ?> query)) {
            throw new EloquentException(outer.type.name() + "." + name + "() is a " + relation.getClass().getSimpleName()
                    + ", which has no single related table to test or count");
        }
        return (Relation<M, ?, ?, ?>) query;
    }

    /** Whether the relation's query can run inside the outer statement: one connection that runs subqueries. */
    private static boolean correlatable(AbstractModelQuery<?, ?> outer, Relation<?, ?, ?, ?> relation) {
        return relation.connectionName().equals(outer.connectionName()) && outer.connection().supports(Capability.SUBQUERIES);
    }

    /**
     * Ties the relation's query to the outer row ({@code related = outer.parent}). A relation of a table to
     * itself reads the inner table under an alias, so the two are told apart.
     */
    private static void correlate(AbstractModelQuery<?, ?> outer, Relation<?, ?, ?, ?> relation) {
        if (relation.table().equals(outer.table())) {
            relation.aliasFrom(outer.reference() + "_inner");
        }
        relation.correlate(new Expression.Column(outer.reference(), relation.parentColumn()));
    }
}
