package dev.eloquent.benchmarks;

import dev.eloquent.benchmarks.Models.ParentRow;
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

/** 1,000 parents with 10 children each: the ORM's with("children") against the same two queries by hand. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(1)
public class EagerBenchmark {
    @Param({"sqlite"})
    public String db;

    @Param({"jdbcIndex", "orm"})
    public String contender;

    private SqlContender subject;

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
    public List<ParentRow> eager1000x10() {
        return subject.parentsWithChildren();
    }
}
