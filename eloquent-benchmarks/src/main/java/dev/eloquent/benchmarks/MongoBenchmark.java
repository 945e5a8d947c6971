package dev.eloquent.benchmarks;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.eloquent.benchmarks.Models.MongoRow;
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

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The ORM against the raw driver on mongo-java-server (in memory, in this JVM, over a loopback socket, as
 * eloquent-driver-mongo's tests use it). The server's own cost is in both contenders' numbers and is large:
 * read these as the ORM's overhead over the driver, not as MongoDB's speed.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(1)
public class MongoBenchmark {
    @Param({"raw", "orm"})
    public String contender;

    private MongoServer server;
    private MongoContender subject;
    private long key;
    private long from;

    @Setup(Level.Trial)
    public void setUp() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        String uri = "mongodb://127.0.0.1:" + address.getPort();
        MongoContender.prepare(uri);
        subject = MongoContender.open(contender, uri);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        subject.close();
        server.shutdownNow();
    }

    @Benchmark
    public MongoRow mongoFindByKey() {
        key = key % Fixture.USERS + 1;
        return subject.find(key);
    }

    @Benchmark
    public List<MongoRow> mongoRead100() {
        from = (from + 100) % (Fixture.USERS - 100);
        return subject.range(from + 1, 100);
    }
}
