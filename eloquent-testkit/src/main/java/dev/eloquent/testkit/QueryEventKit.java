package dev.eloquent.testkit;

import dev.eloquent.api.Capability;
import dev.eloquent.api.ConnectionName;
import dev.eloquent.api.QueryEvent;
import dev.eloquent.api.QueryListener;
import dev.eloquent.orm.Eloquent;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static dev.eloquent.testkit.MusicStore.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every statement reaches the listeners registered on {@code Eloquent} with its connection, text,
 * duration and row count; bound values only for a listener that asks for them; never a value in the
 * text. Slow statements are logged at WARNING to {@code dev.eloquent.queries}.
 */
public interface QueryEventKit extends StoreSupport {
    /** A value that must never appear in a statement's text or a log line. */
    String MARKER = "kit-event-marker-7f3a";

    /** A listener that keeps every event, asking for bound values or not. */
    final class Recorder implements QueryListener {
        final List<QueryEvent> events = new CopyOnWriteArrayList<>();
        private final boolean bindings;

        public Recorder(boolean bindings) {
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

        /** The last event from position {@code mark} on whose text names the table. */
        QueryEvent last(int mark, String table) {
            List<QueryEvent> about = events.subList(mark, events.size()).stream()
                    .filter(e -> e.statement().contains(table)).toList();
            assertFalse(about.isEmpty(), () -> "no statement about " + table + " among " + events.subList(mark, events.size()));
            return about.get(about.size() - 1);
        }
    }

    @Test
    default void everyStatementReachesTheListenersWithConnectionTextDurationAndRows() {
        try (MusicStore store = openStore()) {
            Eloquent db = store.db();
            Recorder first = new Recorder(false);
            Recorder second = new Recorder(false);
            db.listen(first);
            db.listen(second);
            ConnectionName twin = ConnectionName.parse(store.connection() + "_test");

            assertEquals(3, db.query(Track.class).where("genre_id", store.genre("Blues")).get().size());
            assertEquals(1, first.events.size(), "one statement for one get(): " + first.events);
            QueryEvent read = first.events.get(0);
            assertEquals(twin, read.connection());
            assertTrue(read.statement().contains("tracks"), read.statement());
            assertNotNull(read.duration());
            assertFalse(read.duration().isNegative());
            assertEquals(3, read.rows());

            // A write may take helper statements (a key counter); its own statement comes last and names its table.
            int mark = first.events.size();
            db.query(Track.class).where("genre_id", store.genre("Blues")).update(Map.of("plays", 1));
            assertEquals(3, first.last(mark, "tracks").rows(), "the update's affected rows");
            mark = first.events.size();
            db.query(Genre.class).insert(List.of(row("name", "Funk"), row("name", "Soul")));
            assertEquals(2, first.last(mark, "genres").rows(), "the insert's rows");
            mark = first.events.size();
            db.query(Genre.class).where("name", "Soul").delete();
            assertEquals(1, first.last(mark, "genres").rows(), "the delete's rows");
            assertEquals(first.events, second.events, "every listener sees every statement");
            for (QueryEvent event : first.events) {
                assertEquals(twin, event.connection());
                assertEquals(List.of(), event.bindings(), "no values unless asked for");
            }
        }
    }

    @Test
    default void valuesReachOnlyAListenerThatAsksAndNeverTheText() {
        try (MusicStore store = openStore()) {
            Eloquent db = store.db();
            Recorder plain = new Recorder(false);
            Recorder withValues = new Recorder(true);
            db.listen(plain);
            db.listen(withValues);
            db.query(Genre.class).insert(row("name", MARKER));
            assertEquals(1, db.query(Genre.class).where("name", MARKER).count());
            db.query(Genre.class).where("name", MARKER).update(Map.of("description", MARKER));
            db.table("genres").whereIn("name", List.of(MARKER, "Jazz")).delete();

            assertTrue(plain.events.size() >= 4, plain.events.toString());
            for (QueryEvent event : plain.events) {
                assertEquals(List.of(), event.bindings());
                assertFalse(event.statement().contains(MARKER), "a value in the text: " + event.statement());
                assertFalse(event.toString().contains(MARKER), "a value in toString: " + event);
            }
            assertEquals(plain.events.size(), withValues.events.size());
            for (QueryEvent event : withValues.events) {
                assertFalse(event.statement().contains(MARKER), "a value in the text: " + event.statement());
            }
            // Each of the four statements bound the marker; the listener that asked sees it.
            assertTrue(withValues.events.stream().filter(e -> e.bindings().contains(MARKER)).count() >= 4,
                    "the listener asked for values: " + withValues.events.stream().map(QueryEvent::bindings).toList());
            assertEquals(5, store.raw().rows("genres").size());
        }
    }

