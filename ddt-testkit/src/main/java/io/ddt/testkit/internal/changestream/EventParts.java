package io.ddt.testkit.internal.changestream;

import org.bson.BsonBinary;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonValue;

/**
 * The pieces of one change event, put together in the field order of the 7.0 server's
 * {@code ChangeStreamDefaultEventTransformation::applyTransformation}: {@code txnNumber} and
 * {@code lsid} for ops of a transaction, {@code to} for a rename (the server adds both before the
 * resume token), then {@code _id, operationType, clusterTime, collectionUUID} (expanded events
 * only), {@code wallTime, fullDocument, ns, documentKey, operationDescription} (expanded events
 * only), {@code updateDescription, rawUpdateDescription, stateBeforeChange, nsType}. Absent
 * pieces are left out.
 *
 * <p>Mutable, used by one thread while one event is built.
 */
final class EventParts {

    final String operationType;
    final BsonDocument ns;
    BsonBinary collectionUuid;
    BsonDocument to;
    BsonDocument fullDocument;
    BsonDocument documentKey;
    BsonDocument operationDescription;
    BsonDocument updateDescription;
    BsonDocument rawUpdateDescription;
    BsonDocument stateBeforeChange;
    String nsType;

    EventParts(String operationType, BsonDocument ns) {
        this.operationType = operationType;
        this.ns = ns;
    }

    /** The {@code ns} field of an event: {@code {db, coll}}, or {@code {db}} for a database. */
    static BsonDocument namespace(String db, String coll) {
        BsonDocument ns = new BsonDocument("db", new BsonString(db));
        return coll == null ? ns : ns.append("coll", new BsonString(coll));
    }

    /** The {@code ns} field for a full namespace string {@code db.coll}. */
    static BsonDocument namespace(String fullName) {
        int dot = fullName.indexOf('.');
        if (dot <= 0) {
            throw new IllegalArgumentException("not a db.collection namespace: " + fullName);
        }
        return namespace(fullName.substring(0, dot), fullName.substring(dot + 1));
    }

    /** Takes the op's {@code ui}, which must be a UUID if present. */
    EventParts uuidOf(BsonDocument op) {
        BsonValue ui = op.get("ui");
        if (ui != null && !ui.isBinary()) {
            throw new IllegalArgumentException("'ui' must be a UUID, got " + ui);
        }
        collectionUuid = ui == null ? null : ui.asBinary();
        return this;
    }

    ResumeTokenData token(OpContext ctx) {
        return ResumeTokenData.event(ctx.clusterTime(), ctx.txnOpIndex(), collectionUuid,
                ctx.entryTs(), ctx.indexInEntry());
    }

    BsonDocument assemble(OpContext ctx, boolean expanded) {
        BsonDocument event = new BsonDocument();
        if (ctx.inApplyOps()) {
            appendIfPresent(event, "txnNumber", ctx.txnNumber());
            appendIfPresent(event, "lsid", ctx.lsid());
        }
        appendIfPresent(event, "to", to);
        event.append("_id", ResumeToken.encode(token(ctx)));
        event.append("operationType", new BsonString(operationType));
        event.append("clusterTime", ctx.clusterTime());
        if (expanded) {
            appendIfPresent(event, "collectionUUID", collectionUuid);
        }
        appendIfPresent(event, "wallTime", ctx.wall());
        appendIfPresent(event, "fullDocument", fullDocument);
        event.append("ns", ns);
        appendIfPresent(event, "documentKey", documentKey);
        if (expanded) {
            appendIfPresent(event, "operationDescription", operationDescription);
        }
        appendIfPresent(event, "updateDescription", updateDescription);
        appendIfPresent(event, "rawUpdateDescription", rawUpdateDescription);
        appendIfPresent(event, "stateBeforeChange", stateBeforeChange);
        appendIfPresent(event, "nsType", nsType == null ? null : new BsonString(nsType));
        return event;
    }

    /**
     * The invalidate event that follows an event that ends the stream: the same token with
     * {@code fromInvalidate} set, as {@code DocumentSourceChangeStreamCheckInvalidate} builds it.
     */
    BsonDocument invalidate(OpContext ctx) {
        BsonDocument event = new BsonDocument("_id", ResumeToken.encode(token(ctx).invalidate()))
                .append("operationType", new BsonString("invalidate"))
                .append("clusterTime", ctx.clusterTime());
        appendIfPresent(event, "wallTime", ctx.wall());
        return event;
    }

    private static void appendIfPresent(BsonDocument event, String field, BsonValue value) {
        if (value != null) {
            event.append(field, value);
        }
    }
}
