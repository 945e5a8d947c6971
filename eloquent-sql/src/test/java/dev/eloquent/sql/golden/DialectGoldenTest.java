package dev.eloquent.sql.golden;

import dev.eloquent.api.Condition;
import dev.eloquent.api.EloquentException;
import dev.eloquent.api.Expression;
import dev.eloquent.api.Operator;
import dev.eloquent.api.Query;
import dev.eloquent.api.Write;
import dev.eloquent.sql.CompiledSql;
import dev.eloquent.sql.SqlCompiler;
import dev.eloquent.sql.SqlDialect;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The compile-only golden test of one SQL dialect: the SQL text and parameters of every case of
 * {@link GoldenCases}, every node type compiled, and the refusals. No database; milliseconds. A
 * dialect's test extends this and gives the expected text of every case.
 */
public abstract class DialectGoldenTest {
    protected abstract SqlDialect dialect();

    /** The expected SQL text of every case of {@link GoldenCases#all()}, by case name. */
    protected abstract Map<String, String> expectedSql();

    /** Whether the database rolls schema changes back with their transaction (PostgreSQL, SQLite). */
    protected abstract boolean transactionalDdl();

    protected SqlCompiler compiler() {
        return new SqlCompiler(dialect());
    }

    protected static CompiledSql compile(SqlCompiler compiler, Object node) {
        if (node instanceof Query query) {
            return compiler.select(query);
        }
        List<CompiledSql> statements = compiler.write((Write) node);
        assertEquals(1, statements.size(), "a small write is one statement");
        return statements.get(0);
    }

    @TestFactory
    Stream<DynamicTest> everyCaseCompilesToItsGoldenSqlAndParameters() {
        SqlCompiler compiler = compiler();
        Map<String, String> expected = expectedSql();
        return GoldenCases.all().entrySet().stream().map(entry -> DynamicTest.dynamicTest(entry.getKey(), () -> {
            String sql = expected.get(entry.getKey());
            if (sql == null) {
                fail("no golden SQL for case '" + entry.getKey() + "'; it compiles to:\n"
                        + compile(compiler, entry.getValue().node()).sql());
            }
            CompiledSql compiled = compile(compiler, entry.getValue().node());
            assertEquals(sql, compiled.sql(), entry.getKey());
            assertEquals(entry.getValue().parameters(), compiled.parameters(), entry.getKey() + " parameters");
        }));
    }

    @Test
    void theDialectClaimsEveryCapabilityItCompilesAndNoDocuments() {
        java.util.Set<dev.eloquent.api.Capability> expected = java.util.EnumSet.of(
                dev.eloquent.api.Capability.TRANSACTIONS, dev.eloquent.api.Capability.JOINS,
                dev.eloquent.api.Capability.SUBQUERIES, dev.eloquent.api.Capability.AGGREGATES,
                dev.eloquent.api.Capability.RAW_SQL, dev.eloquent.api.Capability.ROW_LOCKS,
                dev.eloquent.api.Capability.SCHEMA, dev.eloquent.api.Capability.UPSERT);
        if (transactionalDdl()) {
            expected.add(dev.eloquent.api.Capability.TRANSACTIONAL_DDL);
        }
        assertEquals(expected, dialect().capabilities());
        assertEquals(transactionalDdl(), dialect().transactionalDdl());
    }

    @Test
    void everyGoldenSqlBelongsToACase() {
        Set<String> extra = new HashSet<>(expectedSql().keySet());
        extra.removeAll(GoldenCases.all().keySet());
        assertEquals(Set.of(), extra, "golden SQL without a case");
    }

    @Test
    void anInstanceOfEveryNodeTypeCompiles() {
        SqlCompiler compiler = compiler();
        Set<Object> seen = new HashSet<>();
        for (Object statement : GoldenCases.everyNode()) {
            if (statement instanceof Query query) {
                assertTrue(compiler.select(query).sql().startsWith("SELECT "), query.toString());
            } else {
                assertTrue(!compiler.write((Write) statement).isEmpty(), statement.toString());
            }
            for (Object node : GoldenCases.nodesIn(statement)) {
                seen.add(node instanceof Enum<?> constant ? constant : node.getClass());
            }
        }
        List<Object> missing = new ArrayList<>();
        for (Class<?> type : GoldenCases.everyNodeType()) {
            if (!seen.contains(type)) {
                missing.add(type.getName());
            }
        }
        for (Class<? extends Enum<?>> kind : List.of(Operator.class, dev.eloquent.api.Join.Kind.class,
                dev.eloquent.api.Lock.class, dev.eloquent.api.AggregateFunction.class,
                dev.eloquent.api.ArithmeticOperator.class)) {
            for (Enum<?> constant : kind.getEnumConstants()) {
                if (!seen.contains(constant)) {
                    missing.add(constant);
                }
            }
        }
        assertEquals(List.of(), missing, "node types no statement of GoldenCases.everyNode() holds");
    }

