package io.ddt;

import java.time.Duration;
import java.util.Objects;

import com.mongodb.ReadPreference;

/**
 * How a full copy runs: parallelism, memory, batch sizes, index timing and the policies for a
 * non-empty target and for documents the target refuses. Immutable; built with {@link #builder()},
 * which checks each value as it is set.
 */
public final class CopySettings {

    /** What to do when a selected target namespace already holds documents. */
    public enum TargetPolicy {
        /** Stop before any write, naming the namespaces (the default). */
        FAIL,
        /** Drop the target collection first. */
        DROP,
        /** Keep it; copied documents replace those with the same {@code _id}. */
        MERGE
    }

    /** What to do with a document the target refuses (a validator, a size limit). */
    public enum RejectPolicy {
        /** Stop the copy, naming the namespace and {@code _id} (the default). */
        FAIL,
        /** Leave the document out, log its {@code _id} and tell the listener. */
        SKIP
    }

    private final String jobName;
    private final int threads;
    private final long maxBytesInFlight;
    private final int batchDocuments;
    private final long batchBytes;
    private final long rangeDocuments;
    private final boolean indexesFirst;
    private final boolean deferTtl;
    private final boolean deferUniqueIndexes;
    private final TargetPolicy targetPolicy;
    private final RejectPolicy rejectPolicy;
    private final ReadPreference readPreference;
    private final Duration progressInterval;
    private final Duration retryTimeout;
    private final boolean bypassDocumentValidation;

    private CopySettings(Builder builder) {
        this.jobName = builder.jobName;
        this.threads = builder.threads;
        this.maxBytesInFlight = builder.maxBytesInFlight;
        this.batchDocuments = builder.batchDocuments;
        this.batchBytes = builder.batchBytes;
        this.rangeDocuments = builder.rangeDocuments;
        this.indexesFirst = builder.indexesFirst;
        this.deferTtl = builder.deferTtl;
        this.deferUniqueIndexes = builder.deferUniqueIndexes;
        this.targetPolicy = builder.targetPolicy;
        this.rejectPolicy = builder.rejectPolicy;
        this.readPreference = builder.readPreference;
        this.progressInterval = builder.progressInterval;
        this.retryTimeout = builder.retryTimeout;
        this.bypassDocumentValidation = builder.bypassDocumentValidation;
    }

    /** @return a builder with every default */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the settings with every default */
    public static CopySettings defaults() {
        return builder().build();
    }

    /** @return the name used in thread names and log lines; default {@code "copy"} */
    public String jobName() {
        return jobName;
    }

    /** @return how many ranges are copied at once, across all collections; default 4 */
    public int threads() {
        return threads;
    }

    /** @return the most document bytes held in memory at once; default 64 MiB */
    public long maxBytesInFlight() {
        return maxBytesInFlight;
    }

    /** @return the most documents in one read batch and one insert; default 1000 */
    public int batchDocuments() {
        return batchDocuments;
    }

    /** @return the most bytes in one insert; default 8 MiB */
    public long batchBytes() {
        return batchBytes;
    }

    /** @return the documents per range a large collection is split into; default 50,000 */
    public long rangeDocuments() {
        return rangeDocuments;
    }

    /** @return true to build indexes before the documents; default false (after, which is faster) */
    public boolean indexesFirst() {
        return indexesFirst;
    }

    /**
     * @return true to create TTL indexes with their expiry deferred, so the target cannot delete
     *     copied documents before cut-over, and restore it when the copy ends; default true
     */
    public boolean deferTtl() {
        return deferTtl;
    }

    /**
     * @return true to leave unique indexes out of the copy, for a job that replays changes after
     *     it: a copy of a live source is not a snapshot, so a key that moved between documents
     *     during the copy can be held twice until the replay catches up, and a unique index
     *     built then would fail. The job builds them after catching up with
     *     {@code MongoFullCopier.buildDeferredIndexes()}. Default false.
     */
    public boolean deferUniqueIndexes() {
        return deferUniqueIndexes;
    }

    /** @return the policy for a target namespace that already holds documents; default FAIL */
    public TargetPolicy targetPolicy() {
        return targetPolicy;
    }

    /** @return the policy for documents the target refuses; default FAIL */
    public RejectPolicy rejectPolicy() {
        return rejectPolicy;
    }

    /** @return where reads go on the source; default primary */
    public ReadPreference readPreference() {
        return readPreference;
    }

    /** @return how often progress is logged and reported; default 10 seconds */
    public Duration progressInterval() {
        return progressInterval;
    }

