package io.ddt.examples.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;

import io.ddt.Position;
import io.ddt.event.ChangeEvent;
import io.ddt.spi.EventBatch;

/**
 * Measures how far behind the source the target is: for every batch handed to the applier it
 * notes the oldest event's source wall time, and a watcher thread records, when the applier's
 * watermark passes that event, how long after its wall time that was. Batches are noted from the
 * stream thread; {@link #poll} runs on the watcher thread.
 */
final class LagRecorder {

    private record Pending(Position position, Instant wall) {
    }

    private final ConcurrentLinkedQueue<Pending> pending = new ConcurrentLinkedQueue<>();
    private final List<Double> lagsSeconds = new ArrayList<>();

    /** Notes a batch about to be handed to the applier. */
    void handedOver(EventBatch batch) {
        for (ChangeEvent event : batch.events()) {
            if (event.wallTime() != null) {
                pending.add(new Pending(batch.events().get(batch.events().size() - 1).position(), event.wallTime()));
                return;
            }
        }
    }

    /** Records the lag of every noted batch that the watermark has passed. */
    void poll(Supplier<Optional<Position>> watermark) {
        Optional<Position> applied = watermark.get();
        if (applied.isEmpty()) {
            return;
        }
        long now = System.currentTimeMillis();
        for (Pending next = pending.peek(); next != null && next.position().compareTo(applied.get()) <= 0; next = pending.peek()) {
            pending.poll();
            synchronized (lagsSeconds) {
                lagsSeconds.add((now - next.wall().toEpochMilli()) / 1000.0);
            }
        }
    }

    /** The lag below which {@code fraction} of the samples lie; NaN without samples. */
    double percentile(double fraction) {
        double[] sorted;
        synchronized (lagsSeconds) {
            sorted = lagsSeconds.stream().mapToDouble(Double::doubleValue).toArray();
        }
        if (sorted.length == 0) {
            return Double.NaN;
        }
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(fraction * sorted.length) - 1)];
    }

    int samples() {
        synchronized (lagsSeconds) {
            return lagsSeconds.size();
        }
    }
}
