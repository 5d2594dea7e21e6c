package io.ddt.internal.copy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.ddt.spi.CopyProgress;

/** Counters of one collection's copy, updated by its workers, read by the reporter. */
final class CollectionProgress {

    private final String namespace;
    private final long estimatedDocuments;
    private final AtomicLong documents = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private volatile long startNanos;
    private volatile long endNanos;

    CollectionProgress(String namespace, long estimatedDocuments, long alreadyCopied) {
        this.namespace = namespace;
        this.estimatedDocuments = estimatedDocuments;
        this.documents.set(alreadyCopied);
    }

    void started() {
        if (startNanos == 0) {
            startNanos = System.nanoTime();
        }
    }

    void written(long count, long size) {
        documents.addAndGet(count);
        bytes.addAndGet(size);
    }

    void finished() {
        endNanos = System.nanoTime();
    }

    CopyProgress.Collection snapshot() {
        long docs = documents.get();
        long end = endNanos == 0 ? System.nanoTime() : endNanos;
        double seconds = startNanos == 0 ? 0 : (end - startNanos) / 1e9;
        double rate = seconds > 0 ? docs / seconds : 0;
        Duration remaining = endNanos != 0 ? Duration.ZERO
            : rate > 0 ? Duration.ofMillis((long) (Math.max(0, estimatedDocuments - docs) / rate * 1000)) : null;
        return new CopyProgress.Collection(namespace, docs, bytes.get(), estimatedDocuments, rate, remaining, endNanos != 0);
    }
}
