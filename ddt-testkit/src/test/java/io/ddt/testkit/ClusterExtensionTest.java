package io.ddt.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import com.mongodb.client.MongoCollection;

/**
 * A source shared by the class and a target per test, the way a user declares them. The tests
 * run in order: the first writes to both clusters, the next ones look at what is left.
 */
@Clusters
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterExtensionTest {

    @Cluster
    static FakeCluster source;

    @Cluster(replicaSet = "target", version = "6.0.5")
    TestCluster target;

    /** The first test's target; static because every test has an instance of its own. */
    private static TestCluster firstTarget;

    private static int sourceDocumentsAtBeforeAll = -1;

    @BeforeAll
    static void staticClustersRunBeforeBeforeAllMethods() {
        sourceDocumentsAtBeforeAll = (int) orders(source).countDocuments();
    }

    @BeforeEach
    void instanceClustersRunBeforeBeforeEachMethods() {
        assertThat(target).isNotNull();
        assertThat(target.client().getDatabase("admin").runCommand(new BsonDocument("ping", new BsonInt32(1)))).isNotNull();
    }

    @Test
    @Order(1)
    void writesReachBothClusters() {
        orders(source).insertOne(BsonDocument.parse("{_id: 1}"));
        orders(target).insertOne(BsonDocument.parse("{_id: 1}"));
        firstTarget = target;

        assertThat(sourceDocumentsAtBeforeAll).isZero();
        assertThat(orders(source).countDocuments()).isEqualTo(1);
        assertThat(orders(target).countDocuments()).isEqualTo(1);
    }

    @Test
    @Order(2)
    void staticClusterKeepsItsDataWhileTheInstanceClusterIsFresh() {
        assertThat(orders(source).countDocuments()).isEqualTo(1);
        assertThat(orders(target).countDocuments()).isZero();
        assertThat(target).isNotSameAs(firstTarget);
        assertThatThrownBy(firstTarget::client).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    @Test
    @Order(3)
    void annotationAttributesReachTheClusters() {
        BsonDocument hello = target.client().getDatabase("admin")
                .runCommand(new BsonDocument("hello", new BsonInt32(1)), BsonDocument.class);

        assertThat(hello.getString("setName").getValue()).isEqualTo("target");
        assertThat(target.serverVersion()).isEqualTo("6.0.5");
        assertThat(source.connectionString()).endsWith("replicaSet=rs0");
        assertThat(source.serverVersion()).isEqualTo("7.0.14");
        assertThat(target.connectionString()).isNotEqualTo(source.connectionString());
    }

    @Nested
    class InANestedClass {

        @Cluster
        static FakeCluster nestedSource;

        @Test
        void seesTheOuterStaticClusterRunning() {
            orders(source).insertOne(BsonDocument.parse("{_id: 'from nested'}"));

            assertThat(source.isRunning()).isTrue();
            assertThat(orders(source).countDocuments(BsonDocument.parse("{_id: 'from nested'}"))).isOne();
        }

        @Test
        void getsAFreshOuterInstanceClusterAndItsOwnStaticOne() {
            assertThat(orders(target).countDocuments()).isZero();
            assertThat(nestedSource).isNotNull().isNotSameAs(source);
            assertThat(nestedSource.port()).isNotEqualTo(source.port());
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    class WithOneInstanceForAllTests {

        @Cluster
        FakeCluster perTest;

        private FakeCluster fromFirstTest;

        @Test
        @Order(1)
        void writes() {
            orders(perTest).insertOne(BsonDocument.parse("{_id: 1}"));
            fromFirstTest = perTest;
        }

        @Test
        @Order(2)
        void stillGetsAFreshClusterForEveryTest() {
            assertThat(perTest).isNotSameAs(fromFirstTest);
            assertThat(orders(perTest).countDocuments()).isZero();
            assertThat(fromFirstTest.isRunning()).isFalse();
        }
    }

    private static MongoCollection<BsonDocument> orders(TestCluster cluster) {
        return cluster.client().getDatabase("shop").getCollection("orders", BsonDocument.class);
    }
}
