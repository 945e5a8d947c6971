package dev.eloquent.api;

/** The aggregates an {@link Expression.Aggregate} may use. */
public enum AggregateFunction {
    COUNT("count"), SUM("sum"), AVG("avg"), MIN("min"), MAX("max");

    private final String sql;

    AggregateFunction(String sql) {
        this.sql = sql;
    }

    /** The lower-case name, as SQL and messages write it. */
    public String sql() {
        return sql;
    }
}
