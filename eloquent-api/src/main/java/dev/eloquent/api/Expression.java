package dev.eloquent.api;

import java.util.List;
import java.util.Objects;

/**
 * A typed expression in a {@link Query}: a column, a bound value, an aggregate, a scalar subquery, an
 * arithmetic combination, a random number (for random order) or raw SQL with bindings. Values are
 * always bound by compilers, never spliced into statement text. A compiler that meets a node it does
 * not know throws; the ORM refuses, before sending, nodes whose {@link Capability} the connection does
 * not claim ({@link Capabilities#required}).
 */
public sealed interface Expression {
    /**
     * A column, optionally qualified by a table name or alias: {@code albums.title}. The name
     * {@code *} means every column ({@code albums.*}).
     */
    record Column(String qualifier, String name) implements Expression {
        public Column {
            if (qualifier != null) {
                Identifiers.check(qualifier, "table or alias");
            }
            if (!"*".equals(name)) {
                Identifiers.check(name, "column");
            }
        }

        /** The column as written: {@code name} or {@code qualifier.name}. */
        public String path() {
            return qualifier == null ? name : qualifier + "." + name;
        }

        @Override
        public String toString() {
            return path();
        }
    }

    /** A value, bound as a parameter (SQL) or wrapped as a literal operand (MongoDB). Never printed. */
    record Value(Object value) implements Expression {
        @Override
        public String toString() {
            return "?";
        }
    }

    /** {@code function(argument)}, {@code function(DISTINCT argument)}; a null argument is {@code COUNT(*)}. */
    record Aggregate(AggregateFunction function, Expression argument, boolean distinct) implements Expression {
        public Aggregate {
            Objects.requireNonNull(function, "function");
            if (argument == null && function != AggregateFunction.COUNT) {
                throw new EloquentException(function.sql() + " needs a column");
            }
        }

        @Override
        public String toString() {
            return function.sql() + "(" + (distinct ? "distinct " : "") + (argument == null ? "*" : argument) + ")";
        }
    }

    /** A subquery that returns one column and at most one row. */
    record Subquery(Query query) implements Expression {
        public Subquery {
            Objects.requireNonNull(query, "query");
        }

        @Override
        public String toString() {
            return "(subquery " + query.from() + ")";
        }
    }

    /** {@code left op right}, such as {@code quantity + ?} in an update's assignment. */
    record Arithmetic(Expression left, ArithmeticOperator operator, Expression right) implements Expression {
        public Arithmetic {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(right, "right");
        }

        @Override
        public String toString() {
            return "(" + left + " " + operator.symbol() + " " + right + ")";
        }
    }

    /** A random number per row: what {@code inRandomOrder()} sorts by. */
    record Random() implements Expression {
        @Override
        public String toString() {
            return "random()";
        }
    }

    /**
     * SQL text written by the application, with {@code ?} placeholders for its bindings. Only SQL
     * connections (those claiming {@link Capability#RAW_SQL}) take it.
     */
    record Raw(String sql, List<Object> bindings) implements Expression {
        public Raw {
            Raw.check(sql);
            bindings = Lists.copy(bindings);
        }

        static void check(String sql) {
            if (sql == null || sql.isBlank()) {
                throw new EloquentException("raw SQL must not be empty");
            }
        }

        @Override
        public String toString() {
            return "raw(" + sql + ")";
        }
    }

    // ---- shorthands ----

    /** A column from {@code name} or {@code qualifier.name}; every part is checked. */
    static Column column(String path) {
        if (path == null) {
            throw new EloquentException("a column name is required");
        }
        int dot = path.indexOf('.');
        if (dot < 0) {
            return new Column(null, path);
        }
        if (path.indexOf('.', dot + 1) >= 0) {
            throw new EloquentException("'" + path + "' is not a valid column name: use column or table.column");
        }
        return new Column(path.substring(0, dot), path.substring(dot + 1));
    }

    static Value value(Object value) {
        return new Value(value);
    }

    static Aggregate countAll() {
        return new Aggregate(AggregateFunction.COUNT, null, false);
    }

    static Aggregate aggregate(AggregateFunction function, Expression argument) {
        return new Aggregate(function, argument, false);
    }
}
