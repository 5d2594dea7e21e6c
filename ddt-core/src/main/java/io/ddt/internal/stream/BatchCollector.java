package io.ddt.internal.stream;

import java.util.ArrayList;
import java.util.List;

import io.ddt.Position;
import io.ddt.event.ChangeEvent;
import io.ddt.event.Transaction;
import io.ddt.spi.EventBatch;

/** The events of the batch being filled, their bytes as read, and the limits of a batch. */
final class BatchCollector {

    private final List<ChangeEvent> events = new ArrayList<>();
    private final int maxEvents;
    private final long maxBytes;
    private int count;
    private long bytes;

    BatchCollector(StreamSettings settings) {
        this.maxEvents = settings.batchEvents();
        this.maxBytes = settings.batchBytes();
    }

    void add(ChangeEvent event, long eventBytes) {
        events.add(event);
        count += event instanceof Transaction transaction ? Math.max(1, transaction.events().size()) : 1;
        bytes += eventBytes;
    }

    boolean full() {
        return count >= maxEvents || bytes >= maxBytes;
    }

    boolean isEmpty() {
        return events.isEmpty();
    }

    /** Returns the last event's position, or {@code floor} when there is none. */
    Position lastPosition(Position floor) {
        return events.isEmpty() ? floor : Positions.max(floor, events.get(events.size() - 1).position());
    }

    EventBatch build(Position position, boolean last) {
        return new EventBatch(events, position, bytes, last);
    }
}
