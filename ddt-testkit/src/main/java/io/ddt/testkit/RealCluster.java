package io.ddt.testkit;

import java.util.Objects;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * A real single-member MongoDB replica set ({@value #REPLICA_SET_NAME}) in a Docker container,
 * through Testcontainers, so that a test written against {@link TestCluster} can also run
 * against the real server:
 *
 * <pre>{@code
 * @RequiresDocker
 * class CopyAgainstRealServerTest {
 *     static RealCluster source;
 *
 *     @BeforeAll
 *     static void start() {
 *         source = RealCluster.start();
 *     }
 *
 *     @AfterAll
 *     static void stop() {
 *         source.close();
 *     }
 * }
 * }</pre>
 *
 * <p>Docker is needed. Where it is absent {@link #start()} fails with an
 * {@link IllegalStateException}; guard such tests with {@link RequiresDocker}, or
 * {@code Assumptions.assumeTrue(RealCluster.dockerAvailable())}, so they are skipped instead.
 *
 * <p>Thread-safe. {@link #close()} closes the client and removes the container; it is idempotent.
 */
public final class RealCluster implements TestCluster {

    /** The image {@link #start()} runs. */
    public static final String DEFAULT_IMAGE = "mongo:7.0";

    /** The replica set name Testcontainers' {@code MongoDBContainer} initiates. */
    public static final String REPLICA_SET_NAME = "docker-rs";

    private static final int MONGODB_PORT = 27017;

    private final Object lock = new Object();
    private final MongoDBContainer container;
    private final String connectionString;
    private MongoClient client;
    private String serverVersion;
    private boolean closed;

    private RealCluster(MongoDBContainer container) {
        this.container = container;
        this.connectionString = connectionString(container.getHost(), container.getMappedPort(MONGODB_PORT));
    }

    /**
     * Starts a replica set from {@value #DEFAULT_IMAGE} and waits until its member is primary.
     *
     * @return the running cluster; close it when done
     * @throws IllegalStateException if Docker is not available or the container fails to start
     */
    public static RealCluster start() {
        return start(DEFAULT_IMAGE);
    }

    /**
     * Starts a replica set from the given image and waits until its member is primary.
     *
     * @param image a MongoDB image such as {@code "mongo:8.0"} or
     *     {@code "mongodb/mongodb-community-server:7.0-ubuntu2204"}
     * @return the running cluster; close it when done
     * @throws IllegalStateException if Docker is not available or the container fails to start
     */
    public static RealCluster start(String image) {
        Objects.requireNonNull(image, "image");
        if (!dockerAvailable()) {
            throw new IllegalStateException("Docker is not available, so RealCluster cannot start " + image
                    + ". Annotate the test with @RequiresDocker (or @EnabledIf / "
                    + "Assumptions.assumeTrue(RealCluster.dockerAvailable())) so that it is skipped where Docker is absent.");
        }
        // Any MongoDB image will do; Testcontainers otherwise accepts only the official "mongo".
        MongoDBContainer container = new MongoDBContainer(DockerImageName.parse(image).asCompatibleSubstituteFor("mongo"));
        // Test commands let the conformance suites use configureFailPoint, as on the fake.
        container.withCommand("--replSet", REPLICA_SET_NAME, "--setParameter", "enableTestCommands=1");
        try {
            container.start();
            return new RealCluster(container);
        } catch (RuntimeException e) {
            stopQuietly(container, e);
            throw new IllegalStateException("Could not start a MongoDB replica set from " + image + ": " + e.getMessage(), e);
        }
    }

    private static void stopQuietly(MongoDBContainer container, RuntimeException failure) {
        try {
            container.stop();
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    /**
     * Tells whether a Docker daemon answers. The first call in a JVM takes a fraction of a
     * second; Testcontainers remembers the answer.
     *
     * @return {@code true} if containers can be started
     */
    public static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            // A broken Docker configuration means no Docker for our purposes, not a test error.
            return false;
        }
    }

    /**
     * Builds the connection string for a member reached through a mapped port. The member
     * knows itself by the container's host name, which the host cannot resolve, so discovery
     * through the replica set's host list would fail: {@code directConnection=true} keeps the
     * driver on the address given, and {@code replicaSet} still makes it check the set name.
     */
    static String connectionString(String host, int port) {
        return "mongodb://" + host + ":" + port + "/?replicaSet=" + REPLICA_SET_NAME + "&directConnection=true";
    }

    @Override
    public String connectionString() {
        return connectionString;
    }

    @Override
    public MongoClient client() {
        synchronized (lock) {
            requireOpen();
            if (client == null) {
                client = MongoClients.create(connectionString);
            }
            return client;
        }
    }

    @Override
    public String serverVersion() {
        synchronized (lock) {
            if (serverVersion == null) {
                BsonDocument buildInfo = client().getDatabase("admin")
                        .runCommand(new BsonDocument("buildInfo", new BsonInt32(1)), BsonDocument.class);
                serverVersion = buildInfo.getString("version").getValue();
            }
            return serverVersion;
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("This RealCluster is closed; start a new one.");
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            try {
                if (client != null) {
                    client.close();
                }
            } finally {
                container.stop();
            }
        }
    }

    @Override
    public String toString() {
        return "RealCluster[" + connectionString + "]";
    }
}
