package io.ddt.testkit.internal.server;

import org.bson.BsonArray;
import org.bson.BsonDocument;

/** Opens change stream cursors: {@code aggregate} whose first stage is {@code $changeStream}. */
final class ChangeStreams {

    private final FakeMember member;

    ChangeStreams(FakeMember member) {
        this.member = member;
    }

    boolean isChangeStream(BsonDocument command) {
        BsonArray pipeline = command.getArray("pipeline", new BsonArray());
        return !pipeline.isEmpty() && pipeline.get(0).isDocument() && pipeline.get(0).asDocument().containsKey("$changeStream");
    }

    BsonDocument open(String database, BsonDocument command) {
        throw CommandException.notImplemented("change streams are not yet served by " + member.getClass().getSimpleName());
    }
}
