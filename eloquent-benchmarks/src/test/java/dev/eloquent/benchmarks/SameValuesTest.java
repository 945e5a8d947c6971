package dev.eloquent.benchmarks;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.eloquent.benchmarks.Models.ChildRow;
import dev.eloquent.benchmarks.Models.MongoRow;
import dev.eloquent.benchmarks.Models.ParentRow;
import dev.eloquent.benchmarks.Models.UserRow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Before anything is timed: every contender reads identical values for every workload (on SQLite; on
 * PostgreSQL and MariaDB too when {@code -Dbench.dbs=sqlite,pg,mysql}). Decimals are compared by value:
 * the ORM widens them to the declared scale, JDBC returns what the driver stores (12.5 for 12.50 on SQLite).
 */
class SameValuesTest {
    static final List<String> READERS = List.of("jdbcIndex", "jdbcName", "jdbi", "hibernateStateless",
            "hibernateStateful", "orm");

    @BeforeAll
    static void data() {
        for (Target target : BenchmarkSmokeTest.targets()) {
            Fixture.prepare(target);
        }
    }

    private static UserRow normal(UserRow r) {
        return r == null ? null : new UserRow(r.id(), r.name(), r.email(), r.age(), r.active(),
                r.balance() == null ? null : r.balance().setScale(2, java.math.RoundingMode.UNNECESSARY));
    }

    private static List<UserRow> normal(List<UserRow> rows) {
        return rows.stream().map(SameValuesTest::normal).toList();
    }

    @Test
    void everyContenderReadsTheSameUsers() {
        for (Target target : BenchmarkSmokeTest.targets()) {
            UserRow expected = new UserRow(42, "user-42", "user-42@example.com", 18 + 42 % 60, false,
                    new BigDecimal("15.54"));
            List<UserRow> reference;
            try (SqlContender jdbc = SqlContender.open("jdbcIndex", target)) {
                reference = normal(jdbc.all());
            }
            assertEquals(Fixture.USERS, reference.size());
            for (String name : READERS) {
                try (SqlContender contender = SqlContender.open(name, target)) {
                    String where = target + "/" + name;
                    assertEquals(expected, normal(contender.find(42)), where + " find");
                    assertEquals(reference.subList(4_999, 5_099), normal(contender.range(5_000, 100)), where + " range");
                    assertEquals(reference, normal(contender.all()), where + " all");
                }
            }
        }
    }

    @Test
    void theOrmsEagerLoadReadsWhatTheTwoHandWrittenQueriesRead() {
        for (Target target : BenchmarkSmokeTest.targets()) {
            List<ParentRow> jdbc;
            List<ParentRow> orm;
            try (SqlContender c = SqlContender.open("jdbcIndex", target)) {
                jdbc = c.parentsWithChildren();
            }
            try (SqlContender c = SqlContender.open("orm", target)) {
                java.util.concurrent.atomic.AtomicInteger statements = new java.util.concurrent.atomic.AtomicInteger();
                ((OrmContender) c).db().listen(event -> statements.incrementAndGet());
                orm = c.parentsWithChildren();
                // K+1 with one relation: the parents, then the children of all of them (as by hand).
                assertEquals(2, statements.get(), target + ": statements of the eager load");
            }
            assertEquals(Fixture.PARENTS, jdbc.size());
            assertEquals(Fixture.CHILDREN_EACH, jdbc.get(0).children().size());
            assertEquals(sorted(jdbc), sorted(orm), target.toString());
        }
    }

    private static List<ParentRow> sorted(List<ParentRow> parents) {
        return parents.stream().map(p -> new ParentRow(p.id(), p.name(),
                p.children().stream().sorted(Comparator.comparingLong(ChildRow::id)).toList())).toList();
    }

    @Test
    void everyWriterInsertsTheSameRowsAndTheCursorsAgree() {
        for (Target target : BenchmarkSmokeTest.targets()) {
            Fixture.prepareBig(target, 5_000);
            long expectedSum;
            try (SqlContender jdbc = SqlContender.open("jdbcIndex", target);
                 SqlContender orm = SqlContender.open("orm", target)) {
                expectedSum = jdbc.cursorSum();
                assertEquals(expectedSum, orm.cursorSum(), target + " cursor");
            }
            List<SqlContender.NewUser> rows = Fixture.newUsers(50);
            for (String name : List.of("jdbcIndex", "jdbi", "hibernateStateless", "orm")) {
                Fixture.clearInserts(target);
                try (SqlContender contender = SqlContender.open(name, target)) {
                    contender.insert(rows);
                    assertEquals(1, contender.update(7, 30), name + " update");
                }
                try (SqlContender orm = SqlContender.open("orm", target)) {
                    var stored = ((OrmContender) orm).db().query(Models.Insert.class).orderBy("id").get();
                    assertEquals(rows.size(), stored.size(), target + "/" + name + " insert");
                    for (int i = 0; i < rows.size(); i++) {
                        SqlContender.NewUser row = rows.get(i);
                        var model = stored.get(i);
                        assertEquals(row.name(), model.getString("name"));
                        assertEquals(row.age(), model.getInteger("age"));
                        assertEquals(row.active(), model.getBoolean("active"));
                        assertEquals(0, row.balance().compareTo(model.getDecimal("balance")));
                    }
                    assertEquals(30, orm.find(7).age());
                }
            }
            Fixture.clearInserts(target);
            try (SqlContender jdbc = SqlContender.open("jdbcIndex", target)) {
                jdbc.update(7, 18 + 7 % 60);
            }
        }
    }

    @Test
    void theOrmAndTheRawMongoDriverReadTheSameDocuments() {
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        try {
            String uri = "mongodb://127.0.0.1:" + server.getLocalAddress().getPort();
            MongoContender.prepare(uri);
            try (MongoContender raw = MongoContender.open("raw", uri); MongoContender orm = MongoContender.open("orm", uri)) {
                MongoRow one = raw.find(42);
                assertNotNull(one);
                assertEquals(new MongoRow(42, "user-42", "user-42@example.com", 18 + 42 % 60, false), one);
                assertEquals(one, orm.find(42));
                List<MongoRow> range = raw.range(5_000, 100);
                assertEquals(100, range.size());
                assertEquals(range, orm.range(5_000, 100));
            }
        } finally {
            server.shutdownNow();
        }
    }
}
