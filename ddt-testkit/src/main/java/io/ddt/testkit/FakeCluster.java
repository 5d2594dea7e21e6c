package io.ddt.testkit;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.bson.BsonTimestamp;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import io.ddt.testkit.internal.server.CommandRouter;
import io.ddt.testkit.internal.server.FakeMember;
import io.ddt.testkit.internal.server.ServerSettings;
import io.ddt.testkit.internal.server.WireServer;

/**
 * An in-process MongoDB replica-set member that the real driver talks to over loopback. It
 * presents itself as the primary of a one-member replica set of MongoDB 7.0 (configurable), and
 * keeps an oplog in the real format: per-collection UUIDs, {@code $v:2} update diffs, DDL
 * entries, transactions as {@code applyOps}, periodic no-ops, capped by size. Tailable awaitData
 * cursors, fail points ({@code configureFailPoint}/{@code failCommand}), stop and restart on the
 * same port with the data kept, and dropped connections let tests exercise the failure paths.
 *
 * <pre>{@code
 * try (FakeCluster source = FakeCluster.start()) {
 *     source.client().getDatabase("shop").getCollection("orders").insertOne(new Document("_id", 1));
 * }
 * }</pre>
 *
 * <p>Beside the engine, each collection has an ordered {@code _id} index holding the stored
 * documents' bytes: finds, counts and {@code $sample}s whose filter looks only at {@code _id}
 * (sorted by {@code _id} or not at all) are answered from it in MongoDB's order and comparison
 * semantics, batch by batch, at the cost of the range read rather than of a scan; everything
 * else goes to the engine.
 *
 * <p>Thread-safe. Storage is mongo-java-server's memory backend; what it cannot do (text and
 * geo queries, collation, real transaction isolation) the fake does not pretend to do.
 * {@link #close()} stops the member, closes the shared client and frees the port; it is
 * idempotent.
 */
public final class FakeCluster implements TestCluster {

    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final FakeMember member;
    private final CommandRouter router;
    private final WireServer server;
    private final ScheduledExecutorService noopWriter;
    private final ServerSettings settings;
    private MongoClient client;
    private boolean closed;

    private FakeCluster(Builder builder) {
        String name = builder.replicaSetName + "-" + INSTANCES.incrementAndGet();
        this.member = new FakeMember(builder.oplogSizeBytes);
        ServerSettings requested = new ServerSettings("127.0.0.1", builder.port, builder.replicaSetName,
            builder.serverVersion, builder.oplogSizeBytes, builder.noopInterval.toMillis(), builder.transactionOpsPerEntry);
        this.router = new CommandRouter(member, requested);
        this.server = new WireServer(router, name);
        try {
            this.settings = requested.withPort(server.start(requested.host(), requested.port()));
        } catch (RuntimeException e) {
            member.close();
            throw e;
        }
        router.settings(settings);
        this.noopWriter = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ddt-fake-" + name + "-noop");
            thread.setDaemon(true);
            return thread;
        });
        long interval = builder.noopInterval.toMillis();
        noopWriter.scheduleWithFixedDelay(() -> member.noopIfIdle(interval), interval, interval, TimeUnit.MILLISECONDS);
    }

    /** Starts a member with the defaults of {@link Builder}. */
    public static FakeCluster start() {
        return builder().start();
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String connectionString() {
        return "mongodb://" + settings.hostAndPort() + "/?replicaSet=" + settings.replicaSetName();
    }

    @Override
    public synchronized MongoClient client() {
        if (closed) {
            throw new IllegalStateException("FakeCluster " + settings.hostAndPort() + " is closed");
        }
        if (client == null) {
            client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(connectionString())).build());
        }
        return client;
    }

    @Override
    public String serverVersion() {
        return settings.serverVersion();
    }

    /** The port this member listens on; it stays the same across {@link #restart()}. */
    public int port() {
        return settings.port();
    }

    /** Stops listening and closes every connection, keeping the data and the oplog. */
    public void stop() {
        member.restarted();
        server.stop();
    }

    /** Starts listening again on the same port, after {@link #stop()}, with the data kept. */
    public synchronized void restart() {
        if (server.running()) {
            return;
        }
        router.restarted();
        server.start(settings.host(), settings.port());
    }

    public boolean isRunning() {
        return server.running();
    }

    /** Closes every open client connection, as a network fault would; new ones are accepted. */
    public void dropConnections() {
        server.dropConnections();
    }

    /** Removes every oplog entry older than {@code ts}, as if the capped oplog had rolled over. */
    public void truncateOplogBefore(BsonTimestamp ts) {
        member.oplog().truncateBefore(ts);
    }

    /** The newest oplog timestamp (time zero before the first write). */
    public BsonTimestamp lastOplogTimestamp() {
        return member.lastTimestamp();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (client != null) {
            client.close();
        }
        noopWriter.shutdownNow();
        server.stop();
        member.close();
    }

    @Override
    public String toString() {
        return "FakeCluster[" + settings.replicaSetName() + "@" + settings.hostAndPort() + ", MongoDB " + settings.serverVersion() + "]";
    }

    /**
     * Settings of a fake member. Defaults: replica set {@code rs0}, a free port, MongoDB
     * {@code 7.0.14}, a 256 MiB oplog, a no-op every 10 seconds when idle, and transactions
     * logged as a single {@code applyOps} entry.
     */
    public static final class Builder {
        private String replicaSetName = "rs0";
        private int port;
        private String serverVersion = "7.0.14";
        private long oplogSizeBytes = 256L * 1024 * 1024;
        private Duration noopInterval = Duration.ofSeconds(10);
        private int transactionOpsPerEntry = Integer.MAX_VALUE;

        private Builder() {
        }

        public Builder replicaSetName(String name) {
            if (name == null || name.isBlank() || !name.matches("[A-Za-z0-9_-]+")) {
                throw new IllegalArgumentException("replicaSetName must be letters, digits, '_' or '-', not '" + name + "'");
            }
            this.replicaSetName = name;
            return this;
        }

        /** The port to listen on; 0 (the default) picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0 to 65535, not " + port);
            }
            this.port = port;
            return this;
        }

        /** The version presented in {@code hello} and {@code buildInfo}: 4.2 to 8.0. */
        public Builder serverVersion(String version) {
            if (version == null || !version.matches("(4\\.[24]|[5-8]\\.\\d+)(\\.\\d+)?")) {
                throw new IllegalArgumentException("serverVersion must be a MongoDB version from 4.2 to 8.0, such as 7.0.14, not '" + version + "'");
            }
            this.serverVersion = version;
            return this;
        }

        /** The oplog's cap in bytes; the oldest entries are trimmed past it. */
        public Builder oplogSizeBytes(long bytes) {
            if (bytes < 1024) {
                throw new IllegalArgumentException("oplogSizeBytes must be at least 1024, not " + bytes);
            }
            this.oplogSizeBytes = bytes;
            return this;
        }

        /** How long the member may be idle before it writes a periodic no-op. */
        public Builder noopInterval(Duration interval) {
            if (interval == null || interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("noopInterval must be positive, not " + interval);
            }
            this.noopInterval = interval;
            return this;
        }

        /**
         * The most operations one transaction entry holds; a larger transaction is logged as a
         * chain of {@code partialTxn} entries, as a real member logs one over 16 MB.
         */
        public Builder transactionOperationsPerEntry(int operations) {
            if (operations < 1) {
                throw new IllegalArgumentException("transactionOperationsPerEntry must be at least 1, not " + operations);
            }
            this.transactionOpsPerEntry = operations;
            return this;
        }

        public FakeCluster start() {
            return new FakeCluster(this);
        }
    }
}