    @Test
    default void listenersHearConnectionsOpenedBeforeAndAfterThem() {
        try (MusicStore store = openStore()) {
            Eloquent db = store.db();
            assertEquals(23, db.query(Track.class).count());
            Recorder late = new Recorder(false);
            db.listen(late);
            assertEquals(6, db.query(Genre.class).count());
            assertEquals(1, late.events.size());
            assertTrue(late.events.get(0).statement().contains("genres"), late.events.get(0).statement());

            // And one registered before any connection is open hears the connections opened later.
            try (Eloquent fresh = Eloquent.builder().env(target().env()).testMode().register(Genre.class, Genre::new).boot()) {
                Recorder early = new Recorder(false);
                fresh.listen(early);
                assertEquals(6, fresh.query(Genre.class).count());
                assertEquals(1, early.events.size());
                assertEquals(ConnectionName.parse(store.connection() + "_test"), early.events.get(0).connection());
            }
        }
    }

    @Test
    default void rawStatementsAreEventsToo() {
        try (MusicStore store = openStore()) {
            Eloquent db = store.db();
            assumeCapability(db, Capability.RAW_SQL);
            Recorder recorder = new Recorder(true);
            db.listen(recorder);
            db.on(store.connection()).select("select name from genres where name = ?", MARKER);
            db.on(store.connection()).statement("update genres set description = ? where name = ?", MARKER, "Jazz");
            assertEquals(2, recorder.events.size());
            assertEquals("select name from genres where name = ?", recorder.events.get(0).statement());
            assertEquals(List.of(MARKER), recorder.events.get(0).bindings());
            assertEquals(1, recorder.events.get(1).rows());
        }
    }

    @Test
    default void statementsSlowerThanTheThresholdAreLoggedAtWarningWithoutValues() {
        // The default System.Logger writes to java.util.logging; another logging backend gets the same
        // records, but this case can only read them through java.util.logging.
        String finder = System.LoggerFinder.getLoggerFinder().getClass().getModule().getName();
        Assumptions.assumeTrue("java.logging".equals(finder) || "java.base".equals(finder),
                () -> "skipped: System.Logger is bound to " + System.LoggerFinder.getLoggerFinder().getClass().getName()
                        + ", not java.util.logging");
        Logger logger = Logger.getLogger("dev.eloquent.queries");
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Level level = logger.getLevel();
        logger.addHandler(handler);
        try (MusicStore store = openStore(builder -> builder.slowQueryThreshold(Duration.ZERO))) {
            Eloquent db = store.db();
            records.clear();
            logger.setLevel(Level.ALL);
            assertEquals(0, db.query(Genre.class).where("name", MARKER).count());
            List<String> warnings = new ArrayList<>();
            for (LogRecord record : records) {
                String text = new java.util.logging.SimpleFormatter().formatMessage(record);
                assertFalse(text.contains(MARKER), "a value in the log: " + text);
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    warnings.add(text);
                }
            }
            assertEquals(1, warnings.size(), "the one statement, slower than zero: " + warnings);
            assertTrue(warnings.get(0).contains("genres"), warnings.get(0));

            // Below the threshold a statement is logged at DEBUG only.
            try (Eloquent patient = Eloquent.builder().env(target().env()).testMode().slowQueryThreshold(Duration.ofHours(1))
                    .register(Genre.class, Genre::new).boot()) {
                records.clear();
                assertEquals(1, patient.query(Genre.class).where("name", MARKER).orWhere("name", "Jazz").count());
                List<LogRecord> debug = records.stream().filter(r -> r.getLevel().intValue() < Level.INFO.intValue()
                        && new java.util.logging.SimpleFormatter().formatMessage(r).contains("genres")).toList();
                assertEquals(1, debug.size(), "one DEBUG line for the statement: " + records.size() + " records");
                assertTrue(records.stream().noneMatch(r -> r.getLevel().intValue() >= Level.WARNING.intValue()),
                        "nothing slower than an hour");
                assertTrue(records.stream().noneMatch(r -> new java.util.logging.SimpleFormatter().formatMessage(r)
                        .contains(MARKER)), "no value in the log");
            }
        } finally {
            logger.removeHandler(handler);
            logger.setLevel(level);
        }
    }
}
