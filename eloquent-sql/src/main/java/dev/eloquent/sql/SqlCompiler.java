package dev.eloquent.sql;

import dev.eloquent.api.ColumnChange;
import dev.eloquent.api.ColumnSpec;
import dev.eloquent.api.Condition;
import dev.eloquent.api.EloquentException;
import dev.eloquent.api.Expression;
import dev.eloquent.api.ForeignKey;
import dev.eloquent.api.IndexSpec;
import dev.eloquent.api.Join;
import dev.eloquent.api.Operator;
import dev.eloquent.api.Order;
import dev.eloquent.api.Query;
import dev.eloquent.api.SchemaChange;
import dev.eloquent.api.Selection;
import dev.eloquent.api.TableRef;
import dev.eloquent.api.TableSpec;
import dev.eloquent.api.Write;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * Compiles the neutral descriptions to SQL for one dialect, one to one: each node of the query tree is
 * written in exactly one place below, and the dialect is asked only for what differs between databases
 * (quoting, LIKE, random, locks, paging, upsert, RETURNING). Identifiers were checked when the
 * descriptions were built and are quoted here; every value becomes a bound parameter. A node this
 * compiler does not know is refused with an {@link EloquentException}, never skipped.
 */
public final class SqlCompiler {
    private final SqlDialect dialect;

    public SqlCompiler(SqlDialect dialect) {
        this.dialect = dialect;
    }

    public SqlDialect dialect() {
        return dialect;
    }

    /** One statement being written: its text and its parameters, in order. */
    private final class Sql {
        final StringBuilder text = new StringBuilder(128);
        final List<Object> parameters = new ArrayList<>();
        /** The table an UPDATE or DELETE writes, while its WHERE is compiled; null for reads. */
        String writeTarget;

        Sql append(String part) {
            text.append(part);
            return this;
        }

        Sql bind(Object value) {
            text.append('?');
            parameters.add(dialect.toJdbc(value));
            return this;
        }

        CompiledSql done(String table) {
            return new CompiledSql(text.toString(), parameters, table);
        }
    }

    // ---- reads ----

    public CompiledSql select(Query query) {
        Sql sql = new Sql();
        select(sql, query);
        return sql.done(query.from().name());
    }

    private void select(Sql sql, Query query) {
        sql.append(query.distinct() ? "SELECT DISTINCT " : "SELECT ");
        if (query.selections().isEmpty()) {
            sql.append("*");
        } else {
            List<Selection> selections = query.selections();
            for (int i = 0; i < selections.size(); i++) {
                if (i > 0) {
                    sql.append(", ");
                }
                Selection selection = selections.get(i);
                expression(sql, selection.expression());
                if (selection.alias() != null) {
                    sql.append(" AS ").append(dialect.quote(selection.alias()));
                }
            }
        }
        sql.append(" FROM ");
        tableRef(sql, query.from());
        for (Join join : query.joins()) {
            join(sql, join);
        }
        where(sql, " WHERE ", query.where());
        if (!query.groupBy().isEmpty()) {
            sql.append(" GROUP BY ");
            list(sql, query.groupBy());
        }
        where(sql, " HAVING ", query.having());
        if (!query.orders().isEmpty()) {
            sql.append(" ORDER BY ");
            List<Order> orders = query.orders();
            for (int i = 0; i < orders.size(); i++) {
                if (i > 0) {
                    sql.append(", ");
                }
                order(sql, orders.get(i));
            }
        }
        sql.append(dialect.limitOffset(query.limit(), query.offset()));
        sql.append(dialect.lock(query.lock()));
    }

    private void tableRef(Sql sql, TableRef ref) {
        if (ref.subquery() != null) {
            sql.append("(");
            select(sql, ref.subquery());
            sql.append(")");
        } else {
            sql.append(dialect.quote(ref.name()));
        }
        if (ref.alias() != null) {
            sql.append(" AS ").append(dialect.quote(ref.alias()));
        }
    }

