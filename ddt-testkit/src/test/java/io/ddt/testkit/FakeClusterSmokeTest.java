package io.ddt.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.bson.BsonDocument;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Updates;
import com.mongodb.connection.ClusterType;
import com.mongodb.connection.ServerType;

class FakeClusterSmokeTest {

    @Test
    void driverSeesAPrimaryAndWritesReachTheOplog() {
        try (FakeCluster cluster = FakeCluster.start()) {
            MongoClient client = cluster.client();
            MongoCollection<Document> coll = client.getDatabase("shop").getCollection("orders");
            coll.insertOne(new Document("_id", 1).append("a", 1).append("b", new Document("c", 2)));
            coll.updateOne(new Document("_id", 1), Updates.set("b.c", 3));
            coll.deleteOne(new Document("_id", 1));
            assertThat(client.getClusterDescription().getType()).isEqualTo(ClusterType.REPLICA_SET);
            assertThat(client.getClusterDescription().getServerDescriptions().get(0).getType()).isEqualTo(ServerType.REPLICA_SET_PRIMARY);
            List<BsonDocument> oplog = client.getDatabase("local").getCollection("oplog.rs", BsonDocument.class)
                .find().into(new ArrayList<>());
            oplog.forEach(e -> System.out.println(e.toJson()));
            assertThat(oplog).extracting(e -> e.getString("op").getValue()).containsExactly("n", "c", "i", "u", "d");
        }
    }
}
