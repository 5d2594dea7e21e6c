package io.ddt.testkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoException;
import com.mongodb.MongoSocketException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

/** MongoDB's own failCommand fail point, as tests written for a real server use it. */
abstract class FaultConformance extends ConformanceSupport {

    @AfterEach
    void failPointOff() {
        admin().runCommand(new Document("configureFailPoint", "failCommand").append("mode", "off"));
    }

    MongoDatabase admin() {
        return client().getDatabase("admin");
    }

    void failCommand(Object mode, Document data) {
        admin().runCommand(new Document("configureFailPoint", "failCommand").append("mode", mode).append("data", data));
    }

    @Test
    void retryableErrorIsRetriedByTheDriverAndWritesOnce() {
        MongoCollection<Document> coll = freshDatabase().getCollection("c");
        failCommand(new Document("times", 1), new Document("failCommands", List.of("insert")).append("errorCode", 91)
            .append("errorLabels", List.of("RetryableWriteError")));
        coll.insertOne(doc("_id", 1));
        assertThat(coll.countDocuments()).isEqualTo(1);
    }

    @Test
    void retryableCodeOnAWriteIsLabelledAndRetriedWithoutBeingAsked() {
        MongoCollection<Document> coll = freshDatabase().getCollection("c");
        failCommand(new Document("times", 1), new Document("failCommands", List.of("insert")).append("errorCode", 10107));
        coll.insertOne(doc("_id", 1));
        assertThat(coll.countDocuments()).isEqualTo(1);
    }

    @Test
    void nonRetryableErrorReachesTheCallerTheSetNumberOfTimes() {
        MongoCollection<Document> coll = freshDatabase().getCollection("c");
        coll.insertOne(doc("_id", 0));
        failCommand(new Document("times", 2), new Document("failCommands", List.of("find")).append("errorCode", 2));
        assertThatThrownBy(() -> coll.find().first()).isInstanceOf(MongoCommandException.class)
            .satisfies(e -> assertThat(((MongoCommandException) e).getErrorCode()).isEqualTo(2));
        assertThatThrownBy(() -> coll.find().first()).isInstanceOf(MongoCommandException.class);
        assertThat(coll.find().first()).isEqualTo(doc("_id", 0));
    }

    @Test
    void closeConnectionDropsTheSocketAndTheNextCallWorks() {
        MongoCollection<Document> coll = freshDatabase().getCollection("c");
        coll.insertOne(doc("_id", 0));
        failCommand(new Document("times", 1), new Document("failCommands", List.of("find")).append("closeConnection", true));
        assertThat(coll.find().first()).as("a read retried once by the driver").isEqualTo(doc("_id", 0));
        failCommand(new Document("times", 2), new Document("failCommands", List.of("find")).append("closeConnection", true));
        assertThatThrownBy(() -> coll.find().first()).isInstanceOf(MongoSocketException.class);
        assertThat(coll.find().first()).isEqualTo(doc("_id", 0));
    }

    @Test
    void blockConnectionDelaysTheCommand() {
        MongoCollection<Document> coll = freshDatabase().getCollection("c");
        failCommand(new Document("times", 1), new Document("failCommands", List.of("find")).append("blockConnection", true)
            .append("blockTimeMS", 300));
        long start = System.nanoTime();
        coll.find().first();
        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(290);
    }

    @Test
    void alwaysOnFailsUntilTurnedOff() {
        MongoCollection<Document> coll = freshDatabase().getCollection("c");
        failCommand("alwaysOn", new Document("failCommands", List.of("find")).append("errorCode", 8000));
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> coll.find().first()).isInstanceOf(MongoException.class);
        }
        failPointOff();
        assertThat(coll.find().first()).isNull();
    }

    @Test
    void malformedFailPointIsRejectedWithAClearMessage() {
        assertThatThrownBy(() -> failCommand(new Document("times", 1), new Document("errorCode", 2)))
            .isInstanceOf(MongoCommandException.class).hasMessageContaining("failCommands");
        assertThatThrownBy(() -> failCommand("sometimes", new Document("failCommands", List.of("find")).append("errorCode", 2)))
            .isInstanceOf(MongoCommandException.class).hasMessageContaining("mode");
    }
}
