package io.ddt.event;

import org.bson.BsonDocument;
import org.bson.BsonTimestamp;
import org.bson.BsonValue;

/**
 * How error messages name an oplog entry or a change event: by the fields that locate it in the
 * source's history, never by its documents.
 */
final class EntryText {

    /** A string field longer than this (a long namespace, a resume token) is cut. */
    static final int MAX_CHARS = 120;
    /** How much of a resume token's {@code _data} a message shows: its time and version. */
    static final int TOKEN_CHARS = 26;

    /** What every unreadable-entry message ends with. */
    static final String REMEDY = "ddt never skips an entry it cannot read. If the source runs MongoDB 4.2 to 8.0,"
        + " report this entry with the server's version (its documents are not shown here).";

    private EntryText() {
    }

    /** Names an oplog entry: {@code the oplog entry at Timestamp(s, i) (op 'u', ns 'db.c')}. */
    static String oplog(BsonDocument entry) {
        return "the oplog entry at " + time(entry.get("ts")) + " (" + opAndNs(entry) + ")";
    }

    /** Names an operation by its {@code op} and {@code ns}: {@code op 'u', ns 'db.c'}. */
    static String opAndNs(BsonDocument op) {
        return "op " + quoted(op.get("op")) + ", ns " + quoted(op.get("ns"));
    }

    /**
     * Names a change event: {@code the change event 'update' at Timestamp(s, i) (resume token
     * 8265...)}, the token cut to its leading time and version.
     */
    static String changeEvent(BsonDocument event) {
        BsonValue token = event.get("_id");
        BsonValue data = token != null && token.isDocument() ? token.asDocument().get("_data") : null;
        String shown = data != null && data.isString() ? cut(data.asString().getValue(), TOKEN_CHARS)
            : token == null ? "none" : "a " + token.getBsonType();
        return "the change event " + quoted(event.get("operationType")) + " at " + time(event.get("clusterTime"))
            + " (resume token " + shown + ")";
    }

    /** Renders a timestamp as the server writes it. */
    static String time(BsonTimestamp ts) {
        return "Timestamp(" + ts.getTime() + ", " + ts.getInc() + ")";
    }

    private static String time(BsonValue ts) {
        return ts != null && ts.isTimestamp() ? time(ts.asTimestamp()) : "an unknown time (no timestamp)";
    }

    private static String quoted(BsonValue value) {
        if (value == null) {
            return "missing";
        }
        return value.isString() ? "'" + cut(value.asString().getValue(), MAX_CHARS) + "'" : "of type " + value.getBsonType();
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "...";
    }
}
