package io.ddt.testkit;

import com.mongodb.client.MongoClient;

/**
 * A MongoDB replica set that a test talks to through the real driver: either an in-process
 * {@link FakeCluster} or a {@link RealCluster} in a container. Tests written against this
 * interface run unchanged on both.
 *
 * <p>Implementations are thread-safe. {@link #close()} stops the cluster and closes the client
 * returned by {@link #client()}; it is idempotent.
 */
public interface TestCluster extends AutoCloseable {

    /**
     * Returns a connection string the driver accepts, naming the replica set, for example
     * {@code mongodb://127.0.0.1:40123/?replicaSet=rs0}. It holds no credentials.
     *
     * @return the connection string of this cluster
     */
    String connectionString();

    /**
     * Returns a client connected to this cluster, created on first use and shared by every
     * caller; do not close it, {@link #close()} does.
     *
     * @return the shared client
     */
    MongoClient client();

    /**
     * Returns the MongoDB version this cluster presents, such as {@code "7.0.14"}.
     *
     * @return the server version
     */
    String serverVersion();

    /** Stops the cluster and releases its resources. Calling it again does nothing. */
    @Override
    void close();
}
