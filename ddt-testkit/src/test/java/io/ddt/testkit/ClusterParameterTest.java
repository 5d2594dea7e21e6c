package io.ddt.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.bson.BsonDocument;
import org.bson.BsonTimestamp;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.mongodb.client.MongoCollection;

/**
 * Clusters injected into a constructor and into test methods; no {@code @Clusters} is needed
 * for parameters. The tests run in order so that later ones can look at what earlier ones left.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterParameterTest {

    /** Clusters of the first test; static because every test has an instance of its own. */
    private static FakeCluster firstFromConstructor;
    private static TestCluster firstFromMethod;

    private final FakeCluster fromConstructor;

    ClusterParameterTest(@Cluster FakeCluster fromConstructor) {
        this.fromConstructor = fromConstructor;
    }

    @Test
    @Order(1)
    void injectsADistinctClusterIntoEveryParameter(@Cluster FakeCluster plain, @Cluster(replicaSet = "other") TestCluster other) {
        orders(fromConstructor).insertOne(BsonDocument.parse("{_id: 1}"));
        orders(other).insertOne(BsonDocument.parse("{_id: 1}"));
        firstFromConstructor = fromConstructor;
        firstFromMethod = other;

        assertThat(plain.port()).isNotEqualTo(fromConstructor.port());
        assertThat(other.connectionString()).endsWith("replicaSet=other").doesNotContain(":" + plain.port() + "/");
        assertThat(orders(plain).countDocuments()).isZero();
    }

    @Test
    @Order(2)
    void closesParameterClustersAfterTheirTest() {
        assertThat(fromConstructor).isNotSameAs(firstFromConstructor);
        assertThat(orders(fromConstructor).countDocuments()).isZero();
        assertThatThrownBy(firstFromConstructor::client).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThatThrownBy(firstFromMethod::client).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    @Test
    @Order(3)
    void passesTheNoopIntervalToTheCluster(@Cluster(noopIntervalMillis = 20) FakeCluster idle) throws InterruptedException {
        BsonTimestamp start = idle.lastOplogTimestamp();
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (idle.lastOplogTimestamp().equals(start) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }

        assertThat(idle.lastOplogTimestamp()).isGreaterThan(start);
    }

    private static MongoCollection<BsonDocument> orders(TestCluster cluster) {
        return cluster.client().getDatabase("shop").getCollection("orders", BsonDocument.class);
    }
}
