package io.ddt.internal.copy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.bson.BsonDocument;
import org.bson.RawBsonDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;

import io.ddt.CopySettings;
import io.ddt.DdtException;
import io.ddt.NamespaceFilter;
import io.ddt.NamespaceMapping;
import io.ddt.internal.ServerErrors;
import io.ddt.spi.CollectionCopyState;
import io.ddt.spi.CopyListener;
import io.ddt.spi.CopyState;
import io.ddt.spi.RangeState;

/**
 * One run of the full copy: plan, check the target, create collections and views, split each
 * collection and copy its ranges on a pool of named workers while the next one is split, build
 * indexes as each collection finishes, restore TTL expiry at the end. Every check that can fail
 * runs before the first write.
 */
public final class CopyRun {

    private static final Logger LOG = LoggerFactory.getLogger(CopyRun.class);

    private final MongoClient source;
    private final MongoClient target;
    private final CopySettings settings;
    private final MetadataCopier metadata;
    private final IndexCopier indexes;
    private final boolean restoreTtlAtEnd;

    public CopyRun(MongoClient source, MongoClient target, NamespaceFilter filter, NamespaceMapping mapping,
                   CopySettings settings, boolean restoreTtlAtEnd) {
        this.source = source;
        this.target = target;
        this.settings = settings;
        this.metadata = new MetadataCopier(source, target, filter, mapping, settings.deferTtl());
        this.indexes = new IndexCopier(source, target, settings.deferTtl());
        this.restoreTtlAtEnd = restoreTtlAtEnd;
    }

    public CopyState copy(CopyState resume, CopyListener listener) {
        List<SourceCollection> selected = metadata.selected();
        metadata.checkTargets(selected, resume, settings.targetPolicy());
        CopyStateHolder state = new CopyStateHolder(resume, listener);
        for (SourceCollection collection : selected) {
            metadata.create(collection);
        }
        List<SourceCollection> collections = selected.stream().filter(c -> !c.isView()).toList();
        // Every collection is in the state, unsplit, before the first is copied: collections are
        // split while others copy, and a state that left the later ones out would look complete.
        collections.forEach(collection -> state.update(collection.source().fullName(), c -> c));
        LOG.info("{}: copying {} collections and {} views with {} threads", settings.jobName(), collections.size(),
            selected.size() - collections.size(), settings.threads());
        runRanges(collections, state, listener);
        if (!state.get().isComplete()) {
            throw new DdtException(settings.jobName() + ": full copy ended incomplete (" + state.get()
                + "); resume from the last saved state");
        }
        if (settings.deferTtl() && restoreTtlAtEnd) {
            restoreTtl();
        }
        LOG.info("{}: full copy done, {} documents", settings.jobName(), state.get().documents());
        return state.get();
    }

    /** Builds the unique indexes a copy with {@code deferUniqueIndexes} left out. */
    public void buildDeferredIndexes() {
        for (SourceCollection collection : metadata.selected()) {
            if (!collection.isView()) {
                indexes.build(collection, IndexCopier.Selection.ONLY_UNIQUE);
            }
        }
    }

    /** Sets TTL expiry on the target back to the source's, after a copy that deferred it. */
    public void restoreTtl() {
        for (SourceCollection collection : metadata.selected()) {
            if (!collection.isView()) {
                indexes.restoreTtl(collection);
            }
        }
    }

    private void prepare(SourceCollection collection, CopyStateHolder state, Map<String, CollectionProgress> progress) {
        String namespace = collection.source().fullName();
        CollectionCopyState existing = state.collection(namespace);
        if (existing == null || existing.ranges().isEmpty()) {
            if (settings.indexesFirst()) {
                indexes.build(collection, indexSelection());
            }
            List<RangeState> ranges = new RangeSplitter(settings.rangeDocuments()).split(sourceCollection(collection, BsonDocument.class));
            state.update(namespace, c -> {
                CollectionCopyState split = c.withRanges(ranges);
                return settings.indexesFirst() ? split.withIndexesBuilt() : split;
            });
        }
        long estimated = sourceCollection(collection, BsonDocument.class).estimatedDocumentCount();
        progress.put(namespace, new CollectionProgress(namespace, estimated, state.collection(namespace).documents()));
    }

