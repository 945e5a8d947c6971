package dev.eloquent.benchmarks;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Writes: 1,000 rows inserted in one transaction (JDBC and Jdbi batches, Hibernate's stateless inserts,
 * the ORM's saveMany), and one row updated by key. bench_inserts is emptied after every iteration.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(1)
public class SqlWriteBenchmark {
    @Param({"sqlite"})
    public String db;

    @Param({"jdbcIndex", "jdbi", "hibernateStateless", "orm"})
    public String contender;

    private Target target;
    private SqlContender subject;
    private List<SqlContender.NewUser> rows;
    private long key;

    @Setup(Level.Trial)
    public void setUp() {
        target = Target.of(db);
        Fixture.prepare(target);
        subject = SqlContender.open(contender, target);
        rows = Fixture.newUsers(1_000);
    }

    @TearDown(Level.Iteration)
    public void emptyInserts() {
        Fixture.clearInserts(target);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        subject.close();
    }

    @Benchmark
    public void insert1000() {
        subject.insert(rows);
    }

    @Benchmark
    public long updateByKey() {
        key = key % Fixture.USERS + 1;
        return subject.update(key, 18 + (int) (key % 60));
    }
}
