package dev.eloquent.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback TCP proxy in front of a real database server that can freeze: once {@link #freeze()} is
 * called it keeps every connection open but forwards nothing more, in either direction, as a network
 * that stops delivering packets does. Listens on 127.0.0.1 only, forwards only to the one target given,
 * and holds at most {@value #MAX_CONNECTIONS} connections; {@link #close()} releases everything.
 */
public final class FreezingProxy implements AutoCloseable {
    private static final int MAX_CONNECTIONS = 32;

    private final ServerSocket listener;
    private final InetSocketAddress target;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile boolean frozen;

    public FreezingProxy(String targetHost, int targetPort) throws IOException {
        this.target = new InetSocketAddress(targetHost, targetPort);
        this.listener = new ServerSocket(0, MAX_CONNECTIONS, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "freezing-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** From now on no byte passes; connections stay open, so clients wait for replies that never come. */
    public void freeze() {
        frozen = true;
    }

    private void accept() {
        try {
            while (!listener.isClosed()) {
                Socket client = listener.accept();
                if (sockets.size() >= 2 * MAX_CONNECTIONS) {
                    client.close();
                    continue;
                }
                Socket server = new Socket();
                server.connect(target, 5_000);
                sockets.add(client);
                sockets.add(server);
                pump(client, server, "freezing-proxy-up");
                pump(server, client, "freezing-proxy-down");
            }
        } catch (IOException closed) {
            // close() closed the listener (or the target refused): the proxy stops accepting.
            return;
        }
    }

    private void pump(Socket from, Socket to, String name) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[8_192];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    while (frozen && !from.isClosed()) {
                        // Hold the bytes: a frozen network delivers nothing, and the sender sees no error.
                        Thread.sleep(50);
                    }
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException | InterruptedException ended) {
                // The other side or close() ended the connection: this direction is done.
                return;
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket socket : sockets) {
            socket.close();
        }
    }
}
