package io.ddt.testkit.internal.changestream;

import java.util.Arrays;
import java.util.List;

import org.bson.BsonArray;
import org.bson.BsonBinary;
import org.bson.BsonBinarySubType;
import org.bson.BsonBoolean;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.bson.BsonTimestamp;
import org.bson.BsonValue;

/** Builds oplog entries in the 7.0 layout {op, ns, ui, o, o2, ts, t, v, wall} for tests. */
final class Entries {

    static final int SECONDS = 1_700_000_000;
    static final BsonBinary UUID_A = uuid(0x0A);
    static final BsonBinary UUID_B = uuid(0x0B);
    static final BsonDocument LSID = BsonDocument.parse(
            "{id: {$binary: {base64: 'OmpsrwVIQtaE+qZqKK+zxw==', subType: '04'}}, "
            + "uid: {$binary: {base64: '47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=', subType: '00'}}}");

    private Entries() {
    }

    static BsonTimestamp ts(int inc) {
        return new BsonTimestamp(SECONDS, inc);
    }

    static BsonDocument insert(int inc, String ns, String doc) {
        BsonDocument o = BsonDocument.parse(doc);
        return entry("i", ns, UUID_A, o, new BsonDocument("_id", o.get("_id")), inc);
    }

    static BsonDocument update(int inc, String ns, String id, String diff) {
        BsonDocument o = new BsonDocument("$v", new BsonInt32(2))
                .append("diff", BsonDocument.parse(diff));
        return entry("u", ns, UUID_A, o, BsonDocument.parse(id), inc);
    }

    static BsonDocument replace(int inc, String ns, String doc) {
        BsonDocument o = BsonDocument.parse(doc);
        return entry("u", ns, UUID_A, o, new BsonDocument("_id", o.get("_id")), inc);
    }

    static BsonDocument delete(int inc, String ns, String id) {
        return entry("d", ns, UUID_A, BsonDocument.parse(id), null, inc);
    }

    static BsonDocument command(int inc, String db, String o) {
        return command(inc, db, o, null);
    }

    static BsonDocument command(int inc, String db, String o, String o2) {
        return entry("c", db + ".$cmd", UUID_A, BsonDocument.parse(o),
                o2 == null ? null : BsonDocument.parse(o2), inc);
    }

    static BsonDocument dropDatabase(int inc, String db) {
        return entry("c", db + ".$cmd", null, BsonDocument.parse("{dropDatabase: 1}"), null, inc);
    }

    /** An applyOps entry of a transaction; {@code flag} is "partialTxn", "prepare" or null. */
    static BsonDocument applyOps(int inc, BsonTimestamp prev, String flag, BsonDocument... ops) {
        BsonDocument o = new BsonDocument("applyOps", new BsonArray(List.of(ops)));
        if (flag != null) {
            o.append(flag, BsonBoolean.TRUE);
        }
        return txnEntry(entry("c", "admin.$cmd", null, o, null, inc), prev);
    }

    static BsonDocument txnCommand(int inc, BsonTimestamp prev, String o) {
        return txnEntry(entry("c", "admin.$cmd", null, BsonDocument.parse(o), null, inc), prev);
    }

    /** An element of an applyOps array: the entry without ts, t, v, wall. */
    static BsonDocument op(BsonDocument entry) {
        BsonDocument op = entry.clone();
        for (String field : List.of("ts", "t", "v", "wall")) {
            op.remove(field);
        }
        return op;
    }

    static BsonDocument entry(String op, String ns, BsonBinary ui, BsonDocument o, BsonDocument o2,
            int inc) {
        BsonDocument entry = new BsonDocument("op", new BsonString(op))
                .append("ns", new BsonString(ns));
        if (ui != null) {
            entry.append("ui", ui);
        }
        entry.append("o", o);
        if (o2 != null) {
            entry.append("o2", o2);
        }
        return entry.append("ts", ts(inc)).append("t", new BsonInt64(1)).append("v", new BsonInt64(2))
                .append("wall", new BsonDateTime(SECONDS * 1000L + inc));
    }

    static BsonValue wall(int inc) {
        return new BsonDateTime(SECONDS * 1000L + inc);
    }

    private static BsonDocument txnEntry(BsonDocument entry, BsonTimestamp prev) {
        BsonDocument prevOpTime = new BsonDocument("ts", prev == null ? new BsonTimestamp(0, 0) : prev)
                .append("t", new BsonInt64(prev == null ? -1 : 1));
        return entry.append("lsid", LSID).append("txnNumber", new BsonInt64(7))
                .append("prevOpTime", prevOpTime);
    }

    private static BsonBinary uuid(int fill) {
        byte[] bytes = new byte[16];
        Arrays.fill(bytes, (byte) fill);
        return new BsonBinary(BsonBinarySubType.UUID_STANDARD, bytes);
    }
}
