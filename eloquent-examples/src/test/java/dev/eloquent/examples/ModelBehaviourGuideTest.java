package dev.eloquent.examples;

import dev.eloquent.api.Env;
import dev.eloquent.orm.Eloquent;
import dev.eloquent.orm.MassAssignmentException;
import dev.eloquent.orm.Model;
import dev.eloquent.orm.ModelEvent;
import dev.eloquent.orm.ModelObserver;
import dev.eloquent.orm.SaveCancelledException;
import dev.eloquent.orm.Schema;
import dev.eloquent.orm.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The examples of docs/model-behaviour.md (mass assignment, dirty tracking, timestamps, events), compiled
 * and run on SQLite, the stored rows read back through plain JDBC: every {@code tag::name[]} region is
 * quoted verbatim in the page ({@link GuideSnippetsTest} fails when the two differ).
 */
class ModelBehaviourGuideTest {
    private static final Clock FIXED = Clock.fixed(Instant.parse("2024-05-01T10:00:00Z"), ZoneOffset.UTC);

    // tag::member-model[]
    @Table("members")
    public static final class Member extends Model<Member> {
        private static final Schema SCHEMA = Schema.of(t -> {
            t.increments("id");
            t.string("name", 100);
            t.string("email", 100).nullable();
            t.bool("admin").defaultValue(false);
            t.integer("credits").defaultValue(0);
            t.timestamp("joined_at").nullable();     // the created timestamp, renamed
            t.timestamp("updated_at").nullable();
        });

        @Override
        public Schema schema() {
            return SCHEMA;
        }

        /** What fill, create, firstOrCreate and updateOrCreate may set; admin is not among them. */
        @Override
        protected Set<String> fillable() {
            return Set.of("name", "email", "credits");
        }

        @Override
        protected String createdAtColumn() {
            return "joined_at";
        }
    }
    // end::member-model[]

    // tag::observer[]
    /** Writes an audit line for each member created, and refuses to delete admins. */
    public static final class MemberObserver implements ModelObserver<Member> {
        final List<String> audit = new ArrayList<>();

        @Override
        public void created(Member member) {
            audit.add("created " + member.getKey());
        }

        @Override
        public boolean deleting(Member member) {
            return !member.getBoolean("admin");
        }
    }
    // end::observer[]

    @TempDir
    Path folder;

    private Path file() {
        return folder.resolve("behaviour.sqlite");
    }

    private Eloquent boot(boolean strict) {
        Eloquent db = Eloquent.builder()
                .env(Env.of(Map.of("DB_CONNECTION", "sqlite", "SQLITE_PATH", file().toString())))
                .clock(FIXED).preventSilentlyDiscardingAttributes(strict)
                .register(Member.class, Member::new).boot();
        db.createTables(Member.class);
        return db;
    }

    /** The rows of members as SQLite's own JDBC driver returns them, by id: the second path. */
    private List<Map<String, Object>> rawMembers() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file());
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select * from members order by id")) {
            List<Map<String, Object>> all = new ArrayList<>();
            while (rows.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                    row.put(rows.getMetaData().getColumnLabel(i), rows.getObject(i));
                }
                all.add(row);
            }
            return all;
        }
    }

    @Test
    void massAssignment() throws SQLException {
        try (Eloquent db = boot(false)) {
            // tag::mass-assignment[]
            Member ann = db.create(Member.class, Map.of("name", "Ann", "credits", 5, "admin", true));
            boolean admin = ann.getBoolean("admin");         // false: admin is not fillable, so it was dropped
            ann.set("admin", true).save();                   // set(...) and forceFill(...) are not mass assignment
            // end::mass-assignment[]
            assertFalse(admin);
            assertEquals(1, ((Number) rawMembers().get(0).get("admin")).intValue());
            assertEquals(5, ((Number) rawMembers().get(0).get("credits")).intValue());
            assertEquals("2024-05-01 10:00:00", String.valueOf(rawMembers().get(0).get("joined_at")).replace('T', ' ').substring(0, 19),
                    "the created timestamp is written under its new name");
        }
        try (Eloquent db = boot(true)) {
            // tag::strict[]
            // booted with Eloquent.builder().preventSilentlyDiscardingAttributes(true)
            MassAssignmentException refused = assertThrows(MassAssignmentException.class,
                    () -> db.create(Member.class, Map.of("name", "Bob", "admin", true)));
            // "Member: [admin] is not mass assignable; add it to fillable() or set it with set(...) or forceFill(...)"
            // end::strict[]
            assertTrue(refused.getMessage().contains("Member: [admin] is not mass assignable"), refused.getMessage());
            assertEquals(1, rawMembers().size(), "nothing written for Bob");
        }
    }

    @Test
    void dirtyTracking() throws SQLException {
        try (Eloquent db = boot(false)) {
            Member ann = db.create(Member.class, Map.of("name", "Ann", "credits", 5));
            // tag::dirty-tracking[]
            ann.set("name", "Anne");
            boolean dirty = ann.isDirty("name");                     // true
            Object before = ann.getOriginal("name");                 // "Ann", as stored
            ann.save();                                              // UPDATE members SET name = ?, updated_at = ?
            boolean changed = ann.wasChanged("name");                // true
            Set<String> written = ann.getChanges().keySet();         // [name, updated_at]
            Member copy = ann.replicate();                           // unsaved, without id and timestamps
            Optional<Member> asStored = ann.fresh();                 // a new instance read now
            // end::dirty-tracking[]
            assertTrue(dirty);
            assertEquals("Ann", before);
            assertTrue(changed);
            assertEquals(Set.of("name", "updated_at"), written);
            assertFalse(copy.exists());
            assertNull(copy.getKey());
            assertEquals("Anne", copy.getString("name"));
            assertEquals("Anne", asStored.orElseThrow().getString("name"));
            assertEquals("Anne", rawMembers().get(0).get("name"));
        }
    }

    @Test
    void eventsAndObservers() throws SQLException {
        try (Eloquent db = boot(false)) {
            List<String> names = new ArrayList<>();
            MemberObserver observer = new MemberObserver();
            // tag::events[]
            db.on(Member.class, ModelEvent.RETRIEVED, member -> names.add(member.getString("name")));
            db.onCancellable(Member.class, ModelEvent.CREATING, member -> !member.getString("name").isBlank());
            db.observe(Member.class, observer);
            // end::events[]
            Member ann = db.create(Member.class, Map.of("name", "Ann"));
            Member boss = db.make(Member.class).set("name", "Boss").set("admin", true).save();
            // tag::cancelling[]
            assertThrows(SaveCancelledException.class, () -> db.create(Member.class, Map.of("name", " ")));
            boolean saved = db.make(Member.class).set("name", "").trySave();   // false: nothing written
            boolean deleted = boss.delete();                                    // false: the observer refused
            // end::cancelling[]
            assertFalse(saved);
            assertFalse(deleted);
            assertEquals(List.of("created " + ann.getKey(), "created " + boss.getKey()), observer.audit);
            db.query(Member.class).orderBy("id").get();
            assertEquals(List.of("Ann", "Boss"), names);
            assertEquals(2, rawMembers().size());
            // tag::quiet[]
            Member quiet = db.make(Member.class).set("name", "Quiet").saveQuietly();     // no event, no audit line
            db.withoutEvents(() -> boss.delete());                                       // the observer is not asked
            // end::quiet[]
            assertEquals(2, observer.audit.size());
            assertTrue(quiet.exists());
            assertEquals(List.of("Ann", "Quiet"), rawMembers().stream().map(row -> row.get("name")).toList());
        }
    }
}
