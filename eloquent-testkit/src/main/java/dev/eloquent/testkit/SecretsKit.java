package dev.eloquent.testkit;

import dev.eloquent.api.Capability;
import dev.eloquent.api.EloquentException;
import dev.eloquent.api.UniqueViolationException;
import dev.eloquent.orm.Eloquent;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No value reaches an error: a marker secret put into where values, inserted values and failing rows
 * (unique violation, NOT NULL, too long, wrong type) appears nowhere in what is thrown: not in the
 * message, the causes, the suppressed exceptions, their {@code toString}, nor a printed stack trace;
 * and no Jdbi, JDBC or driver exception (whose text and statement context carry bound values) is in
 * the chain.
 */
public interface SecretsKit extends KitSupport {
    String SECRET = "Kit-Secret-5510-never-print";
    /** Packages whose exceptions carry statement text and values: they must not be in the chain. */
    List<String> FOREIGN = List.of("org.jdbi.", "java.sql.", "com.mysql.", "org.mariadb.", "org.postgresql.",
            "org.sqlite.", "com.mongodb.", "org.bson.");

    /** Every throwable in the chain: causes and suppressed exceptions, recursively. */
    private static List<Throwable> chain(Throwable error) {
        List<Throwable> all = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Throwable> todo = new ArrayList<>(List.of(error));
        while (!todo.isEmpty()) {
            Throwable t = todo.remove(todo.size() - 1);
            if (t == null || !seen.add(t)) {
                continue;
            }
            all.add(t);
            todo.add(t.getCause());
            todo.addAll(List.of(t.getSuppressed()));
        }
        return all;
    }

    /** Fails when the secret or a foreign exception shows anywhere in what was thrown. */
    static void assertClean(Throwable error, String scenario) {
        StringWriter printed = new StringWriter();
        error.printStackTrace(new PrintWriter(printed));
        assertFalse(printed.toString().contains(SECRET), scenario + ": the secret leaked into\n" + printed);
        for (Throwable t : chain(error)) {
            for (String text : new String[]{String.valueOf(t.getMessage()), String.valueOf(t.getLocalizedMessage()),
                    t.toString()}) {
                assertFalse(text.contains(SECRET), scenario + ": the secret leaked into " + t.getClass().getName());
            }
            String type = t.getClass().getName();
            assertTrue(FOREIGN.stream().noneMatch(type::startsWith),
                    scenario + ": " + type + " is in the chain of " + error.getClass().getName() + "\n" + printed);
        }
    }

    /** Runs the work: when it throws, what it threw must be clean; returns it (null when nothing was thrown). */
    private static RuntimeException attempt(String scenario, Supplier<?> work) {
        try {
            work.get();
            return null;
        } catch (RuntimeException e) {
            assertClean(e, scenario);
            assertTrue(e instanceof EloquentException, scenario + ": the project's exception, not " + e.getClass().getName());
            return e;
        }
    }

    private static Map<String, Object> row(Object... pairs) {
        Map<String, Object> row = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            row.put((String) pairs[i], pairs[i + 1]);
        }
        return row;
    }

    @Test
    default void aUniqueViolationNamesTheIndexButNeverTheRow() {
        try (Eloquent db = boot()) {
            freshEvents(db);
            db.create(KitEvent.class, Map.of("code", SECRET, "label", SECRET));
            UniqueViolationException error = assertThrows(UniqueViolationException.class,
                    () -> db.create(KitEvent.class, Map.of("code", SECRET, "label", SECRET + " again")));
            assertClean(error, "unique violation through a model");
            assertTrue(error.getMessage().contains(EVENTS), error.getMessage());
            RuntimeException table = attempt("unique violation through a table query",
                    () -> db.table(EVENTS).insert(row("code", SECRET, "hits", 1)));
            assertNotNull(table, "the duplicate is refused");
            assertTrue(table instanceof UniqueViolationException, table.toString());
        }
    }

    @Test
    default void failingRowsOnTheDatabaseNeverShowTheirValues() {
        try (Eloquent db = boot()) {
            boolean sql = db.connections().connection(target().connection()).supports(Capability.RAW_SQL);
            // NOT NULL, too long, wrong type: past the ORM's own checks (a table query has no schema), so the
            // database refuses them and its message, which may quote the row, must be dropped.
            RuntimeException notNull = attempt("NOT NULL", () -> db.table(TABLE).insert(row("name", null, "notes", SECRET)));
            RuntimeException tooLong = attempt("too long", () -> db.table(TABLE).insert(
                    row("name", SECRET.repeat(10), "notes", SECRET)));
            attempt("wrong type", () -> db.table(TABLE).insert(row("name", "typed", "quantity", SECRET, "notes", SECRET)));
            attempt("wrong type in an update", () -> db.table(TABLE).where("name", "typed").update(row("big", SECRET)));
            if (sql) {
                assertNotNull(notNull, "SQL databases refuse a NULL name");
                assertNotNull(tooLong, "SQL databases refuse 1000 characters in string(100)");
                assertTrue(notNull instanceof EloquentException && tooLong instanceof EloquentException,
                        "the project's exceptions: " + notNull + ", " + tooLong);
            }
        }
    }

    @Test
    default void whereValuesNeverShowInErrors() {
        try (Eloquent db = boot()) {
            item(db, "one");
            attempt("a where value the model cannot cast", () -> db.query(KitItem.class).where("quantity", SECRET).count());
            attempt("a where value the database cannot compare", () -> db.table(TABLE).where("quantity", SECRET).get());
            attempt("a where value in a list", () -> db.table(TABLE).whereIn("day", List.of(SECRET, "x")).get());
            attempt("a where value on an unknown column", () -> db.table(TABLE).where("no_such_column", SECRET).get());
            if (db.connections().connection(target().connection()).supports(Capability.RAW_SQL)) {
                RuntimeException raw = attempt("a raw where", () -> db.table(TABLE)
                        .whereRaw("quantity = CAST(? AS INTEGER) AND no_such_column = ?", SECRET, SECRET).get());
                assertNotNull(raw, "an unknown column in raw SQL fails");
            }
        }
    }

    @Test
    default void valuesTheOrmRefusesNeverShowInErrors() {
        try (Eloquent db = boot()) {
            for (String column : List.of("quantity", "big", "active", "price", "ratio", "meta", "day", "seen_at", "token")) {
                RuntimeException error = attempt("set " + column, () -> db.make(KitItem.class).set(column, SECRET));
                assertNotNull(error, column + " refuses the text");
            }
            assertNotNull(attempt("too long for the model", () -> db.create(KitItem.class, Map.of("name", SECRET.repeat(5)))));
        }
    }

    @Test
    default void aTransactionThatRollsBackAfterAFailedStatementNeverShowsItsValues() {
        try (Eloquent db = boot()) {
            assumeCapability(db, Capability.TRANSACTIONS);
            freshEvents(db);
            db.create(KitEvent.class, Map.of("code", SECRET));
            RuntimeException error = attempt("rollback-only transaction", () -> db.transaction(target().connection(), () -> {
                attempt("the failed statement", () -> db.table(EVENTS).insert(row("code", SECRET, "label", SECRET)));
                return null;
            }));
            assertNotNull(error, "the transaction reports the failure");
        }
    }
}