    @Test
    void aComparisonWithANullValueIsRefused() {
        for (Operator operator : Operator.values()) {
            Query query = Query.from("t").where(new Condition.Compare(Expression.column("a"), operator,
                    Expression.value(null)));
            EloquentException error = assertThrows(EloquentException.class, () -> compiler().select(query));
            assertTrue(error.getMessage().contains("whereNull"), error.getMessage());
            Query reversed = Query.from("t").where(new Condition.Compare(Expression.value(null), operator,
                    Expression.column("a")));
            EloquentException reversedError = assertThrows(EloquentException.class, () -> compiler().select(reversed));
            assertTrue(reversedError.getMessage().contains("whereNull"), reversedError.getMessage());
        }
    }

    @Test
    void updatesAndDeletesTakeConditionsOnly() {
        Query paged = Query.from("t").withLimit(1);
        Write.Assignment set = new Write.Assignment("a", Expression.value(1));
        EloquentException update = assertThrows(EloquentException.class,
                () -> compiler().write(new Write.Update(paged, List.of(set))));
        assertTrue(update.getMessage().contains("remove limit/offset"), update.getMessage());
        EloquentException delete = assertThrows(EloquentException.class,
                () -> compiler().write(new Write.Delete(Query.from("t").withOffset(2))));
        assertTrue(delete.getMessage().contains("remove limit/offset"), delete.getMessage());
        Query joined = Query.from("t").withJoins(List.of(new dev.eloquent.api.Join(dev.eloquent.api.Join.Kind.CROSS,
                dev.eloquent.api.TableRef.table("u"), null)));
        EloquentException join = assertThrows(EloquentException.class,
                () -> compiler().write(new Write.Delete(joined)));
        assertTrue(join.getMessage().contains("conditions only"), join.getMessage());
    }

    @Test
    void aNumberInDdlIsWrittenAsDigitsOnly() {
        SqlDialect dialect = dialect();
        assertEquals("42", dialect.literal(42));
        assertEquals("-1.5", dialect.literal(-1.5d));
        EloquentException nan = assertThrows(EloquentException.class, () -> dialect.literal(Double.NaN));
        assertTrue(nan.getMessage().contains("NaN and infinity cannot be written"), nan.getMessage());
        // A Number whose text is not a number must not reach the statement, nor the message.
        Number forged = new Number() {
            @Override public int intValue() { return 0; }
            @Override public long longValue() { return 0; }
            @Override public float floatValue() { return 0; }
            @Override public double doubleValue() { return 0; }
            @Override public String toString() { return "0; DROP TABLE secret_table"; }
        };
        EloquentException refused = assertThrows(EloquentException.class, () -> dialect.literal(forged));
        assertTrue(refused.getMessage().contains("whose text is not a number"), refused.getMessage());
        assertTrue(!refused.getMessage().contains("secret_table"), refused.getMessage());
    }

    @Test
    void countDistinctStarIsRefused() {
        Query query = Query.from("t").selecting(new Expression.Aggregate(dev.eloquent.api.AggregateFunction.COUNT,
                null, true));
        EloquentException error = assertThrows(EloquentException.class, () -> compiler().select(query));
        assertTrue(error.getMessage().contains("count(distinct *)"), error.getMessage());
    }

    @Test
    void aLargeInsertIsSplitIntoBatchesOfWholeRowsBelowTheParameterLimit() {
        int limit = dialect().maxParameters();
        int rowsPerBatch = limit / 3;
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < rowsPerBatch * 2 + 1; i++) {
            rows.add(List.of(i, "n", i));
        }
        List<CompiledSql> batches = compiler().write(new Write.Insert("t", List.of("a", "b", "c"), rows, null));
        assertEquals(3, batches.size());
        assertEquals(rowsPerBatch * 3, batches.get(0).parameters().size());
        assertTrue(batches.get(0).parameters().size() <= limit);
        assertEquals(3, batches.get(2).parameters().size());
        assertEquals(List.of(rowsPerBatch * 2, "n", rowsPerBatch * 2), batches.get(2).parameters());
        List<List<Object>> fits = Collections.nCopies(rowsPerBatch, List.of(1, "n", 1));
        assertEquals(1, compiler().write(new Write.Upsert(new Write.Insert("t", List.of("a", "b", "c"), fits, null),
                List.of("a"), List.of("b"))).size());
    }
}
