package io.ddt.mongo;

import java.time.Duration;
import java.util.Objects;

import com.mongodb.ReadPreference;
import com.mongodb.client.MongoClient;

import io.ddt.NamespaceFilter;
import io.ddt.internal.stream.StreamSettings;

/**
 * The settings both MongoDB streamers share: which namespaces, how large a batch, how long the
 * server waits per {@code getMore}, how long transient errors are retried. Each setter checks its
 * argument at once. A builder is not thread-safe; what it builds is.
 *
 * @param <B> the concrete builder, returned by every setter
 */
public abstract class StreamerBuilder<B extends StreamerBuilder<B>> {

    final MongoClient source;
    private NamespaceFilter filter = NamespaceFilter.all();
    private int batchEvents = 1000;
    private long batchBytes = 16L * 1024 * 1024;
    private Duration maxAwaitTime = Duration.ofMillis(200);
    private Duration retryTimeout = Duration.ofMinutes(2);
    ReadPreference readPreference;

    StreamerBuilder(MongoClient source) {
        this.source = Objects.requireNonNull(source, "source");
    }

    /**
     * Which namespaces to hand over; default {@link NamespaceFilter#all()}, every namespace but
     * the internal ones. The include globs are sent to the server; the whole filter is applied
     * again to what it returns.
     *
     * @param namespaceFilter the filter; not null
     * @return this builder
     */
    public B filter(NamespaceFilter namespaceFilter) {
        this.filter = Objects.requireNonNull(namespaceFilter, "filter");
        return self();
    }

    /**
     * The most events in one batch, also the cursor's batch size; default 1000. A transaction
     * counts its events, and is never split: a batch holds at least one event, however large.
     *
     * @param count at least 1
     * @return this builder
     * @throws IllegalArgumentException if {@code count} is less than 1
     */
    public B batchEvents(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("batchEvents must be at least 1, not " + count);
        }
        this.batchEvents = count;
        return self();
    }

    /**
     * The most bytes, counted as read from the source, in one batch; default 16 MiB. A batch
     * holds at least one event, however large.
     *
     * @param bytes at least 1
     * @return this builder
     * @throws IllegalArgumentException if {@code bytes} is less than 1
     */
    public B batchBytes(long bytes) {
        if (bytes < 1) {
            throw new IllegalArgumentException("batchBytes must be at least 1, not " + bytes);
        }
        this.batchBytes = bytes;
        return self();
    }

    /**
     * How long one {@code getMore} waits on the server for new changes; default 200 ms. A
     * stream's {@code next} returns at most this much later than its own wait, and after a
     * {@code close()} from another thread: a shorter time answers sooner, a longer one asks the
     * server less often.
     *
     * @param time between 1 ms and 1 minute
     * @return this builder
     * @throws IllegalArgumentException if {@code time} is out of range
     */
    public B maxAwaitTime(Duration time) {
        Objects.requireNonNull(time, "maxAwaitTime");
        if (time.toMillis() < 1 || time.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException("maxAwaitTime must be between 1 ms and 1 minute, not " + time);
        }
        this.maxAwaitTime = time;
        return self();
    }

    /**
     * How long transient errors (the network, an election, a restarted member) are retried
     * without progress before a stream fails; default 2 minutes. Each retry reopens the stream
     * right after the last change read.
     *
     * @param timeout not negative
     * @return this builder
     * @throws IllegalArgumentException if {@code timeout} is negative
     */
    public B retryTimeout(Duration timeout) {
        Objects.requireNonNull(timeout, "retryTimeout");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("retryTimeout must not be negative, not " + timeout);
        }
        this.retryTimeout = timeout;
        return self();
    }

    /** Returns the settings as set. */
    StreamSettings settings() {
        return new StreamSettings(filter, batchEvents, batchBytes, maxAwaitTime, retryTimeout, readPreference);
    }

    abstract B self();
}
