package io.ddt.testkit.internal.changestream;

import org.bson.BsonDocument;
import org.bson.BsonTimestamp;
import org.bson.BsonValue;

/**
 * Reads the fields of oplog entries, failing with a message that names the field and the
 * entry's {@code ts}, {@code op} and {@code ns}. Stateless.
 */
final class OplogFields {

    private static final BsonTimestamp NULL_TS = new BsonTimestamp(0, 0);

    private OplogFields() {
    }

    static BsonTimestamp ts(BsonDocument entry) {
        BsonValue ts = entry.get("ts");
        if (ts == null || !ts.isTimestamp()) {
            throw new IllegalArgumentException("oplog entry has no timestamp 'ts': " + describe(entry));
        }
        return ts.asTimestamp();
    }

    static String string(BsonDocument doc, String field) {
        BsonValue value = doc.get(field);
        if (value == null || !value.isString()) {
            throw new IllegalArgumentException("'" + field + "' must be a string in " + describe(doc));
        }
        return value.asString().getValue();
    }

    static BsonDocument document(BsonDocument doc, String field) {
        BsonValue value = doc.get(field);
        if (value == null || !value.isDocument()) {
            throw new IllegalArgumentException("'" + field + "' must be a document in "
                    + describe(doc));
        }
        return value.asDocument();
    }

    static BsonDocument documentOrEmpty(BsonDocument doc, String field) {
        return doc.containsKey(field) ? document(doc, field) : new BsonDocument();
    }

    static boolean isTrue(BsonDocument doc, String field) {
        BsonValue value = doc.get(field);
        return value != null && value.isBoolean() && value.asBoolean().getValue();
    }

    /** The {@code o} of a command entry, or an empty document for other entries. */
    static BsonDocument command(BsonDocument entry) {
        BsonValue o = entry.get("o");
        return "c".equals(opOf(entry)) && o != null && o.isDocument()
                ? o.asDocument() : new BsonDocument();
    }

    /** The {@code ts} of the entry's {@code prevOpTime}, or null when absent or the null optime. */
    static BsonTimestamp prevTs(BsonDocument entry) {
        BsonValue prev = entry.get("prevOpTime");
        if (prev == null || !prev.isDocument()) {
            return null;
        }
        BsonValue ts = prev.asDocument().get("ts");
        return ts != null && ts.isTimestamp() && !ts.equals(NULL_TS) ? ts.asTimestamp() : null;
    }

    /** 8.0 marks applyOps entries of retryable batched writes with {@code multiOpType: 1}. */
    static boolean isAppliedSeparately(BsonDocument entry) {
        BsonValue type = entry.get("multiOpType");
        return type != null && type.isNumber() && type.asNumber().intValue() == 1;
    }

    static String describe(BsonDocument entry) {
        return "oplog entry {ts: " + tsText(entry.get("ts")) + ", op: " + entry.get("op")
                + ", ns: " + entry.get("ns") + "}";
    }

    private static String opOf(BsonDocument entry) {
        BsonValue op = entry.get("op");
        return op != null && op.isString() ? op.asString().getValue() : null;
    }

    private static String tsText(BsonValue ts) {
        return ts != null && ts.isTimestamp()
                ? "Timestamp(" + ts.asTimestamp().getTime() + ", " + ts.asTimestamp().getInc() + ")"
                : String.valueOf(ts);
    }
}
