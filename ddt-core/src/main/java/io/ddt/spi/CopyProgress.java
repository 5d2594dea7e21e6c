package io.ddt.spi;

import java.time.Duration;
import java.util.List;

/**
 * A full copy's progress at one moment: per collection and in total.
 *
 * @param collections each collection's figures, in plan order
 * @param elapsed time since the copy started
 */
public record CopyProgress(List<Collection> collections, Duration elapsed) {

    /** Copies the list. */
    public CopyProgress {
        collections = List.copyOf(collections);
    }

    /**
     * One collection's figures.
     *
     * @param namespace the source namespace
     * @param documents documents written
     * @param bytes bytes written (BSON size)
     * @param estimatedDocuments the source's estimated count when the copy planned it
     * @param documentsPerSecond the rate since this collection started
     * @param remaining the estimated time left, or null when unknown
     * @param done true when finished
     */
    public record Collection(String namespace, long documents, long bytes, long estimatedDocuments,
                             double documentsPerSecond, Duration remaining, boolean done) {
    }

    /**
     * Returns the documents written over all collections.
     *
     * @return the total
     */
    public long documents() {
        return collections.stream().mapToLong(Collection::documents).sum();
    }

    /**
     * Returns the bytes written over all collections.
     *
     * @return the total
     */
    public long bytes() {
        return collections.stream().mapToLong(Collection::bytes).sum();
    }
}
