package io.ddt.testkit.assertions;

import java.util.Objects;

import com.mongodb.client.MongoClient;
import io.ddt.testkit.TestCluster;

/**
 * Entry point of the test kit's AssertJ-style assertions. Import statically, next to
 * AssertJ's own {@code assertThat}; the overloads do not clash:
 *
 * <pre>{@code
 * import static io.ddt.testkit.assertions.DdtAssertions.assertThat;
 *
 * assertThat(target).hasSameContentAs(source);
 * }</pre>
 *
 * <p>Stateless and thread-safe; each call returns a new assertion.
 */
public final class DdtAssertions {

    private DdtAssertions() {
    }

    /**
     * Starts assertions on the content of a test cluster.
     *
     * @param cluster the cluster to check, usually the target of a transfer
     * @return a new assertion on the cluster's shared client
     */
    public static ClusterAssert assertThat(TestCluster cluster) {
        Objects.requireNonNull(cluster, "cluster");
        return new ClusterAssert(cluster.client(), "target cluster " + cluster.connectionString());
    }

    /**
     * Starts assertions on the content of the cluster a client is connected to. Failure
     * messages call it "the target client", since a client's connection string may hold
     * credentials and is never printed.
     *
     * @param client a client of the cluster to check; it is not closed
     * @return a new assertion
     */
    public static ClusterAssert assertThat(MongoClient client) {
        return new ClusterAssert(client, "the target client");
    }
}
