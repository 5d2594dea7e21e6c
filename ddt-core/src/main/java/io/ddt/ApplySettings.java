package io.ddt;

import java.time.Duration;
import java.util.Objects;

/**
 * How change events are applied to the target: parallelism, memory, bulk-write size, the policy
 * for real conflicts, atomic transactions, a fixed delay behind the source, and how long
 * transient errors are retried. Immutable and thread-safe; built with {@link #builder()}, whose
 * setters check each value as it is set and name it when it is wrong.
 */
public final class ApplySettings {

    /** What to do with a write that the target refuses for a duplicate key that replaying cannot resolve. */
    public enum ConflictPolicy {
        /** Stop applying and fail with a {@link ConflictException} naming the namespace, key and position (the default). */
        FAIL,
        /** Leave the write out, log the namespace, {@code _id} and position (never the document), and count it. */
        SKIP,
        /**
         * Leave the write out and insert a record of it into {@link #conflictNamespace()}:
         * {@code {ns, documentKey, position, error, event}}, where {@code event} holds the change
         * itself (the document or update), since the record is data on the target, not a log line.
         */
        RECORD
    }

    private final String jobName;
    private final int threads;
    private final long maxBytesInFlight;
    private final int batchDocuments;
    private final ConflictPolicy conflictPolicy;
    private final Namespace conflictNamespace;
    private final boolean atomicTransactions;
    private final Duration delay;
    private final Duration retryTimeout;

    private ApplySettings(Builder builder) {
        this.jobName = builder.jobName;
        this.threads = builder.threads;
        this.maxBytesInFlight = builder.maxBytesInFlight;
        this.batchDocuments = builder.batchDocuments;
        this.conflictPolicy = builder.conflictPolicy;
        this.conflictNamespace = builder.conflictNamespace;
        this.atomicTransactions = builder.atomicTransactions;
        this.delay = builder.delay;
        this.retryTimeout = builder.retryTimeout;
    }

    /** @return a builder holding every default */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the settings with every default */
    public static ApplySettings defaults() {
        return builder().build();
    }

    /** @return the name in thread names ({@code ddt-<job>-apply-<n>}) and log lines; default {@code "apply"} */
    public String jobName() {
        return jobName;
    }

    /** @return how many workers write to the target at once; default 4 */
    public int threads() {
        return threads;
    }

    /**
     * @return the most bytes of events handed over and not yet applied; a caller handing over
     *     more waits. Default 64 MiB. A single batch larger than this is let through alone.
     */
    public long maxBytesInFlight() {
        return maxBytesInFlight;
    }

    /** @return the most writes in one bulk write; default 1000 */
    public int batchDocuments() {
        return batchDocuments;
    }

    /** @return what to do with a duplicate key that persists once everything before it is applied; default FAIL */
    public ConflictPolicy conflictPolicy() {
        return conflictPolicy;
    }

    /**
     * @return the target collection that {@link ConflictPolicy#RECORD} writes to; default
     *     {@code ddt.conflicts}. Events on it are never replayed.
     */
    public Namespace conflictNamespace() {
        return conflictNamespace;
    }

    /**
     * @return true to apply each source transaction in one target transaction, alone, after
     *     everything before it; default false: a transaction's changes are spread over the
     *     workers like any others, which is faster but lets a reader of the target see part of it
     */
    public boolean atomicTransactions() {
        return atomicTransactions;
    }

    /**
     * @return how far the target is held behind the source: an event is applied no earlier than
     *     its wall time (or, without one, its cluster time) plus this delay; default zero
     */
    public Duration delay() {
        return delay;
    }

    /** @return how long transient errors (network, election) are retried before applying fails; default 2 minutes */
    public Duration retryTimeout() {
        return retryTimeout;
    }

    @Override
    public String toString() {
        return "ApplySettings[job=" + jobName + ", threads=" + threads + ", maxBytesInFlight=" + maxBytesInFlight
            + ", batchDocuments=" + batchDocuments + ", conflicts=" + conflictPolicy
            + (conflictPolicy == ConflictPolicy.RECORD ? " into " + conflictNamespace : "")
            + ", atomicTransactions=" + atomicTransactions + ", delay=" + delay + ", retryTimeout=" + retryTimeout + "]";
    }

    /** Builds {@link ApplySettings}. Not thread-safe; each setter checks its argument and throws {@link IllegalArgumentException} naming it. */
    public static final class Builder {
        private String jobName = "apply";
        private int threads = 4;
        private long maxBytesInFlight = 64L * 1024 * 1024;
        private int batchDocuments = 1000;
        private ConflictPolicy conflictPolicy = ConflictPolicy.FAIL;
        private Namespace conflictNamespace = Namespace.of("ddt", "conflicts");
        private boolean atomicTransactions;
        private Duration delay = Duration.ZERO;
        private Duration retryTimeout = Duration.ofMinutes(2);

        private Builder() {
        }

        /** @param name 1 to 64 letters, digits, {@code .}, {@code _} or {@code -} */
        public Builder jobName(String name) {
            this.jobName = SettingChecks.jobName(name);
            return this;
        }

        /** @param count workers, 1 to 256 */
        public Builder threads(int count) {
            this.threads = between("threads", count, 1, 256);
            return this;
        }

        /** @param bytes at least 1 KiB */
        public Builder maxBytesInFlight(long bytes) {
            if (bytes < 1024) {
                throw new IllegalArgumentException("maxBytesInFlight must be at least 1 KiB, not " + bytes);
            }
            this.maxBytesInFlight = bytes;
            return this;
        }

        /** @param count writes per bulk write, 1 to 100,000 (the server's own limit per batch) */
        public Builder batchDocuments(int count) {
            this.batchDocuments = between("batchDocuments", count, 1, 100_000);
            return this;
        }

        /** @param policy not null */
        public Builder conflictPolicy(ConflictPolicy policy) {
            this.conflictPolicy = Objects.requireNonNull(policy, "conflictPolicy");
            return this;
        }

        /** @param namespace not null, not in {@code admin}, {@code local} or {@code config}, not {@code system.*} */
        public Builder conflictNamespace(Namespace namespace) {
            Objects.requireNonNull(namespace, "conflictNamespace");
            if (namespace.isInternalDatabase() || namespace.isSystem()) {
                throw new IllegalArgumentException("conflictNamespace must not be an internal namespace, not " + namespace);
            }
            this.conflictNamespace = namespace;
            return this;
        }

        /** @param atomic true to apply each transaction in a target transaction */
        public Builder atomicTransactions(boolean atomic) {
            this.atomicTransactions = atomic;
            return this;
        }

        /** @param holdBack zero or positive */
        public Builder delay(Duration holdBack) {
            if (holdBack == null || holdBack.isNegative()) {
                throw new IllegalArgumentException("delay must be zero or positive, not " + holdBack);
            }
            this.delay = holdBack;
            return this;
        }

        /** @param timeout positive */
        public Builder retryTimeout(Duration timeout) {
            this.retryTimeout = SettingChecks.positive("retryTimeout", timeout);
            return this;
        }

        /** @return the settings */
        public ApplySettings build() {
            return new ApplySettings(this);
        }

        private static int between(String name, int value, int min, int max) {
            if (value < min || value > max) {
                throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", not " + value);
            }
            return value;
        }
    }
}