    private void join(Sql sql, Join join) {
        sql.append(switch (join.kind()) {
            case INNER -> " INNER JOIN ";
            case LEFT -> " LEFT JOIN ";
            case RIGHT -> " RIGHT JOIN ";
            case CROSS -> " CROSS JOIN ";
        });
        tableRef(sql, join.table());
        if (join.kind() != Join.Kind.CROSS) {
            sql.append(" ON ");
            condition(sql, join.on());
        } else if (!join.on().isTrue()) {
            throw new EloquentException("a cross join of " + join.table() + " takes no on condition");
        }
    }

    /** A raw order expression carries its own direction, if any; every other expression gets ASC or DESC. */
    private void order(Sql sql, Order order) {
        expression(sql, order.expression());
        if (order.expression() instanceof Expression.Raw) {
            if (order.descending()) {
                sql.append(" DESC");
            }
        } else {
            sql.append(order.descending() ? " DESC" : " ASC");
        }
    }

    private void list(Sql sql, List<Expression> expressions) {
        for (int i = 0; i < expressions.size(); i++) {
            if (i > 0) {
                sql.append(", ");
            }
            expression(sql, expressions.get(i));
        }
    }

    // ---- expressions ----

    private void expression(Sql sql, Expression expression) {
        if (expression instanceof Expression.Column column) {
            if (column.qualifier() != null) {
                sql.append(dialect.quote(column.qualifier())).append(".");
            }
            sql.append("*".equals(column.name()) ? "*" : dialect.quote(column.name()));
        } else if (expression instanceof Expression.Value value) {
            sql.bind(value.value());
        } else if (expression instanceof Expression.Aggregate aggregate) {
            aggregate(sql, aggregate);
        } else if (expression instanceof Expression.Subquery subquery) {
            sql.append("(");
            select(sql, subquery.query());
            sql.append(")");
        } else if (expression instanceof Expression.Arithmetic arithmetic) {
            sql.append("(");
            expression(sql, arithmetic.left());
            sql.append(" ").append(arithmetic.operator().symbol()).append(" ");
            expression(sql, arithmetic.right());
            sql.append(")");
        } else if (expression instanceof Expression.Random) {
            sql.append(dialect.random());
        } else if (expression instanceof Expression.Raw raw) {
            raw(sql, raw.sql(), raw.bindings());
        } else {
            throw unknown("expression", expression);
        }
    }

    private void aggregate(Sql sql, Expression.Aggregate aggregate) {
        sql.append(aggregate.function().sql().toUpperCase(java.util.Locale.ROOT)).append("(");
        if (aggregate.argument() == null) {
            if (aggregate.distinct()) {
                throw new EloquentException("count(distinct *) is not valid; name the column to count distinct values of");
            }
            sql.append("*");
        } else {
            if (aggregate.distinct()) {
                sql.append("DISTINCT ");
            }
            expression(sql, aggregate.argument());
        }
        sql.append(")");
    }

    private void raw(Sql sql, String text, List<Object> bindings) {
        sql.append(text);
        for (Object binding : bindings) {
            sql.parameters.add(dialect.toJdbc(binding));
        }
    }

    // ---- conditions ----

    private void where(Sql sql, String keyword, Condition condition) {
        if (!condition.isTrue()) {
            sql.append(keyword);
            condition(sql, condition);
        }
    }

