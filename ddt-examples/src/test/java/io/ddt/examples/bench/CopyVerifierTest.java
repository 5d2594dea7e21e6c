package io.ddt.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.RawBsonDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.mongodb.client.model.Updates;

import io.ddt.testkit.FakeCluster;

class CopyVerifierTest {

    static final CopyPlan PLAN = CopyPlan.of(400, 4);
    static FakeCluster source;
    static FakeCluster target;

    @BeforeAll
    static void fillBothClustersAlike() throws Exception {
        source = FakeCluster.start();
        target = FakeCluster.start();
        PLAN.fill(source.client(), 100, 1);
        PLAN.fill(target.client(), 100, 1);
    }

    @AfterAll
    static void stop() {
        source.close();
        target.close();
    }

    @Test
    void findsNothingWhenBothSidesHoldTheSameDocuments() {
        CopyVerifier.Result sample = new CopyVerifier(source.client(), target.client()).verify(PLAN, 50, false);
        CopyVerifier.Result all = new CopyVerifier(source.client(), target.client()).verify(PLAN, 50, true);

        assertThat(sample.problems()).isEmpty();
        assertThat(sample.compared()).isEqualTo(50 + 50 + 50 + 40);
        assertThat(all.problems()).isEmpty();
        assertThat(all.compared()).isEqualTo(400);
    }

    @Test
    void namesAMissingDocumentAndOneWhoseBytesDiffer() {
        CopyPlan.Part ints = PLAN.parts().get(0);
        CopyPlan.Part mixed = PLAN.parts().get(3);
        var intTarget = CopyPlan.collection(target.client(), ints);
        var mixedTarget = CopyPlan.collection(target.client(), mixed);
        RawBsonDocument removed = intTarget.findOneAndDelete(new BsonDocument("_id", new BsonInt32(0)));
        BsonDocument changedId = new BsonDocument("_id", CopyDocuments.id(mixed.kind(), 0));
        mixedTarget.updateOne(changedId, Updates.set("status", "lost"));
        try {
            CopyVerifier.Result result = new CopyVerifier(source.client(), target.client()).verify(PLAN, 50, false);

            assertThat(result.problems()).containsExactly(
                "c0_int: 160 planned, 160 on the source, 159 on the target",
                "c0_int {\"_id\": 0}: missing on the target",
                "c3_mixed {\"_id\": 0}: the target's bytes differ");
        } finally {
            intTarget.insertOne(removed);
            mixedTarget.deleteOne(changedId);
            mixedTarget.insertOne(CopyDocuments.document(mixed.kind(), 0));
        }
    }
}
