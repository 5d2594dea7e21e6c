package io.ddt.testkit.internal.server;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.bson.BsonTimestamp;
import org.bson.BsonValue;

/**
 * Writes oplog entries in the layout of a MongoDB 7.0 member:
 * {@code lsid, txnNumber, op, ns, ui, o, o2, stmtId, ts, t, v, wall, prevOpTime}, each present
 * only where the server writes it. Called with the server's write lock held.
 */
final class OplogWriter {

    private static final BsonInt64 TERM = new BsonInt64(1);
    private static final BsonInt64 VERSION = new BsonInt64(2);

    private final OplogStore store;
    private final Transactions transactions;
    private final Map<BsonDocument, BsonTimestamp> lastRetryableOp = new HashMap<>();

    OplogWriter(OplogStore store, Transactions transactions) {
        this.store = store;
        this.transactions = transactions;
    }

    void insert(Catalog.Entry collection, BsonDocument document, WriteContext context) {
        BsonDocument op = crud("i", collection).append("o", document)
            .append("o2", new BsonDocument("_id", document.get("_id")));
        write(op, context);
    }

    void update(Catalog.Entry collection, BsonValue id, BsonDocument o, WriteContext context) {
        BsonDocument op = crud("u", collection).append("o", o).append("o2", new BsonDocument("_id", id));
        write(op, context);
    }

    void delete(Catalog.Entry collection, BsonValue id, WriteContext context) {
        write(crud("d", collection).append("o", new BsonDocument("_id", id)), context);
    }

    /** A command entry on {@code <database>.$cmd}; {@code ui} may be null (dropDatabase). */
    BsonTimestamp command(String database, Catalog.Entry collection, BsonDocument o, BsonDocument o2) {
        BsonDocument op = new BsonDocument("op", new BsonString("c"))
            .append("ns", new BsonString(database + ".$cmd"));
        if (collection != null) {
            op.append("ui", collection.uuidBinary());
        }
        op.append("o", o);
        if (o2 != null) {
            op.append("o2", o2);
        }
        return append(op, null);
    }

    BsonTimestamp noop(BsonDocument o) {
        BsonDocument op = new BsonDocument("op", new BsonString("n")).append("ns", new BsonString("")).append("o", o);
        return append(op, null);
    }

    private static BsonDocument crud(String kind, Catalog.Entry collection) {
        return new BsonDocument("op", new BsonString(kind)).append("ns", new BsonString(collection.namespace()))
            .append("ui", collection.uuidBinary());
    }

    private void write(BsonDocument op, WriteContext context) {
        if (context.inTransaction()) {
            op.append("stmtId", new BsonInt32(context.stmtId()));
            transactions.addOperation(context, op);
            return;
        }
        if (!context.retryable()) {
            append(op, null);
            return;
        }
        BsonDocument entry = new BsonDocument("lsid", context.lsid()).append("txnNumber", context.txnNumber());
        entry.putAll(op);
        entry.append("stmtId", new BsonInt32(context.stmtId()));
        BsonDocument key = new BsonDocument("lsid", context.lsid()).append("txnNumber", context.txnNumber());
        BsonTimestamp previous = lastRetryableOp.get(key);
        BsonTimestamp ts = append(entry, opTime(previous));
        lastRetryableOp.clear();
        lastRetryableOp.put(key, ts);
    }

    /**
     * Writes a committed transaction as one {@code applyOps} entry, or as a chain of
     * {@code partialTxn} entries of at most {@code opsPerEntry} operations ending with
     * {@code count}, as the server does for a transaction too large for one entry.
     */
    BsonTimestamp commitTransaction(BsonDocument lsid, BsonInt64 txnNumber, List<BsonDocument> ops, int opsPerEntry) {
        BsonTimestamp previous = null;
        int from = 0;
        do {
            int to = Math.min(ops.size(), from + Math.max(1, opsPerEntry));
            BsonDocument o = new BsonDocument("applyOps", new BsonArray(List.copyOf(ops.subList(from, to))));
            if (to < ops.size()) {
                o.append("partialTxn", BsonBoolean.TRUE);
            } else if (from > 0) {
                o.append("count", new BsonInt32(ops.size()));
            }
            BsonDocument entry = new BsonDocument("lsid", lsid).append("txnNumber", txnNumber)
                .append("op", new BsonString("c")).append("ns", new BsonString("admin.$cmd")).append("o", o);
            previous = append(entry, opTime(previous));
            from = to;
        } while (from < ops.size());
        return previous;
    }

    private static BsonDocument opTime(BsonTimestamp ts) {
        return ts == null
            ? new BsonDocument("ts", new BsonTimestamp(0)).append("t", new BsonInt64(-1))
            : new BsonDocument("ts", ts).append("t", TERM);
    }

    private BsonTimestamp append(BsonDocument entry, BsonDocument prevOpTime) {
        BsonTimestamp ts = store.nextTimestamp();
        entry.append("ts", ts).append("t", TERM).append("v", VERSION)
            .append("wall", new BsonDateTime(System.currentTimeMillis()));
        if (prevOpTime != null) {
            entry.append("prevOpTime", prevOpTime);
        }
        store.append(entry);
        return ts;
    }
}