    private void condition(Sql sql, Condition condition) {
        if (condition instanceof Condition.And and) {
            group(sql, and.conditions(), " AND ", "1 = 1");
        } else if (condition instanceof Condition.Or or) {
            group(sql, or.conditions(), " OR ", "1 = 0");
        } else if (condition instanceof Condition.Compare compare) {
            compare(sql, compare);
        } else if (condition instanceof Condition.In in) {
            if (in.values().isEmpty()) {
                // IN () is not SQL: nothing is in an empty list, everything is outside it.
                sql.append(in.negated() ? "1 = 1" : "1 = 0");
                return;
            }
            expression(sql, in.left());
            sql.append(in.negated() ? " NOT IN (" : " IN (");
            for (int i = 0; i < in.values().size(); i++) {
                if (i > 0) {
                    sql.append(", ");
                }
                sql.bind(in.values().get(i));
            }
            sql.append(")");
        } else if (condition instanceof Condition.InSubquery in) {
            expression(sql, in.left());
            sql.append(in.negated() ? " NOT IN (" : " IN (");
            if (sql.writeTarget != null && dialect.materializesSubqueriesOfWriteTarget()
                    && reads(in.subquery(), sql.writeTarget)) {
                // MySQL refuses a subquery on the table being updated (error 1093) unless it is a derived
                // table, which the server materialises before writing.
                sql.append("SELECT * FROM (");
                select(sql, in.subquery());
                sql.append(") AS ").append(dialect.quote("eloquent_rows"));
            } else {
                select(sql, in.subquery());
            }
            sql.append(")");
        } else if (condition instanceof Condition.Null isNull) {
            expression(sql, isNull.expression());
            sql.append(isNull.negated() ? " IS NOT NULL" : " IS NULL");
        } else if (condition instanceof Condition.Between between) {
            expression(sql, between.expression());
            sql.append(between.negated() ? " NOT BETWEEN " : " BETWEEN ");
            expression(sql, between.low());
            sql.append(" AND ");
            expression(sql, between.high());
        } else if (condition instanceof Condition.Exists exists) {
            sql.append(exists.negated() ? "NOT EXISTS (" : "EXISTS (");
            select(sql, exists.subquery());
            sql.append(")");
        } else if (condition instanceof Condition.Raw raw) {
            sql.append(raw.negated() ? "NOT (" : "(");
            raw(sql, raw.sql(), raw.bindings());
            sql.append(")");
        } else {
            throw unknown("condition", condition);
        }
    }

    /** The members of an And or Or; a member that is itself a group of several is parenthesised. */
    private void group(Sql sql, List<Condition> members, String separator, String empty) {
        if (members.isEmpty()) {
            sql.append(empty);
            return;
        }
        for (int i = 0; i < members.size(); i++) {
            if (i > 0) {
                sql.append(separator);
            }
            Condition member = members.get(i);
            boolean nested = (member instanceof Condition.And and && and.conditions().size() > 1)
                    || (member instanceof Condition.Or or && or.conditions().size() > 1);
            if (nested) {
                sql.append("(");
                condition(sql, member);
                sql.append(")");
            } else {
                condition(sql, member);
            }
        }
    }

    private void compare(Sql sql, Condition.Compare compare) {
        if (isNullValue(compare.left()) || isNullValue(compare.right())) {
            throw new EloquentException("a comparison with null is never true in SQL; use whereNull/whereNotNull"
                    + " (operator " + compare.operator().symbol() + ")");
        }
        Operator operator = compare.operator();
        if (operator.isLike()) {
            like(sql, compare.left(), compare.right(), operator.isNegatedLike(), operator.isCaseSensitive());
            return;
        }
        expression(sql, compare.left());
        sql.append(switch (operator) {
            case EQ -> " = ";
            case NE -> " <> ";
            case LT -> " < ";
            case LE -> " <= ";
            case GT -> " > ";
            case GE -> " >= ";
            default -> throw unknown("operator", operator);
        });
        expression(sql, compare.right());
    }

    private static boolean reads(Query query, String table) {
        if (table.equals(query.from().name())) {
            return true;
        }
        for (Join join : query.joins()) {
            if (table.equals(join.table().name())) {
                return true;
            }
        }
        return false;
    }

    /** Both forms of LIKE: the dialect writes the predicate around the two compiled operands. */
    private void like(Sql sql, Expression left, Expression pattern, boolean negated, boolean caseSensitive) {
        if (isNullValue(left) || isNullValue(pattern)) {
            throw new EloquentException("like with a null pattern is never true in SQL; use whereNull/whereNotNull");
        }
        Sql leftSql = fragment(left);
        Sql patternSql = fragment(pattern);
        sql.append(dialect.like(leftSql.text.toString(), patternSql.text.toString(), negated, caseSensitive));
        sql.parameters.addAll(leftSql.parameters);
        sql.parameters.addAll(patternSql.parameters);
    }

    /** An operand compiled on its own, for a dialect that places it inside its own text (LIKE). */
    private Sql fragment(Expression expression) {
        Sql fragment = new Sql();
        expression(fragment, expression);
        return fragment;
    }

