package io.ddt.mongo;

import java.util.List;

import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;

import io.ddt.testkit.TestCluster;

/** MongoDB's {@code failCommand} fail point, set on a test cluster for the next few commands of one name. */
final class FailCommand {

    private FailCommand() {
    }

    /** The next {@code times} commands named {@code command} suffer what {@code data} says. */
    static void next(TestCluster cluster, String command, int times, BsonDocument data) {
        cluster.client().getDatabase("admin").runCommand(new BsonDocument("configureFailPoint", new BsonString("failCommand"))
            .append("mode", new BsonDocument("times", new BsonInt32(times)))
            .append("data", data.clone().append("failCommands", new BsonArray(List.of(new BsonString(command))))));
    }

    /** The next {@code times} commands named {@code command} wait {@code millis} first, then run. */
    static void slowDown(TestCluster cluster, String command, int times, int millis) {
        next(cluster, command, times, new BsonDocument("blockConnection", BsonBoolean.TRUE).append("blockTimeMS", new BsonInt32(millis)));
    }
}
