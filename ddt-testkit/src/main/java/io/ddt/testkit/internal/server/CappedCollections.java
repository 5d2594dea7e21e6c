package io.ddt.testkit.internal.server;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * Capped collections: insertion order kept, and the oldest documents deleted once the
 * collection passes its {@code size} in bytes or {@code max} documents. Since MongoDB 5.0 the
 * primary logs those deletes, so they are logged here too. Called under the write lock.
 */
final class CappedCollections {

    private record Slot(BsonValue id, int bytes) {
    }

    private static final class State {
        final Deque<Slot> slots = new ArrayDeque<>();
        long bytes;
    }

    private final Map<String, State> states = new ConcurrentHashMap<>();
    private final FakeMember member;

    CappedCollections(FakeMember member) {
        this.member = member;
    }

    void inserted(Catalog.Entry collection, BsonDocument document, WriteContext context) {
        if (!collection.capped()) {
            return;
        }
        State state = states.computeIfAbsent(collection.namespace(), ns -> new State());
        int size = WireCodec.size(document);
        state.slots.addLast(new Slot(document.get("_id"), size));
        state.bytes += size;
        long maxBytes = collection.options().getNumber("size").longValue();
        long maxDocs = collection.options().containsKey("max") ? collection.options().getNumber("max").longValue() : Long.MAX_VALUE;
        maxDocs = maxDocs <= 0 ? Long.MAX_VALUE : maxDocs;
        while (state.slots.size() > 1 && (state.bytes > maxBytes || state.slots.size() > maxDocs)) {
            Slot oldest = state.slots.peekFirst();
            BsonDocument before = member.engine().findById(collection.namespace(), oldest.id());
            if (before != null) {
                member.writes().deleteById(collection.namespace(), before, WriteContext.none());
            } else {
                deleted(collection.namespace(), oldest.id());
            }
        }
    }

    void deleted(String namespace, BsonValue id) {
        State state = states.get(namespace);
        if (state == null) {
            return;
        }
        for (Iterator<Slot> it = state.slots.iterator(); it.hasNext(); ) {
            Slot slot = it.next();
            if (slot.id().equals(id)) {
                it.remove();
                state.bytes -= slot.bytes();
                return;
            }
        }
    }

    void dropped(String namespace) {
        states.remove(namespace);
    }

    void renamed(String from, String to) {
        State state = states.remove(from);
        if (state != null) {
            states.put(to, state);
        }
    }
}