    private static boolean isNullValue(Expression expression) {
        return expression instanceof Expression.Value value && value.value() == null;
    }

    private EloquentException unknown(String kind, Object node) {
        return new EloquentException("the " + dialect.name() + " compiler does not know the " + kind + " "
                + node.getClass().getSimpleName());
    }

    // ---- writes ----

    /**
     * The statements of a write, in order. An insert or upsert whose parameters exceed the dialect's
     * limit is split into batches of whole rows; the caller runs them in one transaction.
     */
    public List<CompiledSql> write(Write write) {
        if (write instanceof Write.Insert insert) {
            return batches(insert).stream().map(this::insert).toList();
        }
        if (write instanceof Write.Upsert upsert) {
            return batches(upsert.insert()).stream()
                    .map(rows -> upsert(new Write.Upsert(rows, upsert.uniqueBy(), upsert.updateColumns())))
                    .toList();
        }
        if (write instanceof Write.Update update) {
            return List.of(update(update));
        }
        if (write instanceof Write.Delete delete) {
            return List.of(delete(delete));
        }
        throw unknown("write", write);
    }

    /** The rows of an insert in parts that each stay under the dialect's parameter limit. */
    public List<Write.Insert> batches(Write.Insert insert) {
        int columns = Math.max(1, insert.columns().size());
        int rowsPerBatch = Math.max(1, dialect.maxParameters() / columns);
        List<List<Object>> rows = insert.rows();
        if (rows.size() <= rowsPerBatch) {
            return List.of(insert);
        }
        List<Write.Insert> batches = new ArrayList<>();
        for (int from = 0; from < rows.size(); from += rowsPerBatch) {
            batches.add(new Write.Insert(insert.table(), insert.columns(),
                    rows.subList(from, Math.min(rows.size(), from + rowsPerBatch)), insert.returning()));
        }
        return batches;
    }

    /** One INSERT of every row of the insert (see {@link #batches}), with RETURNING where the dialect has it. */
    public CompiledSql insert(Write.Insert insert) {
        Sql sql = new Sql();
        values(sql, insert);
        if (insert.returning() != null && dialect.insertReturning()) {
            sql.append(" RETURNING ").append(dialect.quote(insert.returning()));
        }
        return sql.done(insert.table());
    }

    private void values(Sql sql, Write.Insert insert) {
        String table = dialect.quote(insert.table());
        if (insert.columns().isEmpty()) {
            sql.append(dialect.emptyInsert(table));
            return;
        }
        sql.append("INSERT INTO ").append(table).append(" (");
        sql.append(String.join(", ", quoteAll(insert.columns()))).append(") VALUES ");
        for (int row = 0; row < insert.rows().size(); row++) {
            sql.append(row == 0 ? "(" : ", (");
            List<Object> values = insert.rows().get(row);
            for (int i = 0; i < values.size(); i++) {
                if (i > 0) {
                    sql.append(", ");
                }
                sql.bind(values.get(i));
            }
            sql.append(")");
        }
    }

    /**
     * One multi-row INSERT that updates {@code updateColumns} where a row with the same {@code uniqueBy}
     * values exists; the dialect writes the conflict clause.
     */
    public CompiledSql upsert(Write.Upsert upsert) {
        if (upsert.insert().columns().isEmpty()) {
            throw new EloquentException("an upsert of '" + upsert.table() + "' needs at least one column");
        }
        Sql sql = new Sql();
        values(sql, upsert.insert());
        sql.append(dialect.upsertClause(quoteAll(upsert.uniqueBy()), quoteAll(upsert.updateColumns())));
        return sql.done(upsert.table());
    }

    public CompiledSql update(Write.Update update) {
        Query target = checkTarget("an update", update.target());
        Sql sql = new Sql().append("UPDATE ");
        sql.writeTarget = target.table();
        tableRef(sql, target.from());
        sql.append(" SET ");
        for (int i = 0; i < update.assignments().size(); i++) {
            Write.Assignment assignment = update.assignments().get(i);
            sql.append(i > 0 ? ", " : "").append(dialect.quote(assignment.column())).append(" = ");
            expression(sql, assignment.value());
        }
        where(sql, " WHERE ", target.where());
        return sql.done(target.table());
    }