    /** @return how long transient errors are retried before the copy fails; default 2 minutes */
    public Duration retryTimeout() {
        return retryTimeout;
    }

    /** @return true to insert without the target's document validation; default false */
    public boolean bypassDocumentValidation() {
        return bypassDocumentValidation;
    }

    @Override
    public String toString() {
        return "CopySettings[job=" + jobName + ", threads=" + threads + ", maxBytesInFlight=" + maxBytesInFlight
            + ", batch=" + batchDocuments + " docs/" + batchBytes + " bytes, rangeDocuments=" + rangeDocuments
            + ", indexesFirst=" + indexesFirst + ", deferTtl=" + deferTtl + ", target=" + targetPolicy
            + ", reject=" + rejectPolicy + ", readPreference=" + readPreference.getName() + "]";
    }

    /** Builds {@link CopySettings}; each setter checks its argument and names it when wrong. */
    public static final class Builder {
        private String jobName = "copy";
        private int threads = 4;
        private long maxBytesInFlight = 64L * 1024 * 1024;
        private int batchDocuments = 1000;
        private long batchBytes = 8L * 1024 * 1024;
        private long rangeDocuments = 50_000;
        private boolean indexesFirst;
        private boolean deferTtl = true;
        private boolean deferUniqueIndexes;
        private TargetPolicy targetPolicy = TargetPolicy.FAIL;
        private RejectPolicy rejectPolicy = RejectPolicy.FAIL;
        private ReadPreference readPreference = ReadPreference.primary();
        private Duration progressInterval = Duration.ofSeconds(10);
        private Duration retryTimeout = Duration.ofMinutes(2);
        private boolean bypassDocumentValidation;

        private Builder() {
        }

        public Builder jobName(String name) {
            this.jobName = SettingChecks.jobName(name);
            return this;
        }

        public Builder threads(int count) {
            this.threads = positive("threads", count);
            return this;
        }

        public Builder maxBytesInFlight(long bytes) {
            if (bytes < 1024 * 1024) {
                throw new IllegalArgumentException("maxBytesInFlight must be at least 1 MiB, not " + bytes);
            }
            this.maxBytesInFlight = bytes;
            return this;
        }

        public Builder batchDocuments(int count) {
            this.batchDocuments = positive("batchDocuments", count);
            return this;
        }

        public Builder batchBytes(long bytes) {
            if (bytes < 16 * 1024 || bytes > 40L * 1024 * 1024) {
                throw new IllegalArgumentException("batchBytes must be between 16 KiB and 40 MiB, not " + bytes);
            }
            this.batchBytes = bytes;
            return this;
        }

        public Builder rangeDocuments(long count) {
            if (count < 1) {
                throw new IllegalArgumentException("rangeDocuments must be positive, not " + count);
            }
            this.rangeDocuments = count;
            return this;
        }

        public Builder indexesFirst(boolean first) {
            this.indexesFirst = first;
            return this;
        }

        public Builder deferTtl(boolean defer) {
            this.deferTtl = defer;
            return this;
        }

        public Builder deferUniqueIndexes(boolean defer) {
            this.deferUniqueIndexes = defer;
            return this;
        }

        public Builder targetPolicy(TargetPolicy policy) {
            this.targetPolicy = Objects.requireNonNull(policy, "targetPolicy");
            return this;
        }

        public Builder rejectPolicy(RejectPolicy policy) {
            this.rejectPolicy = Objects.requireNonNull(policy, "rejectPolicy");
            return this;
        }

        public Builder readPreference(ReadPreference preference) {
            this.readPreference = Objects.requireNonNull(preference, "readPreference");
            return this;
        }

        public Builder progressInterval(Duration interval) {
            this.progressInterval = SettingChecks.positive("progressInterval", interval);
            return this;
        }

        public Builder retryTimeout(Duration timeout) {
            this.retryTimeout = SettingChecks.positive("retryTimeout", timeout);
            return this;
        }

        public Builder bypassDocumentValidation(boolean bypass) {
            this.bypassDocumentValidation = bypass;
            return this;
        }

        /**
         * @return the settings
         * @throws IllegalArgumentException if the values contradict each other
         */
        public CopySettings build() {
            if (batchBytes > maxBytesInFlight) {
                throw new IllegalArgumentException("batchBytes " + batchBytes + " exceeds maxBytesInFlight "
                    + maxBytesInFlight + ": raise maxBytesInFlight or lower batchBytes");
            }
            return new CopySettings(this);
        }

        private static int positive(String name, int value) {
            if (value < 1) {
                throw new IllegalArgumentException(name + " must be positive, not " + value);
            }
            return value;
        }
    }
}