    /**
     * Splits the collections one after the other and hands each one's ranges to the workers as
     * soon as it is split, so the workers copy while the later collections are still being
     * sampled: splitting costs the source whole scans on some servers, and the target would
     * otherwise wait for all of them.
     */
    private void runRanges(List<SourceCollection> collections, CopyStateHolder state, CopyListener listener) {
        Map<String, CollectionProgress> progress = new ConcurrentHashMap<>();
        ExecutorService workers = Executors.newFixedThreadPool(settings.threads(), new NamedThreads(settings.jobName(), "copy"));
        ProgressReporter reporter = new ProgressReporter(settings, collections, progress, listener);
        ByteBudget budget = new ByteBudget(settings.maxBytesInFlight());
        BatchWriter writer = new BatchWriter(settings, listener);
        ExecutorCompletionService<RangeState> completion = new ExecutorCompletionService<>(workers);
        List<Future<RangeState>> futures = new ArrayList<>();
        int finished = 0;
        try {
            for (SourceCollection collection : collections) {
                prepare(collection, state, progress);
                futures.addAll(submit(collection, state, progress.get(collection.source().fullName()), budget, writer, completion));
                finished += takeFinished(completion, false);
            }
            LOG.info("{}: {} collections split into {} ranges", settings.jobName(), collections.size(), rangeCount(state));
            while (finished < futures.size()) {
                finished += takeFinished(completion, true);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DdtException(settings.jobName() + ": full copy interrupted; resume from the last saved state", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof DdtException ? (DdtException) cause
                : new DdtException(settings.jobName() + ": full copy failed: " + cause, cause);
        } finally {
            futures.forEach(future -> future.cancel(true));
            workers.shutdownNow();
            awaitQuietly(workers);
            reporter.close();
            LOG.debug("{}: peak bytes in flight {}", settings.jobName(), budget.peak());
        }
    }

    /**
     * Collects finished ranges, rethrowing the first failure: one, waiting for it, if
     * {@code wait}; else those already finished, so a failure stops the split early.
     */
    private static int takeFinished(ExecutorCompletionService<RangeState> completion, boolean wait)
        throws InterruptedException, ExecutionException {
        if (wait) {
            completion.take().get();
            return 1;
        }
        int count = 0;
        for (Future<RangeState> done = completion.poll(); done != null; done = completion.poll()) {
            done.get();
            count++;
        }
        return count;
    }

    private List<Future<RangeState>> submit(SourceCollection collection, CopyStateHolder state, CollectionProgress progress,
                                            ByteBudget budget, BatchWriter writer, ExecutorCompletionService<RangeState> completion) {
        String namespace = collection.source().fullName();
        CollectionCopyState current = state.collection(namespace);
        AtomicInteger remaining = new AtomicInteger((int) current.ranges().stream().filter(r -> !r.done()).count());
        Runnable onRangeDone = () -> {
            if (remaining.decrementAndGet() == 0) {
                finishCollection(collection, state, progress);
            }
        };
        if (remaining.get() == 0) {
            finishCollection(collection, state, progress);
            return List.of();
        }
        RangeCopyTask.Context context = new RangeCopyTask.Context(state, budget, writer, settings.batchDocuments(),
            settings.batchBytes(), settings.retryTimeout().toMillis(), onRangeDone);
        MongoCollection<RawBsonDocument> from = sourceCollection(collection, RawBsonDocument.class);
        MongoCollection<RawBsonDocument> to = target.getDatabase(collection.target().database())
            .getCollection(collection.target().collection(), RawBsonDocument.class);
        List<Future<RangeState>> futures = new ArrayList<>();
        for (RangeState range : current.ranges()) {
            if (!range.done()) {
                futures.add(completion.submit(new RangeCopyTask(namespace, range.index(), from, to, progress, context)));
            }
        }
        return futures;
    }

    private void finishCollection(SourceCollection collection, CopyStateHolder state, CollectionProgress progress) {
        String namespace = collection.source().fullName();
        if (!state.collection(namespace).indexesBuilt()) {
            buildIndexesRetrying(collection);
            state.update(namespace, CollectionCopyState::withIndexesBuilt);
        }
        progress.finished();
        LOG.info("{}: {} copied to {}: {} documents", settings.jobName(), namespace, collection.target(),
            state.collection(namespace).documents());
    }

    /** Index builds are idempotent, so a transient error is met by building again. */
    private void buildIndexesRetrying(SourceCollection collection) {
        for (int attempt = 1; ; attempt++) {
            try {
                indexes.build(collection, indexSelection());
                return;
            } catch (DdtException e) {
                if (attempt >= 3 || !TransientErrors.isTransient(e.getCause())) {
                    throw e;
                }
                LOG.warn("{}: building the indexes of {} hit a transient error, building again", settings.jobName(),
                    collection.target());
            } catch (com.mongodb.MongoException e) {
                if (attempt >= 3 || !TransientErrors.isTransient(e)) {
                    throw new DdtException("cannot read the indexes of " + collection.source() + ": " + ServerErrors.describe(e), e);
                }
            }
        }
    }

    private IndexCopier.Selection indexSelection() {
        return settings.deferUniqueIndexes() ? IndexCopier.Selection.ALL_BUT_UNIQUE : IndexCopier.Selection.ALL;
    }

    private <T> MongoCollection<T> sourceCollection(SourceCollection collection, Class<T> type) {
        return source.getDatabase(collection.source().database()).getCollection(collection.source().collection(), type)
            .withReadPreference(settings.readPreference());
    }

    private static int rangeCount(CopyStateHolder state) {
        return state.get().collections().stream().mapToInt(c -> c.ranges().size()).sum();
    }

    private static void awaitQuietly(ExecutorService workers) {
        try {
            workers.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
