package io.ddt.internal.apply;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

/**
 * Applies writes that workers parked after a duplicate-key refusal, one at a time, in source
 * order, once every worker is idle (so everything dispatched before them is on the target).
 *
 * <p>Parallel workers move documents out of order, so a document can meet a unique value that
 * another document has not yet given up on the target, though it had on the source: such a
 * duplicate goes away when the writes are replayed in order. The resolver goes round the
 * parked writes while rounds make progress, each key's writes kept in order (a key whose write
 * fails waits for the next round); a write refused again but followed by a write of the whole
 * document (an insert, replace or delete of the same key) is superseded and dropped. What is
 * still refused then is a real conflict and goes to the {@link ConflictHandler}.
 */
final class SerialResolver {

    private final TargetWriter writer;
    private final ConflictHandler conflicts;
    private final LongAdder applied;

    SerialResolver(TargetWriter writer, ConflictHandler conflicts, LongAdder applied) {
        this.writer = writer;
        this.conflicts = conflicts;
        this.applied = applied;
    }

    void resolve(List<PendingWrite> parked) {
        List<PendingWrite> remaining = new ArrayList<>(parked);
        remaining.sort(Comparator.comparingLong(PendingWrite::seq));
        int before;
        do {
            before = remaining.size();
            remaining = round(remaining);
        } while (!remaining.isEmpty() && remaining.size() < before);
        for (PendingWrite write : remaining) {
            String refusal = tryWrite(write);
            if (refusal != null) {
                conflicts.handle(write, refusal);
            }
            write.done();
        }
    }

    /** One pass in source order; returns the writes still to do. */
    private List<PendingWrite> round(List<PendingWrite> writes) {
        List<PendingWrite> left = new ArrayList<>();
        Set<WriteKey> blocked = new HashSet<>();
        for (int i = 0; i < writes.size(); i++) {
            PendingWrite write = writes.get(i);
            if (blocked.contains(write.key())) {
                left.add(write);
            } else if (tryWrite(write) == null || supersededLater(writes, i)) {
                write.done();
            } else {
                blocked.add(write.key());
                left.add(write);
            }
        }
        return left;
    }

    private static boolean supersededLater(List<PendingWrite> writes, int index) {
        WriteKey key = writes.get(index).key();
        for (int i = index + 1; i < writes.size(); i++) {
            if (writes.get(i).key().equals(key) && writes.get(i).fullImage()) {
                return true;
            }
        }
        return false;
    }

    /** Returns null if the write was applied, else why the target refused it. */
    private String tryWrite(PendingWrite write) {
        TargetWriter.Outcome outcome = writer.write(write.key().namespace(), List.of(write));
        if (outcome.refused() == null) {
            applied.increment();
            return null;
        }
        return outcome.refusal();
    }
}
