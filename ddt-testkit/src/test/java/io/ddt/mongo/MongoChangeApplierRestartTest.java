package io.ddt.mongo;

import static org.assertj.core.api.Assertions.assertThat;


import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;

import io.ddt.ApplySettings;
import io.ddt.Namespace;
import io.ddt.spi.ChangeApplier;
import io.ddt.testkit.Cluster;
import io.ddt.testkit.Clusters;
import io.ddt.testkit.FakeCluster;

/**
 * What a restart of the applier relies on: a close that lets the write already sent finish, so
 * that no old write lands after a new applier replayed past it.
 */
@Clusters
class MongoChangeApplierRestartTest {

    static final Namespace A = Namespace.of("app", "a");

    @Cluster
    FakeCluster target;

    final ChangeScript script = new ChangeScript();

    MongoCollection<BsonDocument> collection(Namespace ns) {
        return target.client().getDatabase(ns.database()).getCollection(ns.collection(), BsonDocument.class);
    }

    MongoChangeApplier applier() {
        return MongoChangeApplier.builder(target.client()).settings(ApplySettings.builder().threads(4).build()).build();
    }

    static BsonDocument doc(int id) {
        return new BsonDocument("_id", new BsonInt32(id));
    }

    @Test
    void closeLetsTheWriteAlreadySentFinishBeforeItReturns() throws InterruptedException {
        FailCommand.slowDown(target, "update", 1, 600);
        ChangeApplier applier = applier();
        applier.apply(script.batch(script.insert(A, doc(1))));
        Thread.sleep(150);
        applier.close();
        // Interrupted mid-command, the driver gives up while the server still runs the write:
        // it would land after close returned, under a new applier's replay.
        assertThat(collection(A).find(Filters.eq("_id", 1)).first()).isNotNull();
        assertThat(applier.watermark()).isPresent();
    }
}
