package io.ddt.spi;

import io.ddt.Position;

/**
 * A source of ordered {@link io.ddt.event.ChangeEvent} batches: the source's history from a
 * start position, up to an optional end position or forever. The MongoDB implementations are
 * {@code io.ddt.mongo.MongoOplogStreamer} (tails {@code local.oplog.rs}; replica sets, least
 * overhead) and {@code io.ddt.mongo.ChangeStreamStreamer} (change streams; mongos and hosted
 * clusters where the oplog is not readable).
 *
 * <p>A streamer is configured once (which clusters, which namespaces) and may open several
 * streams one after the other, for example one per restart of a job. It is thread-safe.
 */
public interface OplogStreamer {

    /**
     * Opens a stream of the events strictly after {@code after}, up to and including
     * {@code until} when it is given.
     *
     * <p>A position without a resume token stands here for everything at its cluster time: the
     * stream starts with the first event at a later time, and ends with the last event at
     * {@code until}'s time. (This is how a batch position of an oplog reader, or a cluster time
     * taken before a full copy, is meant; {@link Position}'s order, which puts such a position
     * before the events at its time, is only an order.) A position with a token stands for
     * exactly the event or point it names.
     *
     * <p>Checks, before returning, that {@code after} is still in the source's history: a start
     * that has fallen off the oplog throws {@link io.ddt.HistoryLostException}, saying how far
     * behind it is, rather than skipping what was lost.
     *
     * @param after the position to start after: the watermark of a checkpoint, or the time
     *     before a full copy began; not null
     * @param until the last position to return, inclusive; {@code null} to stream until closed
     * @return the open stream; the caller closes it
     * @throws io.ddt.HistoryLostException if {@code after} is older than the oldest entry the
     *     source still holds
     * @throws io.ddt.DdtException if the source cannot be read
     */
    EventStream open(Position after, Position until);
}
