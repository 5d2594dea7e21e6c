package io.ddt.mongo;

import java.util.Objects;

import com.mongodb.client.MongoClient;

import io.ddt.CopySettings;
import io.ddt.NamespaceFilter;
import io.ddt.NamespaceMapping;
import io.ddt.internal.copy.CopyRun;
import io.ddt.spi.CopyListener;
import io.ddt.spi.CopyState;
import io.ddt.spi.FullCopier;

/**
 * The MongoDB {@link FullCopier}: copies the selected collections from a source cluster to a
 * target, with their options, indexes and views.
 *
 * <ul>
 *   <li>Large collections are split into {@code _id} ranges, bracketed by BSON type so that
 *       mixed {@code _id} types are each copied exactly once, and ranges of all collections are
 *       copied in parallel by {@link CopySettings#threads()} workers.</li>
 *   <li>Documents travel as raw BSON from cursor to unordered {@code insertMany}: never decoded
 *       or re-encoded. Batches are bounded by count and bytes, and memory by
 *       {@link CopySettings#maxBytesInFlight()}: a full budget blocks the readers.</li>
 *   <li>Each written batch moves its range's last {@code _id} forward in the {@link CopyState}
 *       given to the listener, so a copy resumed from a saved state redoes at most the batches
 *       that were in flight; documents found on the target are replaced, never duplicated.</li>
 *   <li>Indexes are built after a collection's documents (or before, on request); TTL expiry is
 *       deferred meanwhile and restored at the end, or by {@link #restoreTtl()} when the caller
 *       keeps it deferred until cut-over.</li>
 *   <li>Reads go where {@link CopySettings#readPreference()} says; to read from one member
 *       (a hidden secondary), pass a source client made with {@code directConnection=true} to
 *       that member and a secondary read preference.</li>
 * </ul>
 *
 * <p>Before the first write it checks the namespace mapping for collisions and applies the
 * non-empty-target policy; both fail with a message naming the namespaces. The clients are the
 * caller's: the copier never closes them. Thread-safe for one {@link #copy} at a time.
 */
public final class MongoFullCopier implements FullCopier {

    private final CopyRun run;

    private MongoFullCopier(Builder builder) {
        this.run = new CopyRun(builder.source, builder.target, builder.filter, builder.mapping, builder.settings,
            builder.restoreTtlAtEnd);
    }

    /**
     * Starts building a copier between two clusters.
     *
     * @param source the client of the cluster to read
     * @param target the client of the cluster to write
     * @return a builder with every namespace selected, no renaming and default settings
     */
    public static Builder builder(MongoClient source, MongoClient target) {
        return new Builder(source, target);
    }

    @Override
    public CopyState copy(CopyState resume, CopyListener listener) {
        return run.copy(Objects.requireNonNull(resume, "resume"), Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Builds the unique indexes that a copy with {@link CopySettings#deferUniqueIndexes()} left
     * out; call it once the target has caught up with the source.
     *
     * @throws io.ddt.DdtException if a build fails, for example on keys still held twice
     */
    public void buildDeferredIndexes() {
        run.buildDeferredIndexes();
    }

    /** Sets TTL expiry on the target back to the source's values, for a copy built with {@code restoreTtlAtEnd(false)}. */
    public void restoreTtl() {
        run.restoreTtl();
    }

    /** Builds a {@link MongoFullCopier}. */
    public static final class Builder {
        private final MongoClient source;
        private final MongoClient target;
        private NamespaceFilter filter = NamespaceFilter.all();
        private NamespaceMapping mapping = NamespaceMapping.identity();
        private CopySettings settings = CopySettings.defaults();
        private boolean restoreTtlAtEnd = true;

        private Builder(MongoClient source, MongoClient target) {
            this.source = Objects.requireNonNull(source, "source");
            this.target = Objects.requireNonNull(target, "target");
        }

        /** Which namespaces to copy; default all but admin, local, config and {@code system.*}. */
        public Builder filter(NamespaceFilter namespaceFilter) {
            this.filter = Objects.requireNonNull(namespaceFilter, "filter");
            return this;
        }

        /** How source namespaces are renamed on the target; default unchanged. */
        public Builder mapping(NamespaceMapping namespaceMapping) {
            this.mapping = Objects.requireNonNull(namespaceMapping, "mapping");
            return this;
        }

        /** Threads, memory, batches and policies; default {@link CopySettings#defaults()}. */
        public Builder settings(CopySettings copySettings) {
            this.settings = Objects.requireNonNull(copySettings, "settings");
            return this;
        }

        /**
         * Whether the copy sets deferred TTL expiry back when it ends; default true. A job that
         * streams changes after the copy keeps it deferred until cut-over and calls
         * {@link MongoFullCopier#restoreTtl()} then.
         */
        public Builder restoreTtlAtEnd(boolean restore) {
            this.restoreTtlAtEnd = restore;
            return this;
        }

        public MongoFullCopier build() {
            return new MongoFullCopier(this);
        }
    }
}
