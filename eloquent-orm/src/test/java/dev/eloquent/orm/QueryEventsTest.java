package dev.eloquent.orm;

import dev.eloquent.api.ConnectionName;
import dev.eloquent.api.QueryEvent;
import dev.eloquent.api.QueryListener;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every statement of every connection reaches the listeners and the log; values only where asked for. */
class QueryEventsTest {
    private static final class Recording implements QueryListener {
        final List<QueryEvent> events = new ArrayList<>();
        private final boolean bindings;

        Recording(boolean bindings) {
            this.bindings = bindings;
        }

        @Override
        public void statement(QueryEvent event) {
            events.add(event);
        }

        @Override
        public boolean wantsBindings() {
            return bindings;
        }
    }

    @Test
    void listenersHearConnectionsOpenedBeforeAndAfterTheyRegister() {
        try (Fakes fakes = new Fakes()) {
            fakes.sql();
            Recording plain = new Recording(false);
            Recording withValues = new Recording(true);
            fakes.db.listen(plain);
            fakes.db.listen(withValues);
            fakes.db.table("tracks").where("name", "x").update(java.util.Map.of("name", "y"));
            fakes.db.on("docfake").table("tracks").get();
            assertEquals(2, plain.events.size());
            assertEquals("sqlfake", plain.events.get(0).connection().toString());
            assertEquals("docfake", plain.events.get(1).connection().toString());
            assertEquals(List.of(), plain.events.get(0).bindings(), "no values unless asked for");
            assertEquals(List.of("bound"), withValues.events.get(0).bindings());
        }
    }

    /** A System.Logger that keeps what it is given, at every level. */
    private static final class RecordingLogger implements System.Logger {
        final List<String> lines = new ArrayList<>();

        @Override
        public String getName() {
            return QueryLog.LOGGER_NAME;
        }

        @Override
        public boolean isLoggable(Level level) {
            return true;
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String message, Throwable thrown) {
            lines.add(level + " " + message);
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String format, Object... params) {
            lines.add(level + " " + format);
        }
    }

    @Test
    void statementsAreLoggedAtDebugAndSlowOnesAtWarningWithoutValues() {
        RecordingLogger logger = new RecordingLogger();
        QueryLog log = new QueryLog(logger, Duration.ofMillis(100));
        Recording listener = new Recording(true);
        log.add(listener);
        ConnectionName name = ConnectionName.parse("pg");
        log.statement(new QueryEvent(name, "select * from t where a = ?", List.of("secret-value"), Duration.ofMillis(3), 1));
        log.statement(new QueryEvent(name, "update t set a = ?", List.of("secret-value"), Duration.ofMillis(100), 2));
        assertEquals(List.of("DEBUG statement (3 ms, rows 1) on pg: select * from t where a = ?",
                "WARNING slow statement (100 ms, rows 2) on pg: update t set a = ?"), logger.lines);
        assertEquals(List.of("secret-value"), listener.events.get(0).bindings(), "the listener asked for values");

        QueryLog never = new QueryLog(logger, null);
        never.statement(new QueryEvent(name, "select 1", List.of(), Duration.ofHours(1), 1));
        assertTrue(logger.lines.get(2).startsWith("DEBUG"), "no threshold: never a warning");
    }

    @Test
    void everyEloquentLogsToTheQueriesLogger() {
        try (Fakes fakes = new Fakes(Duration.ofMillis(1))) {
            fakes.db.table("tracks").get(); // reaches System.getLogger("dev.eloquent.queries") without failing
            assertEquals(1, fakes.sql().queries().size());
        }
    }
}
