package io.ddt;

import java.time.Duration;
import java.util.Objects;

/**
 * When a job saves its checkpoint while it runs: after a number of events, after an interval,
 * or after whichever of the two comes first. Saving often costs a write per save; saving rarely
 * costs replaying more after a crash (replay is idempotent, so it costs time, never
 * correctness).
 *
 * <p><b>For the job that honours it.</b> Ask {@link #shouldSave} after each applied batch (and
 * on a quiet source, at least once per interval), with the events applied and the time passed
 * since the last save, and save when it says so. Whatever the policy says, save at every phase
 * change (the copy's end with T1, the start and end of streaming) and at a clean stop, so that a
 * restart never redoes a finished phase. While copying, count written documents as events.
 *
 * <p>The interval fires even when no event was applied: on a quiet source the position still
 * moves (no-op entries), and saving it keeps a restart inside the source's oplog window.
 *
 * <p>Immutable and thread-safe.
 */
public final class CommitPolicy {

    private static final CommitPolicy DEFAULT = new CommitPolicy(10_000, Duration.ofSeconds(5));

    /** Events between saves, or 0 for no count. */
    private final long events;
    /** Time between saves, or null for no interval. */
    private final Duration interval;

    private CommitPolicy(long events, Duration interval) {
        this.events = events;
        this.interval = interval;
    }

    /**
     * Returns the default: every 10,000 events or every 5 seconds, whichever comes first.
     *
     * @return the default policy
     */
    public static CommitPolicy defaults() {
        return DEFAULT;
    }

    /**
     * Returns a policy that saves once this many events have been applied since the last save.
     *
     * @param events the events between saves; at least 1 (1 saves after every batch)
     * @return the policy
     * @throws IllegalArgumentException if {@code events} is less than 1
     */
    public static CommitPolicy everyEvents(long events) {
        return new CommitPolicy(checkEvents(events), null);
    }

    /**
     * Returns a policy that saves once this much time has passed since the last save.
     *
     * @param interval the time between saves; positive
     * @return the policy
     * @throws IllegalArgumentException if {@code interval} is null, zero or negative
     */
    public static CommitPolicy every(Duration interval) {
        return new CommitPolicy(0, checkInterval(interval));
    }

    /**
     * Returns a policy that saves after this many events or this much time, whichever comes first.
     *
     * @param events the events between saves; at least 1
     * @param interval the time between saves; positive
     * @return the policy
     * @throws IllegalArgumentException if either is out of range
     */
    public static CommitPolicy everyEventsOrInterval(long events, Duration interval) {
        return new CommitPolicy(checkEvents(events), checkInterval(interval));
    }

    /**
     * Tells whether the job should save its checkpoint now.
     *
     * @param eventsSinceLastSave events applied (or documents copied) since the last save; not negative
     * @param sinceLastSave time passed since the last save; not null
     * @return true when the event count or the interval, whichever the policy has, is reached
     */
    public boolean shouldSave(long eventsSinceLastSave, Duration sinceLastSave) {
        Objects.requireNonNull(sinceLastSave, "sinceLastSave");
        return events > 0 && eventsSinceLastSave >= events || interval != null && sinceLastSave.compareTo(interval) >= 0;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CommitPolicy that && events == that.events && Objects.equals(interval, that.interval);
    }

    @Override
    public int hashCode() {
        return 31 * Long.hashCode(events) + Objects.hashCode(interval);
    }

    /** Describes the policy as {@code every 10000 events or PT5S}. */
    @Override
    public String toString() {
        String count = events > 0 ? events + " events" : "";
        String time = interval != null ? interval.toString() : "";
        return "every " + count + (count.isEmpty() || time.isEmpty() ? "" : " or ") + time;
    }

    private static long checkEvents(long events) {
        if (events < 1) {
            throw new IllegalArgumentException("events between checkpoint saves must be at least 1, not " + events);
        }
        return events;
    }

    private static Duration checkInterval(Duration interval) {
        if (interval == null || interval.isZero() || interval.isNegative()) {
            throw new IllegalArgumentException("the interval between checkpoint saves must be positive, not " + interval);
        }
        return interval;
    }
}
