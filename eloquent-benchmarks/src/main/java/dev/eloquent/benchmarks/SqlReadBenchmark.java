package dev.eloquent.benchmarks;

import dev.eloquent.benchmarks.Models.UserRow;
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

/** Reads on bench_users (10,000 rows): by key, 100 rows by a key range, all 10,000 rows. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(1)
public class SqlReadBenchmark {
    @Param({"sqlite"})
    public String db;

    @Param({"jdbcIndex", "jdbcName", "jdbi", "hibernateStateless", "hibernateStateful", "orm"})
    public String contender;

    private SqlContender subject;
    private long key;
    private long from;

    @Setup(Level.Trial)
    public void setUp() {
        Target target = Target.of(db);
        Fixture.prepare(target);
        subject = SqlContender.open(contender, target);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        subject.close();
    }

    @Benchmark
    public UserRow findByKey() {
        key = key % Fixture.USERS + 1;
        return subject.find(key);
    }

    @Benchmark
    public List<UserRow> read100() {
        from = (from + 100) % (Fixture.USERS - 100);
        return subject.range(from + 1, 100);
    }

    @Benchmark
    public List<UserRow> read10000() {
        return subject.all();
    }
}
