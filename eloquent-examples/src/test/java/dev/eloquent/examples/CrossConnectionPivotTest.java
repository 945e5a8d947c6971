package dev.eloquent.examples;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.eloquent.api.Env;
import dev.eloquent.orm.BelongsToMany;
import dev.eloquent.orm.Connection;
import dev.eloquent.orm.Eloquent;
import dev.eloquent.orm.MongoModel;
import dev.eloquent.orm.Schema;
import dev.eloquent.orm.SqlModel;
import dev.eloquent.orm.Table;
import dev.eloquent.testkit.StatementCounter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * belongsToMany across connections: students on SQLite with the {@code course_student} pivot (the parent's
 * connection holds it), courses on MongoDB. No join can span the two, so every read is the pivot first,
 * then the courses by key; each statement is counted on the connection that receives it.
 */
class CrossConnectionPivotTest {
    @Table("students")
    @Connection("sqlite")
    public static final class Student extends SqlModel<Student> {
        @Override
        public Schema schema() {
            return Schema.of(t -> {
                t.increments("id");
                t.string("name", 40);
            });
        }

        public BelongsToMany<Student, Course> courses() {
            return belongsToMany(Course.class).withPivot("grade");
        }
    }

    @Table("courses")
    @Connection("mongo")
    public static final class Course extends MongoModel<Course> {
        @Override
        public Schema schema() {
            return Schema.of(t -> {
                t.increments("id");
                t.string("title", 40);
            });
        }
    }

    private static MongoServer server;

    @TempDir
    Path folder;

    @BeforeAll
    static void startMongo() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
    }

    @AfterAll
    static void stopMongo() {
        server.shutdownNow();
    }

    private Eloquent boot() {
        Eloquent db = Eloquent.builder().env(Env.of(Map.of("DB_CONNECTION", "sqlite",
                        "SQLITE_PATH", folder.resolve("school.sqlite").toString(),
                        "MONGO_URI", "mongodb://127.0.0.1:" + server.getLocalAddress().getPort(),
                        "MONGO_DB", "school_" + System.nanoTime())))
                .register(Student.class, Student::new).register(Course.class, Course::new).boot();
        db.createTables(Student.class, Course.class);
        db.schema("sqlite").create("course_student", t -> {
            t.integer("course_id");
            t.integer("student_id");
            t.integer("grade").nullable();
            t.primary("course_id", "student_id");
        });
        for (String name : List.of("Ann", "Bob", "Cid")) {
            db.create(Student.class, Map.of("name", name));
        }
        for (String title : List.of("Algebra", "Biology", "Chemistry")) {
            db.create(Course.class, Map.of("title", title));
        }
        return db;
    }

    private static Student student(Eloquent db, String name) {
        return db.query(Student.class).where("name", name).firstOrFail();
    }

    private static long course(Eloquent db, String title) {
        return ((Number) db.query(Course.class).where("title", title).firstOrFail().get("id")).longValue();
    }

    private static List<String> titles(List<Course> courses) {
        return courses.stream().map(c -> c.getString("title")).toList();
    }

    @Test
    void thePivotOnTheParentsConnectionAndTheRelatedRowsOnAnother() {
        try (Eloquent db = boot()) {
            long algebra = course(db, "Algebra");
            long biology = course(db, "Biology");
            long chemistry = course(db, "Chemistry");
            student(db, "Ann").courses().attach(List.of(algebra, chemistry), Map.of("grade", 2));
            student(db, "Bob").courses().sync(Map.of(biology, Map.of("grade", 1)));
            assertEquals(3L, db.on("sqlite").table("course_student").count(), "the pivot is on SQLite");

            StatementCounter sqlite = StatementCounter.on(db, "sqlite");
            StatementCounter mongo = StatementCounter.on(db, "mongo");
            Student ann = student(db, "Ann");
            sqlite.take();
            List<Course> courses = ann.courses().orderBy("title").get();
            assertEquals(List.of("Algebra", "Chemistry"), titles(courses));
            assertEquals(2L, ((Number) courses.get(0).pivot().get("grade")).longValue());
            assertEquals(List.of(1, 1), List.of(sqlite.take(), mongo.take()), "the pivot, then the courses");

            List<Student> students = db.query(Student.class).with("courses").orderBy("name").get();
            assertEquals(List.of(2, 1), List.of(sqlite.take(), mongo.take()), "students and pivot, then courses");
            Map<String, List<String>> byStudent = new TreeMap<>();
            students.forEach(s -> byStudent.put(s.getString("name"), titles(s.related(Student::courses)).stream().sorted().toList()));
            assertEquals(Map.of("Ann", List.of("Algebra", "Chemistry"), "Bob", List.of("Biology"), "Cid", List.of()), byStudent);

            List<Student> chemists = db.query(Student.class).whereHas("courses", q -> q.where("title", "Chemistry")).get();
            assertEquals(List.of("Ann"), chemists.stream().map(s -> s.getString("name")).toList());
            assertEquals(List.of(1, 1), List.of(sqlite.take(), mongo.take()),
                    "the courses first, then the students with the pivot as a subquery");
            List<Student> loners = db.query(Student.class).doesntHave("courses").get();
            assertEquals(List.of("Cid"), loners.stream().map(s -> s.getString("name")).toList());

            Map<String, Long> counts = new TreeMap<>();
            db.query(Student.class).withCount("courses").get()
                    .forEach(s -> counts.put(s.getString("name"), s.getLong("courses_count")));
            assertEquals(Map.of("Ann", 2L, "Bob", 1L, "Cid", 0L), counts);

            assertEquals(1, ann.courses().detach(algebra));
            assertEquals(List.of("Chemistry"), titles(ann.courses().get()));
        }
    }
}
