package io.ddt.testkit.internal.server;

import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonValue;

import io.ddt.testkit.internal.changestream.ChangeStreamOptions;
import io.ddt.testkit.internal.changestream.ResumeToken;

/**
 * Opens change stream cursors: {@code aggregate} whose first stage is {@code $changeStream}, on
 * a collection, a database ({@code aggregate: 1}) or the whole cluster
 * ({@code allChangesForCluster} on admin), from now, a resume token or an operation time.
 */
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
        BsonArray pipeline = command.getArray("pipeline");
        BsonDocument spec = pipeline.get(0).asDocument().getDocument("$changeStream");
        boolean expanded = spec.getBoolean("showExpandedEvents", BsonBoolean.FALSE).getValue();
        boolean raw = spec.getBoolean("showRawUpdateDescription", BsonBoolean.FALSE).getValue();
        String cursorNamespace;
        ChangeStreamOptions options;
        BsonValue target = command.get("aggregate");
        if (spec.getBoolean("allChangesForCluster", BsonBoolean.FALSE).getValue()) {
            if (!database.equals("admin") || target.isString()) {
                throw new CommandException(73, "InvalidNamespace", "$changeStream with allChangesForCluster must run on admin with aggregate: 1");
            }
            options = ChangeStreamOptions.cluster();
            cursorNamespace = "admin.$cmd.aggregate";
        } else if (!target.isString()) {
            if (database.equals("admin") || database.equals("local") || database.equals("config")) {
                throw new CommandException(73, "InvalidNamespace", "$changeStream may not be opened on the internal " + database + " database");
            }
            options = ChangeStreamOptions.database(database);
            cursorNamespace = database + ".$cmd.aggregate";
        } else {
            options = ChangeStreamOptions.collection(database, target.asString().getValue());
            cursorNamespace = database + "." + target.asString().getValue();
        }
        checkUnsupported(spec);
        ChangeStreamCursor cursor = cursor(spec, options.withExpandedEvents(expanded).withRawUpdateDescription(raw),
            cursorNamespace, pipeline);
        return member.cursors().open(cursor, command, true, 0);
    }

    private void checkUnsupported(BsonDocument spec) {
        BsonValue before = spec.get("fullDocumentBeforeChange");
        if (before != null && !before.equals(new BsonString("off"))) {
            throw CommandException.notImplemented("the fake cluster keeps no pre-images: fullDocumentBeforeChange must be 'off'");
        }
        String mode = spec.getString("fullDocument", new BsonString("default")).getValue();
        if (!mode.equals("default") && !mode.equals("updateLookup") && !mode.equals("whenAvailable") && !mode.equals("required")) {
            throw CommandException.badValue("unknown fullDocument mode '" + mode + "'");
        }
    }

    private ChangeStreamCursor cursor(BsonDocument spec, ChangeStreamOptions options, String namespace, BsonArray pipeline) {
        boolean lookup = spec.getString("fullDocument", new BsonString("default")).getValue().equals("updateLookup");
        ChangeStreamStages stages = new ChangeStreamStages(pipeline);
        BsonDocument token = spec.containsKey("startAfter") ? spec.getDocument("startAfter") : spec.getDocument("resumeAfter", null);
        if (token != null) {
            long ts;
            try {
                ts = ResumeToken.decode(token).clusterTime().getValue();
            } catch (RuntimeException e) {
                throw CommandException.badValue("malformed resume token " + token.toJson() + ": " + e.getMessage());
            }
            checkInOplog(ts);
            return new ChangeStreamCursor(member, namespace, options, token, ts, true, stages, lookup);
        }
        if (spec.containsKey("startAtOperationTime")) {
            long ts = spec.getTimestamp("startAtOperationTime").getValue();
            checkInOplog(ts);
            return new ChangeStreamCursor(member, namespace, options, null, ts, true, stages, lookup);
        }
        return new ChangeStreamCursor(member, namespace, options, null, member.lastTimestamp().getValue(), false, stages, lookup);
    }

    private void checkInOplog(long ts) {
        Long first = member.oplog().firstTs();
        if (first != null && ts < first) {
            throw new CommandException(286, "ChangeStreamHistoryLost",
                "Resume of change stream was not possible, as the resume point may no longer be in the oplog.");
        }
    }
}
