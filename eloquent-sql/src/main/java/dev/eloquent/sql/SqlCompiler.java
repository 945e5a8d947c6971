package dev.eloquent.sql;

import dev.eloquent.api.ColumnSpec;
import dev.eloquent.api.Condition;
import dev.eloquent.api.Identifiers;
import dev.eloquent.api.Operator;
import dev.eloquent.api.Order;
import dev.eloquent.api.Query;
import dev.eloquent.api.SchemaChange;
import dev.eloquent.api.TableSpec;
import dev.eloquent.api.Where;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Compiles the neutral descriptions to SQL for one dialect. Identifiers were checked when the
 * descriptions were built and are quoted here; every value becomes a bound parameter.
 */
public final class SqlCompiler {
    private final SqlDialect dialect;

    public SqlCompiler(SqlDialect dialect) {
        this.dialect = dialect;
    }

    public CompiledSql select(Query query) {
        List<Object> parameters = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT ");
        if (query.columns().isEmpty()) {
            sql.append('*');
        } else {
            StringJoiner columns = new StringJoiner(", ");
            query.columns().forEach(c -> columns.add(dialect.quote(c)));
            sql.append(columns);
        }
        sql.append(" FROM ").append(dialect.quote(query.table()));
        appendWhere(sql, query.wheres(), parameters);
        if (!query.orders().isEmpty()) {
            StringJoiner orders = new StringJoiner(", ", " ORDER BY ", "");
            for (Order order : query.orders()) {
                orders.add(dialect.quote(order.column()) + (order.descending() ? " DESC" : " ASC"));
            }
            sql.append(orders);
        }
        sql.append(dialect.limitOffset(query.limit(), query.offset()));
        return new CompiledSql(sql.toString(), parameters);
    }

    public CompiledSql count(Query query) {
        List<Object> parameters = new ArrayList<>();
        if (query.limit() == null && query.offset() == null) {
            StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM ").append(dialect.quote(query.table()));
            appendWhere(sql, query.wheres(), parameters);
            return new CompiledSql(sql.toString(), parameters);
        }
        // A paged count counts the page: wrap the paged select.
        CompiledSql inner = select(new Query(query.table(), List.of(), query.wheres(), query.orders(),
                query.limit(), query.offset()));
        return new CompiledSql("SELECT COUNT(*) FROM (" + inner.sql() + ") AS paged", inner.parameters());
    }

    public CompiledSql exists(Query query) {
        CompiledSql inner = select(new Query(query.table(), List.of(), query.wheres(), List.of(), 1,
                query.offset()));
        return new CompiledSql("SELECT EXISTS (" + inner.sql() + ")", inner.parameters());
    }

    public CompiledSql insert(String table, Map<String, ?> values, String returning) {
        String quotedTable = dialect.quote(Identifiers.check(table, "table"));
        List<Object> parameters = new ArrayList<>();
        String sql;
        if (values.isEmpty()) {
            sql = dialect.emptyInsert(quotedTable);
        } else {
            StringJoiner columns = new StringJoiner(", ", " (", ")");
            StringJoiner marks = new StringJoiner(", ", " VALUES (", ")");
            for (Map.Entry<String, ?> entry : values.entrySet()) {
                columns.add(dialect.quote(Identifiers.check(entry.getKey(), "column")));
                marks.add("?");
                parameters.add(dialect.toJdbc(entry.getValue()));
            }
            sql = "INSERT INTO " + quotedTable + columns + marks;
        }
        if (returning != null && dialect.insertReturning()) {
            sql += " RETURNING " + dialect.quote(Identifiers.check(returning, "column"));
        }
        return new CompiledSql(sql, parameters);
    }