    public CompiledSql delete(Write.Delete delete) {
        Query target = checkTarget("a delete", delete.target());
        Sql sql = new Sql().append("DELETE FROM ");
        sql.writeTarget = target.table();
        tableRef(sql, target.from());
        where(sql, " WHERE ", target.where());
        return sql.done(target.table());
    }

    /**
     * The rows an update or delete acts on are given by conditions only: every part of the target that
     * SQL's UPDATE/DELETE would ignore or read differently per database is refused, not dropped.
     */
    private Query checkTarget(String what, Query target) {
        if (target.paged() || !target.orders().isEmpty()) {
            throw new EloquentException(what + " of '" + target.table() + "' acts on every matching row;"
                    + " remove limit/offset and order");
        }
        if (!target.joins().isEmpty() || !target.groupBy().isEmpty() || !target.having().isTrue()
                || !target.selections().isEmpty() || target.distinct() || target.lock() != dev.eloquent.api.Lock.NONE) {
            throw new EloquentException(what + " of '" + target.table() + "' takes conditions only (no joins,"
                    + " selection, grouping or lock); select the rows with whereIn or whereExists");
        }
        return target;
    }

    private List<String> quoteAll(List<String> identifiers) {
        List<String> quoted = new ArrayList<>(identifiers.size());
        identifiers.forEach(c -> quoted.add(dialect.quote(c)));
        return quoted;
    }

    // ---- schema ----

    /**
     * The statements of a schema change, in order. What every supported database writes alike is here;
     * the dialect is asked for renaming a table, changing a column, dropping an index and adding or
     * dropping a foreign key. What needs the live table (SQLite's rebuild) is not compiled here but by
     * {@link SqlDialect#schemaStatements}, which is what connections call; compiled alone, it is refused.
     */
    public List<String> schema(SchemaChange change) {
        if (change instanceof SchemaChange.CreateTable create) {
            return createTable(create.table(), create.ifNotExists());
        }
        if (change instanceof SchemaChange.DropTable drop) {
            return List.of("DROP TABLE " + (drop.ifExists() ? "IF EXISTS " : "") + dialect.quote(drop.table()));
        }
        if (change instanceof SchemaChange.RenameTable rename) {
            return List.of(dialect.renameTable(dialect.quote(rename.from()), dialect.quote(rename.to())));
        }
        if (change instanceof SchemaChange.AlterTable alter) {
            List<String> statements = new ArrayList<>();
            alter.changes().forEach(c -> statements.addAll(alterColumn(alter.table(), c)));
            return statements;
        }
        if (change instanceof SchemaChange.CreateIndex index) {
            return List.of(createIndex(index.table(), index.name(), index.columns(), index.unique()));
        }
        if (change instanceof SchemaChange.DropIndex index) {
            return List.of(dialect.dropIndex(dialect.quote(index.table()), dialect.quote(index.name())));
        }
        if (change instanceof SchemaChange.AddForeignKey key) {
            return List.of(dialect.addForeignKey(dialect.quote(key.table()), foreignKeyClause(key.foreignKey())));
        }
        if (change instanceof SchemaChange.DropForeignKey key) {
            return List.of(dialect.dropForeignKey(dialect.quote(key.table()), dialect.quote(key.name())));
        }
        throw new EloquentException("schema change " + change.getClass().getSimpleName() + " is not supported on "
                + dialect.name());
    }

    private List<String> alterColumn(String table, ColumnChange change) {
        String alter = "ALTER TABLE " + dialect.quote(table) + " ";
        if (change instanceof ColumnChange.AddColumn add) {
            // Unique and index flags become separate indexes: SQLite cannot add a UNIQUE column, and the
            // index then has the same name on every database.
            ColumnSpec column = add.column();
            List<String> statements = new ArrayList<>();
            statements.add(alter + "ADD COLUMN " + columnDefinition(table, column, false));
            if (column.unique() || column.index()) {
                statements.add(createIndex(table, null, List.of(column.name()), column.unique()));
            }
            return statements;
        }
        if (change instanceof ColumnChange.DropColumn drop) {
            return List.of(alter + "DROP COLUMN " + dialect.quote(drop.name()));
        }
        if (change instanceof ColumnChange.RenameColumn rename) {
            return List.of(alter + "RENAME COLUMN " + dialect.quote(rename.from()) + " TO " + dialect.quote(rename.to()));
        }
        ColumnSpec column = ((ColumnChange.ChangeColumn) change).column();
        String literal = column.hasDefault() ? dialect.defaultLiteral(table, column) : null;
        return dialect.changeColumn(dialect.quote(table), column, columnDefinition(table, column, false), literal);
    }

