package io.ddt.testkit.internal.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.BsonValue;

/**
 * Driver transactions on the fake member. Writes inside a transaction are applied at once (the
 * engine has no isolation), their oplog operations held back and their before-images kept, so
 * that commit logs them as one {@code applyOps} entry, as a real member does, and abort puts
 * the documents back.
 *
 * <p>Not isolated: other sessions see uncommitted writes. Tests that need isolation need a
 * real server.
 */
final class Transactions {

    /** What abort needs to restore one document: its namespace, id and earlier image. */
    record Undo(String namespace, BsonValue id, BsonDocument before) {
    }

    static final class State {
        final BsonInt64 txnNumber;
        final List<BsonDocument> operations = new ArrayList<>();
        final List<Undo> undo = new ArrayList<>();

        State(BsonInt64 txnNumber) {
            this.txnNumber = txnNumber;
        }
    }

    private final Map<BsonValue, State> open = new ConcurrentHashMap<>();

    void addOperation(WriteContext context, BsonDocument op) {
        state(context).operations.add(op);
    }

    void addUndo(WriteContext context, String namespace, BsonValue id, BsonDocument before) {
        if (context.inTransaction()) {
            state(context).undo.add(new Undo(namespace, id, before));
        }
    }

    private State state(WriteContext context) {
        BsonValue key = context.lsid().get("id");
        State state = open.get(key);
        if (state == null || !state.txnNumber.equals(context.txnNumber())) {
            state = new State(context.txnNumber());
            open.put(key, state);
        }
        return state;
    }

    /** Removes and returns the open transaction of this session, or null if there is none. */
    State finish(BsonDocument lsid, BsonInt64 txnNumber) {
        BsonValue key = lsid.get("id");
        State state = open.get(key);
        if (state == null || !state.txnNumber.equals(txnNumber)) {
            return null;
        }
        open.remove(key);
        return state;
    }
}
