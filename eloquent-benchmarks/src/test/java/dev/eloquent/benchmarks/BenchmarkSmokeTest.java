package dev.eloquent.benchmarks;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * CI smoke: every benchmark, every contender, one short measured iteration in this JVM (forks 0), so the
 * suite keeps compiling and running. Asserts nothing about time. SQLite only unless
 * {@code -Dbench.dbs=sqlite,pg,mysql}; the cursor runs on a 5,000-row table here (the 64 MB, 1,000,000-row
 * run is scripts/bench's).
 */
class BenchmarkSmokeTest {
    static List<Target> targets() {
        return Arrays.stream(System.getProperty("bench.dbs", "sqlite").split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).map(Target::of).toList();
    }

    @Test
    void everyBenchmarkRunsOnce() throws RunnerException {
        String[] dbs = targets().stream().map(t -> t.name().toLowerCase(java.util.Locale.ROOT)).toArray(String[]::new);
        Options options = new OptionsBuilder()
                .include(SqlReadBenchmark.class.getSimpleName())
                .include(SqlWriteBenchmark.class.getSimpleName())
                .include(EagerBenchmark.class.getSimpleName())
                .include(CursorBenchmark.class.getSimpleName())
                .include(MongoBenchmark.class.getSimpleName())
                .param("db", dbs)
                .param("rows", "5000")
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(100))
                .shouldFailOnError(true)
                .build();
        Collection<RunResult> results = new Runner(options).run();
        // 3 reads x 6 + 2 writes x 4 + eager 2 + cursor 2, per database; Mongo 2 x 2.
        assertEquals(dbs.length * (18 + 8 + 2 + 2) + 4, results.size());
    }
}
