package io.ddt.testkit;

import static io.ddt.testkit.assertions.DdtAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

/**
 * Runs against a real replica set where Docker is present. Where it is absent, the whole class
 * must be reported skipped: run here, its test would fail, since {@code start()} throws.
 */
@RequiresDocker
class RealClusterOnDockerTest {

    @Test
    void startsAReplicaSetMemberTheDriverCanUse() {
        try (RealCluster cluster = RealCluster.start()) {
            MongoClient client = cluster.client();
            BsonDocument hello = client.getDatabase("admin")
                    .runCommand(BsonDocument.parse("{hello: 1}"), BsonDocument.class);
            MongoCollection<BsonDocument> orders = client.getDatabase("shop").getCollection("orders", BsonDocument.class);
            orders.insertOne(BsonDocument.parse("{_id: 1, qty: 2}"));

            assertThat(hello.getString("setName").getValue()).isEqualTo(RealCluster.REPLICA_SET_NAME);
            assertThat(hello.getBoolean("isWritablePrimary").getValue()).isTrue();
            assertThat(cluster.serverVersion()).startsWith("7.0.");
            assertThat(cluster).hasDocumentCount("shop.orders", 1).hasSameContentAs(cluster);
        }
    }

    @Test
    void closeClosesTheClientAndCanBeRepeated() {
        RealCluster cluster = RealCluster.start();
        MongoClient client = cluster.client();

        cluster.close();
        cluster.close();

        assertThatThrownBy(cluster::client).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> client.listDatabaseNames().first()).isInstanceOf(IllegalStateException.class);
    }
}
