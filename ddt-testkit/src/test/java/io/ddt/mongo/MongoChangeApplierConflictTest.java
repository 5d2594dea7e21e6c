package io.ddt.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;

import io.ddt.ApplySettings;
import io.ddt.ApplySettings.ConflictPolicy;
import io.ddt.ConflictException;
import io.ddt.Namespace;
import io.ddt.event.ChangeEvent;
import io.ddt.event.Insert;
import io.ddt.testkit.Cluster;
import io.ddt.testkit.Clusters;
import io.ddt.testkit.FakeCluster;

/**
 * Duplicate keys on a unique secondary index: those that applying out of order causes go away
 * when retried in order; those that stay follow the conflict policy.
 */
@Clusters
class MongoChangeApplierConflictTest {

    static final Namespace USERS = Namespace.of("app", "users");

    @Cluster
    FakeCluster target;

    final ChangeScript script = new ChangeScript();

    MongoCollection<BsonDocument> users() {
        return target.client().getDatabase(USERS.database()).getCollection(USERS.collection(), BsonDocument.class);
    }

    static BsonDocument user(int id, String email) {
        return new BsonDocument("_id", new BsonInt32(id)).append("email", new BsonString(email));
    }

    static BsonDocument email(String email) {
        return new BsonDocument("email", new BsonString(email));
    }

    @BeforeEach
    void uniqueEmails() {
        users().createIndex(Indexes.ascending("email"), new IndexOptions().unique(true));
    }

    MongoChangeApplier applier(ConflictPolicy policy) {
        return MongoChangeApplier.builder(target.client())
            .settings(ApplySettings.builder().threads(8).conflictPolicy(policy).build()).build();
    }

    @Test
    void documentsSwappingAUniqueValueEndSwappedWithoutAConflict() throws InterruptedException {
        List<BsonDocument> before = new ArrayList<>();
        List<ChangeEvent> swaps = new ArrayList<>();
        for (int pair = 0; pair < 20; pair++) {
            int a = 2 * pair;
            int b = a + 1;
            before.add(user(a, "a" + pair));
            before.add(user(b, "b" + pair));
            swaps.add(script.set(USERS, new BsonInt32(a), email("moving" + pair)));
            swaps.add(script.set(USERS, new BsonInt32(b), email("a" + pair)));
            swaps.add(script.set(USERS, new BsonInt32(a), email("b" + pair)));
        }
        users().insertMany(before);
        // the first update waits, so that the other workers run ahead of its worker
        FailCommand.slowDown(target, "update", 1, 500);
        try (MongoChangeApplier applier = applier(ConflictPolicy.FAIL)) {
            applier.apply(script.batch(swaps));
            applier.flush();
            assertThat(applier.conflicts()).isZero();
            assertThat(applier.eventsApplied()).isEqualTo(60);
        }
        for (int pair = 0; pair < 20; pair++) {
            assertThat(users().find(Filters.eq("_id", 2 * pair)).first()).isEqualTo(user(2 * pair, "b" + pair));
            assertThat(users().find(Filters.eq("_id", 2 * pair + 1)).first()).isEqualTo(user(2 * pair + 1, "a" + pair));
        }
    }

    @Test
    void aValueFreedByADeleteThatRunsLateIsTakenWithoutAConflict() throws InterruptedException {
        List<ChangeEvent> events = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            users().insertOne(user(i, "e" + i));
            events.add(script.delete(USERS, new BsonInt32(i)));
            events.add(script.insert(USERS, user(100 + i, "e" + i)));
        }
        FailCommand.slowDown(target, "delete", 1, 500);
        try (MongoChangeApplier applier = applier(ConflictPolicy.FAIL)) {
            applier.apply(script.batch(events));
            applier.flush();
        }
        assertThat(users().find().sort(Sorts.ascending("_id")).map(d -> d.getInt32("_id").getValue()).into(new ArrayList<>()))
            .hasSize(20).allMatch(id -> id >= 100);
    }

    /** Someone else's document on the target holds the email a replayed insert brings. */
    Insert clashingInsert() {
        users().insertOne(user(99, "taken"));
        return script.insert(USERS, user(1, "taken"));
    }

    @Test
    void aRealDuplicateFailsUnderTheFailPolicyNamingNamespaceKeyAndPosition() throws InterruptedException {
        Insert clash = clashingInsert();
        try (MongoChangeApplier applier = applier(ConflictPolicy.FAIL)) {
            applier.apply(script.batch(clash));
            assertThatThrownBy(applier::flush).isInstanceOf(ConflictException.class)
                .hasMessageContaining("app.users").hasMessageContaining("{\"_id\": 1}")
                .hasMessageContaining(clash.position().toString()).hasMessageNotContaining("taken");
            assertThatThrownBy(() -> applier.apply(script.batch(script.insert(USERS, user(2, "free")))))
                .isInstanceOf(ConflictException.class);
            assertThat(applier.watermark()).isEmpty();
        }
        assertThat(users().countDocuments()).isEqualTo(1);
    }

    @Test
    void aRealDuplicateIsLeftOutAndCountedUnderTheSkipPolicy() throws InterruptedException {
        Insert clash = clashingInsert();
        try (MongoChangeApplier applier = applier(ConflictPolicy.SKIP)) {
            applier.apply(script.batch(clash, script.insert(USERS, user(2, "free"))));
            applier.flush();
            assertThat(applier.conflicts()).isEqualTo(1);
            assertThat(applier.eventsApplied()).isEqualTo(1);
        }
        assertThat(users().find().sort(Sorts.ascending("_id")).into(new ArrayList<>()))
            .containsExactly(user(2, "free"), user(99, "taken"));
    }

    @Test
    void aRealDuplicateIsRecordedInTheConflictCollectionUnderTheRecordPolicy() throws InterruptedException {
        Insert clash = clashingInsert();
        try (MongoChangeApplier applier = applier(ConflictPolicy.RECORD)) {
            applier.apply(script.batch(clash));
            applier.flush();
            assertThat(applier.conflicts()).isEqualTo(1);
        }
        List<BsonDocument> records = target.client().getDatabase("ddt").getCollection("conflicts", BsonDocument.class)
            .find().into(new ArrayList<>());
        assertThat(records).hasSize(1);
        BsonDocument record = records.get(0);
        assertThat(record.getString("ns").getValue()).isEqualTo("app.users");
        assertThat(record.getDocument("documentKey")).isEqualTo(ChangeScript.key(1));
        assertThat(record.getDocument("position")).isEqualTo(clash.position().toBson());
        assertThat(record.getString("error").getValue()).contains("11000");
        assertThat(record.getDocument("event")).isEqualTo(new BsonDocument("op", new BsonString("insert"))
            .append("document", user(1, "taken")));
        assertThat(users().countDocuments()).isEqualTo(1);
    }
}
