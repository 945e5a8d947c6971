package dev.eloquent.driver.mongo;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * Where the tests find a MongoDB: {@code MONGO_TEST_URI} (or {@code MONGO_URI}) from the environment
 * when set, so the same tests run against a real server; otherwise an in-process MongoDB wire-protocol
 * server (mongo-java-server, in memory) on a random loopback port, reached over a real socket by the
 * real Java driver.
 */
final class MongoTestServer implements AutoCloseable {
    private final MongoServer server;
    private final String uri;

    private MongoTestServer(MongoServer server, String uri) {
        this.server = server;
        this.uri = uri;
    }

    static MongoTestServer start() {
        Optional<String> real = fromEnvironment();
        if (real.isPresent()) {
            return new MongoTestServer(null, real.get());
        }
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        return new MongoTestServer(server, "mongodb://127.0.0.1:" + address.getPort());
    }

    static Optional<String> fromEnvironment() {
        for (String key : new String[]{"MONGO_TEST_URI", "MONGO_URI"}) {
            String value = System.getenv(key);
            if (value != null && !value.isBlank()) {
                return Optional.of(value.trim());
            }
        }
        return Optional.empty();
    }

    /** The connection string of the server; never print it, it may carry credentials. */
    String uri() {
        return uri;
    }

    boolean inProcess() {
        return server != null;
    }

    @Override
    public void close() {
        if (server != null) {
            server.shutdownNow();
        }
    }
}