    private String createIndex(String table, String name, List<String> columns, boolean unique) {
        String index = name != null ? name : dev.eloquent.api.SchemaNames.index(table, columns, unique);
        return "CREATE " + (unique ? "UNIQUE " : "") + "INDEX " + dialect.quote(index) + " ON " + dialect.quote(table)
                + " (" + String.join(", ", quoteAll(columns)) + ")";
    }

    /** {@code CONSTRAINT name FOREIGN KEY (...) REFERENCES table (...) ON DELETE action}, inside CREATE or ALTER TABLE. */
    public String foreignKeyClause(ForeignKey key) {
        return "CONSTRAINT " + dialect.quote(key.name()) + " FOREIGN KEY (" + String.join(", ", quoteAll(key.columns()))
                + ") REFERENCES " + dialect.quote(key.refTable()) + " (" + String.join(", ", quoteAll(key.refColumns()))
                + ") ON DELETE " + key.onDelete().sql();
    }

    private List<String> createTable(TableSpec table, boolean ifNotExists) {
        String name = dialect.quote(table.name());
        StringJoiner definitions = new StringJoiner(", ", " (", ")");
        for (ColumnSpec column : table.columns()) {
            definitions.add(column.autoIncrement() ? dialect.autoIncrementColumn(column)
                    : columnDefinition(table.name(), column, true));
        }
        List<ColumnSpec> primaryKey = table.primaryKey();
        if (!primaryKey.isEmpty() && table.autoIncrementColumn().isEmpty()) {
            StringJoiner keys = new StringJoiner(", ", "PRIMARY KEY (", ")");
            primaryKey.forEach(c -> keys.add(dialect.quote(c.name())));
            definitions.add(keys.toString());
        }
        table.foreignKeys().forEach(key -> definitions.add(foreignKeyClause(key)));
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
        for (IndexSpec index : table.indexes()) {
            String quoted = dialect.quote(index.name());
            String columns = String.join(", ", quoteAll(index.columns()));
            String inline = dialect.inlineIndex(quoted, columns);
            if (inline != null) {
                definitions.add((index.unique() ? "UNIQUE " : "") + inline);
            } else {
                separateIndexes.add("CREATE " + (index.unique() ? "UNIQUE " : "") + "INDEX "
                        + (ifNotExists ? "IF NOT EXISTS " : "") + quoted + " ON " + name + " (" + columns + ")");
            }
        }
        List<String> statements = new ArrayList<>();
        statements.add("CREATE TABLE " + (ifNotExists ? "IF NOT EXISTS " : "") + name + definitions
                + dialect.tableOptions());
        statements.addAll(separateIndexes);
        return statements;
    }

    /**
     * A column's definition as ADD COLUMN writes it (name, type, NULL, DEFAULT, the dialect's checks),
     * without UNIQUE: what a dialect that rebuilds a table puts in place of a changed column.
     */
    public String columnDefinition(String table, ColumnSpec column) {
        return columnDefinition(table, column, false);
    }

    private String columnDefinition(String table, ColumnSpec column, boolean inlineUnique) {
        StringBuilder sql = new StringBuilder(dialect.quote(column.name())).append(' ').append(dialect.columnType(column));
        sql.append(column.nullable() ? " NULL" : " NOT NULL");
        if (column.hasDefault()) {
            sql.append(" DEFAULT ").append(dialect.defaultLiteral(table, column));
        }
        if (inlineUnique && column.unique() && !column.primary()) {
            sql.append(" UNIQUE");
        }
        sql.append(dialect.columnChecks(column));
        return sql.toString();
    }
}
