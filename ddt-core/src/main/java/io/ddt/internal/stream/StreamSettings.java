package io.ddt.internal.stream;

import java.time.Duration;

import com.mongodb.ReadPreference;

import io.ddt.NamespaceFilter;

/**
 * What both streamers are configured with; checked by the public builders.
 *
 * @param filter the namespaces to hand over
 * @param batchEvents the most events in one batch (a transaction counts its events); at least one
 *     event is always handed over
 * @param batchBytes the most bytes, as read, in one batch; at least one event is always handed
 *     over
 * @param maxAwaitTime how long one {@code getMore} waits on the server: how late {@code next}
 *     may return after its own wait or after {@code close()}
 * @param retryTimeout how long transient errors are retried without progress before the stream
 *     fails
 * @param readPreference where the oplog is read, or null for the client's own
 */
public record StreamSettings(NamespaceFilter filter, int batchEvents, long batchBytes, Duration maxAwaitTime,
                             Duration retryTimeout, ReadPreference readPreference) {
}
