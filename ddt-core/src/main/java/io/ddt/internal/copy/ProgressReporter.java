package io.ddt.internal.copy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.ddt.CopySettings;
import io.ddt.spi.CopyListener;
import io.ddt.spi.CopyProgress;

/**
 * Reports the copy's progress at a steady cadence: an INFO line per collection still running,
 * and the figures to the listener. Runs on its own named thread; closed when the copy ends,
 * after one last report.
 */
final class ProgressReporter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ProgressReporter.class);

    private final CopySettings settings;
    private final List<SourceCollection> collections;
    private final Map<String, CollectionProgress> progress;
    private final CopyListener listener;
    private final ScheduledExecutorService timer;
    private final long startNanos = System.nanoTime();

    ProgressReporter(CopySettings settings, List<SourceCollection> collections, Map<String, CollectionProgress> progress,
                     CopyListener listener) {
        this.settings = settings;
        this.collections = collections;
        this.progress = progress;
        this.listener = listener;
        this.timer = Executors.newSingleThreadScheduledExecutor(new NamedThreads(settings.jobName(), "copy-progress"));
        long interval = settings.progressInterval().toMillis();
        timer.scheduleAtFixedRate(this::report, interval, interval, TimeUnit.MILLISECONDS);
    }

    private void report() {
        try {
            CopyProgress snapshot = snapshot();
            for (CopyProgress.Collection collection : snapshot.collections()) {
                if (!collection.done() && collection.documents() > 0) {
                    LOG.info("{}: {} {}/{} documents, {} MB, {} docs/s, {} left", settings.jobName(), collection.namespace(),
                        collection.documents(), collection.estimatedDocuments(), collection.bytes() / (1024 * 1024),
                        Math.round(collection.documentsPerSecond()), collection.remaining() == null ? "unknown"
                            : collection.remaining().toSeconds() + " s");
                }
            }
            listener.progress(snapshot);
        } catch (RuntimeException e) {
            LOG.warn("{}: progress report failed: {}", settings.jobName(), e.toString());
        }
    }

    CopyProgress snapshot() {
        List<CopyProgress.Collection> figures = new ArrayList<>();
        for (SourceCollection collection : collections) {
            CollectionProgress counters = progress.get(collection.source().fullName());
            if (counters != null) {
                figures.add(counters.snapshot());
            }
        }
        return new CopyProgress(figures, Duration.ofNanos(System.nanoTime() - startNanos));
    }

    @Override
    public void close() {
        timer.shutdownNow();
        listener.progress(snapshot());
    }
}
