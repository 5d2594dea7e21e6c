package io.ddt.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.bson.BsonDocument;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import com.mongodb.client.ClientSession;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;

/** A large transaction is logged as a partialTxn chain, as a real member logs one over 16 MB. */
class FakeClusterTransactionsTest {

    @Test
    void largeTransactionIsLoggedAsAPartialTxnChain() {
        try (FakeCluster cluster = FakeCluster.builder().transactionOperationsPerEntry(2).start()) {
            MongoCollection<Document> coll = cluster.client().getDatabase("d").getCollection("c");
            coll.insertOne(new Document("_id", 0));
            try (ClientSession session = cluster.client().startSession()) {
                session.withTransaction(() -> {
                    for (int i = 1; i <= 5; i++) {
                        coll.insertOne(session, new Document("_id", i));
                    }
                    return null;
                });
            }
            List<BsonDocument> chain = cluster.client().getDatabase("local").getCollection("oplog.rs", BsonDocument.class)
                .find(Filters.eq("ns", "admin.$cmd")).into(new ArrayList<>());
            assertThat(chain).hasSize(3);
            assertThat(chain.get(0).getDocument("o").getBoolean("partialTxn").getValue()).isTrue();
            assertThat(chain.get(1).getDocument("o").getBoolean("partialTxn").getValue()).isTrue();
            assertThat(chain.get(2).getDocument("o").getInt32("count").getValue()).isEqualTo(5);
            assertThat(chain.get(1).getDocument("prevOpTime").get("ts")).isEqualTo(chain.get(0).get("ts"));
            assertThat(chain.get(2).getDocument("prevOpTime").get("ts")).isEqualTo(chain.get(1).get("ts"));
            assertThat(chain.get(0).getDocument("prevOpTime").getInt64("t").getValue()).isEqualTo(-1);
            assertThat(coll.countDocuments()).isEqualTo(6);
        }
    }
}