    /**
     * One multi-row INSERT that updates {@code updateColumns} where a row with the same {@code uniqueBy}
     * values exists; the dialect writes the conflict clause.
     */
    public CompiledSql upsert(String table, List<? extends Map<String, ?>> rows, List<String> uniqueBy,
                              List<String> updateColumns) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("an upsert needs at least one row");
        }
        if (uniqueBy.isEmpty()) {
            throw new IllegalArgumentException("an upsert of '" + table + "' needs the unique columns to match rows by");
        }
        List<String> columns = new ArrayList<>(rows.get(0).keySet());
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("an upsert of '" + table + "' needs at least one column");
        }
        for (String column : uniqueBy) {
            if (!columns.contains(column)) {
                throw new IllegalArgumentException("upsert of '" + table + "': unique column '" + column
                        + "' is not among the row's columns " + columns);
            }
        }
        for (String column : updateColumns) {
            if (!columns.contains(column)) {
                throw new IllegalArgumentException("upsert of '" + table + "': update column '" + column
                        + "' is not among the row's columns " + columns);
            }
        }
        StringJoiner names = new StringJoiner(", ", " (", ")");
        columns.forEach(c -> names.add(dialect.quote(Identifiers.check(c, "column"))));
        String marks = "(" + String.join(", ", java.util.Collections.nCopies(columns.size(), "?")) + ")";
        StringJoiner tuples = new StringJoiner(", ", " VALUES ", "");
        List<Object> parameters = new ArrayList<>();
        for (Map<String, ?> row : rows) {
            if (!row.keySet().equals(new java.util.HashSet<>(columns))) {
                throw new IllegalArgumentException("upsert of '" + table + "': every row needs the same columns; expected "
                        + columns + ", got " + row.keySet());
            }
            tuples.add(marks);
            columns.forEach(c -> parameters.add(dialect.toJdbc(row.get(c))));
        }
        String sql = "INSERT INTO " + dialect.quote(Identifiers.check(table, "table")) + names + tuples
                + dialect.upsertClause(quoteAll(uniqueBy), quoteAll(updateColumns));
        return new CompiledSql(sql, parameters);
    }

    private List<String> quoteAll(List<String> identifiers) {
        return identifiers.stream().map(c -> dialect.quote(Identifiers.check(c, "column"))).toList();
    }

    public CompiledSql update(Query query, Map<String, ?> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("an update needs at least one column to set");
        }
        List<Object> parameters = new ArrayList<>();
        StringJoiner sets = new StringJoiner(", ", " SET ", "");
        for (Map.Entry<String, ?> entry : values.entrySet()) {
            sets.add(dialect.quote(Identifiers.check(entry.getKey(), "column")) + " = ?");
            parameters.add(dialect.toJdbc(entry.getValue()));
        }
        StringBuilder sql = new StringBuilder("UPDATE ").append(dialect.quote(query.table())).append(sets);
        appendWhere(sql, query.wheres(), parameters);
        return new CompiledSql(sql.toString(), parameters);
    }

    public CompiledSql delete(Query query) {
        List<Object> parameters = new ArrayList<>();
        StringBuilder sql = new StringBuilder("DELETE FROM ").append(dialect.quote(query.table()));
        appendWhere(sql, query.wheres(), parameters);
        return new CompiledSql(sql.toString(), parameters);
    }

    private void appendWhere(StringBuilder sql, List<Where> wheres, List<Object> parameters) {
        if (!wheres.isEmpty()) {
            sql.append(" WHERE ");
            appendConditions(sql, wheres, parameters);
        }
    }

    private void appendConditions(StringBuilder sql, List<Where> wheres, List<Object> parameters) {
        for (int i = 0; i < wheres.size(); i++) {
            Where where = wheres.get(i);
            if (i > 0) {
                sql.append(where.or() ? " OR " : " AND ");
            }
            appendCondition(sql, where.condition(), parameters);
        }
    }

    private void appendCondition(StringBuilder sql, Condition condition, List<Object> parameters) {
        if (condition instanceof Condition.Compare compare) {
            String column = dialect.quote(compare.column());
            Operator operator = compare.operator();
            if (compare.value() == null && (operator == Operator.EQ || operator == Operator.NE)) {
                sql.append(column).append(operator == Operator.EQ ? " IS NULL" : " IS NOT NULL");
                return;
            }
            if (operator == Operator.LIKE || operator == Operator.NOT_LIKE) {
                sql.append(dialect.likeCondition(column, operator == Operator.NOT_LIKE));
                parameters.add(dialect.toJdbc(compare.value()));
                return;
            }
            String symbol = switch (operator) {
                case NE -> "<>";
                default -> operator.symbol();
            };
            sql.append(column).append(' ').append(symbol).append(" ?");
            parameters.add(dialect.toJdbc(compare.value()));
        } else if (condition instanceof Condition.In in) {
            if (in.values().isEmpty()) {
                sql.append(in.negated() ? "1 = 1" : "1 = 0");
                return;
            }
            StringJoiner marks = new StringJoiner(", ", " (", ")");
            for (Object value : in.values()) {
                marks.add("?");
                parameters.add(dialect.toJdbc(value));
            }
            sql.append(dialect.quote(in.column())).append(in.negated() ? " NOT IN" : " IN").append(marks);
        } else if (condition instanceof Condition.Null isNull) {
            sql.append(dialect.quote(isNull.column())).append(isNull.negated() ? " IS NOT NULL" : " IS NULL");
        } else if (condition instanceof Condition.Group group) {
            if (group.wheres().isEmpty()) {
                sql.append("1 = 1");
                return;
            }
            sql.append('(');
            appendConditions(sql, group.wheres(), parameters);
            sql.append(')');
        }
    }

    /** The statements of a schema change, in order. */
    public List<String> schema(SchemaChange change) {
        if (change instanceof SchemaChange.CreateTable create) {
            return createTable(create.table(), create.ifNotExists());
        }
        SchemaChange.DropTable drop = (SchemaChange.DropTable) change;
        return List.of("DROP TABLE " + (drop.ifExists() ? "IF EXISTS " : "") + dialect.quote(drop.table()));
    }

    private List<String> createTable(TableSpec table, boolean ifNotExists) {
        String name = dialect.quote(table.name());
        StringJoiner definitions = new StringJoiner(", ", " (", ")");
        for (ColumnSpec column : table.columns()) {
            definitions.add(column.autoIncrement() ? dialect.autoIncrementColumn(column) : columnDefinition(column));
        }
        List<ColumnSpec> primaryKey = table.primaryKey();
        if (!primaryKey.isEmpty() && table.autoIncrementColumn().isEmpty()) {
            StringJoiner keys = new StringJoiner(", ", "PRIMARY KEY (", ")");
            primaryKey.forEach(c -> keys.add(dialect.quote(c.name())));
            definitions.add(keys.toString());
        }
        List<String> separateIndexes = new ArrayList<>();
        for (ColumnSpec column : table.columns()) {
            if (column.index() && !column.unique() && !column.primary()) {
                String index = dialect.quote(table.name() + "_" + column.name() + "_index");
                String inline = dialect.inlineIndex(index, dialect.quote(column.name()));
                if (inline != null) {
                    definitions.add(inline);
                } else {
                    separateIndexes.add("CREATE INDEX " + (ifNotExists ? "IF NOT EXISTS " : "") + index
                            + " ON " + name + " (" + dialect.quote(column.name()) + ")");
                }
            }
        }
        List<String> statements = new ArrayList<>();
        statements.add("CREATE TABLE " + (ifNotExists ? "IF NOT EXISTS " : "") + name + definitions
                + dialect.tableOptions());
        statements.addAll(separateIndexes);
        return statements;
    }

    private String columnDefinition(ColumnSpec column) {
        StringBuilder sql = new StringBuilder(dialect.quote(column.name())).append(' ').append(dialect.columnType(column));
        sql.append(column.nullable() ? " NULL" : " NOT NULL");
        if (column.hasDefault()) {
            sql.append(" DEFAULT ").append(dialect.literal(column.defaultValue()));
        }
        if (column.unique() && !column.primary()) {
            sql.append(" UNIQUE");
        }
        sql.append(dialect.columnChecks(column));
        return sql.toString();
    }
}
