package io.ddt.testkit.internal.server;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.bson.BsonDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fake member's socket side: a loopback listener and one thread per connection, so a
 * blocked command (awaitData, a blocking fail point) holds only its own connection, as on a
 * real server. Stopping closes the listener and every connection; the member's data stays.
 */
public final class WireServer {

    private static final Logger LOG = LoggerFactory.getLogger(WireServer.class);

    private final CommandRouter router;
    private final String name;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final Set<Thread> connectionThreads = ConcurrentHashMap.newKeySet();
    private final AtomicLong connectionIds = new AtomicLong();
    private final AtomicInteger threadIds = new AtomicInteger();
    private final AtomicInteger replyIds = new AtomicInteger();
    private volatile ServerSocket listener;

    public WireServer(CommandRouter router, String name) {
        this.router = router;
        this.name = name;
    }

    /** Binds to {@code host:port} (0: any free port) and starts accepting; returns the port. */
    public synchronized int start(String host, int port) {
        ServerSocket socket = null;
        try {
            socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(host), port), 128);
        } catch (BindException e) {
            closeQuietly(socket);
            throw new IllegalStateException("Cannot start fake cluster on " + host + ":" + port
                + ": the port is already in use. Choose another port or 0 for a free one.", e);
        } catch (IOException e) {
            closeQuietly(socket);
            throw new IllegalStateException("Cannot start fake cluster on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        listener = socket;
        Thread acceptor = new Thread(this::acceptLoop, "ddt-fake-" + name + "-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        return socket.getLocalPort();
    }

    private void acceptLoop() {
        ServerSocket socket = listener;
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                client.setTcpNoDelay(true);
                sockets.add(client);
                Thread thread = new Thread(() -> serve(client), "ddt-fake-" + name + "-conn-" + threadIds.incrementAndGet());
                thread.setDaemon(true);
                connectionThreads.add(thread);
                thread.start();
            } catch (IOException e) {
                if (!socket.isClosed()) {
                    LOG.warn("fake cluster {} stopped accepting: {}", name, e.toString());
                }
                return;
            }
        }
    }

    private void serve(Socket socket) {
        ConnectionState connection = new ConnectionState(connectionIds.incrementAndGet());
        try (InputStream in = new BufferedInputStream(socket.getInputStream());
             OutputStream out = new BufferedOutputStream(socket.getOutputStream())) {
            WireCodec.Request request;
            while ((request = WireCodec.read(in)) != null) {
                BsonDocument reply = router.handle(request.database(), request.command(), connection);
                WireCodec.writeReply(out, request, replyIds.incrementAndGet(), reply);
                out.flush();
            }
        } catch (CommandRouter.CloseConnection | SocketException e) {
            LOG.debug("connection {} closed: {}", connection.id(), e.getMessage());
        } catch (IOException e) {
            LOG.debug("connection {} failed: {}", connection.id(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            sockets.remove(socket);
            connectionThreads.remove(Thread.currentThread());
            closeQuietly(socket);
        }
    }

    /** Closes every open client connection; the listener keeps accepting new ones. */
    public void dropConnections() {
        for (Socket socket : sockets) {
            closeQuietly(socket);
        }
    }

    /** Stops listening and closes every connection. */
    public synchronized void stop() {
        ServerSocket socket = listener;
        if (socket == null) {
            return;
        }
        listener = null;
        router.stopping();
        closeQuietly(socket);
        dropConnections();
        // Threads blocked in a command (an awaited getMore, a blocking fail point) stop now.
        connectionThreads.forEach(Thread::interrupt);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (!sockets.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    public boolean running() {
        return listener != null;
    }

    private final class ConnectionState implements CommandRouter.Connection {
        private final long id;
        private volatile String appName;

        ConnectionState(long id) {
            this.id = id;
        }

        @Override
        public long id() {
            return id;
        }

        @Override
        public String appName() {
            return appName;
        }

        @Override
        public void appName(String value) {
            this.appName = value;
        }

    }

    private static void closeQuietly(java.io.Closeable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (IOException e) {
            LOG.trace("close failed", e);
        }
    }
}
