package io.ddt.testkit.selfcheck;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.BsonValue;

/**
 * Holds back the operations of transactions that are not committed yet: {@code partialTxn}
 * entries until the entry that ends the chain, and prepared transactions until their
 * {@code commitTransaction} (or drops them on {@code abortTransaction}). Transactions are told
 * apart by the session and transaction number of their top-level entry. Not thread-safe.
 */
final class TransactionBuffer {

    private final Map<BsonDocument, List<BsonValue>> partial = new LinkedHashMap<>();
    private final Map<BsonDocument, List<BsonValue>> prepared = new LinkedHashMap<>();

    /**
     * Takes the operations of an {@code applyOps} entry and returns those to apply now: none
     * while a chain or a prepared transaction is open, the whole chain when it ends.
     *
     * @param entry the top-level entry that carries {@code lsid} and {@code txnNumber}, if any
     * @param o the {@code applyOps} command itself (the entry's {@code o}, or a nested one)
     * @param nested whether the command is an operation inside another {@code applyOps}
     * @throws IllegalArgumentException if a chain or a prepare has no session to key it on, or a
     *     chain's {@code count} does not match the operations it holds
     */
    List<BsonValue> applyOps(BsonDocument entry, BsonDocument o, boolean nested) {
        List<BsonValue> ops = o.getArray("applyOps").getValues();
        boolean partialTxn = o.getBoolean("partialTxn", BsonBoolean.FALSE).getValue();
        boolean prepare = o.getBoolean("prepare", BsonBoolean.FALSE).getValue();
        if (nested || !entry.containsKey("lsid")) {
            if (partialTxn || prepare) {
                throw new IllegalArgumentException("a partialTxn or prepared applyOps needs lsid and txnNumber");
            }
            return ops;
        }
        BsonDocument key = key(entry);
        if (partialTxn) {
            partial.computeIfAbsent(key, k -> new ArrayList<>()).addAll(ops);
            return List.of();
        }
        List<BsonValue> all = new ArrayList<>(partial.getOrDefault(key, List.of()));
        partial.remove(key);
        all.addAll(ops);
        checkCount(o, all.size());
        if (prepare) {
            prepared.put(key, all);
            return List.of();
        }
        return all;
    }

    /** Returns the operations of the prepared transaction this commit entry commits, or null. */
    List<BsonValue> commit(BsonDocument entry) {
        return prepared.remove(key(entry));
    }

    /** Forgets whatever the transaction of this abort entry held back; tells if there was any. */
    boolean abort(BsonDocument entry) {
        BsonDocument key = key(entry);
        return prepared.remove(key) != null | partial.remove(key) != null;
    }

    /** The sessions and transaction numbers of transactions still open. */
    List<BsonDocument> open() {
        List<BsonDocument> open = new ArrayList<>(partial.keySet());
        open.addAll(prepared.keySet());
        return open;
    }

    private static void checkCount(BsonDocument o, int operations) {
        if (o.containsKey("count") && o.getNumber("count").intValue() != operations) {
            throw new IllegalArgumentException("the transaction's count is " + o.get("count")
                + " but its chain holds " + operations + " operations");
        }
    }

    private static BsonDocument key(BsonDocument entry) {
        if (!entry.containsKey("lsid") || !entry.containsKey("txnNumber")) {
            throw new IllegalArgumentException("a transaction entry needs lsid and txnNumber");
        }
        return new BsonDocument("lsid", entry.get("lsid")).append("txnNumber", new BsonInt64(entry.getNumber("txnNumber").longValue()));
    }
}
