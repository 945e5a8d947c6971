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

import java.util.concurrent.TimeUnit;

/**
 * Streams a 1,000,000-row table in a JVM with a 64 MB heap: completing at all is the point (a list of a
 * million models would not fit); the time is reported too. The CI smoke runs it on a small table in-process.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx64m")
public class CursorBenchmark {
    @Param({"sqlite"})
    public String db;

    @Param({"jdbcIndex", "orm"})
    public String contender;

    @Param({"1000000"})
    public int rows;

    private SqlContender subject;

    @Setup(Level.Trial)
    public void setUp() {
        Target target = Target.of(db);
        Fixture.prepareBig(target, rows);
        subject = SqlContender.open(contender, target);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        subject.close();
    }

    @Benchmark
    public long cursor() {
        return subject.cursorSum();
    }
}
