package io.ddt.internal.apply;

import java.util.concurrent.atomic.LongAdder;

import org.bson.BsonDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.ddt.ApplySettings;
import io.ddt.ConflictException;

/**
 * Carries out the conflict policy for a write refused for a duplicate key that persisted once
 * everything before it was applied: fail, skip and log the {@code _id}, or record the write in
 * the conflict collection. Called by the dispatcher thread only.
 */
final class ConflictHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ConflictHandler.class);

    private final ApplySettings settings;
    private final TargetWriter writer;
    private final Retrier retrier;
    private final LongAdder conflicts = new LongAdder();

    ConflictHandler(ApplySettings settings, TargetWriter writer, Retrier retrier) {
        this.settings = settings;
        this.writer = writer;
        this.retrier = retrier;
    }

    /** Fails, or leaves the write out as the policy says; the write then counts as done. */
    void handle(PendingWrite write, String error) {
        String reason = "a duplicate key that persists once every earlier event is applied, replaying the event at "
            + write.event().position() + " (" + error + ")";
        switch (settings.conflictPolicy()) {
            case FAIL -> throw new ConflictException(write.key().namespace(), write.event().documentKey(), reason);
            case SKIP -> LOG.warn("{}: left out a write to {} for _id {}, as the SKIP conflict policy says: {}",
                settings.jobName(), write.key().namespace(), new BsonDocument("_id", write.key().id()).toJson(), reason);
            case RECORD -> retrier.run("recording a conflict in " + settings.conflictNamespace(),
                () -> writer.collection(settings.conflictNamespace()).insertOne(ConflictRecords.of(write, error)));
            default -> throw new IllegalStateException("unknown conflict policy " + settings.conflictPolicy());
        }
        conflicts.increment();
    }

    /** How many writes were left out under SKIP or RECORD. */
    long count() {
        return conflicts.sum();
    }
}
