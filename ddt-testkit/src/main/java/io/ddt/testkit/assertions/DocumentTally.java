package io.ddt.testkit.assertions;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Counts the document differences of one namespace and keeps only the first few, so that a
 * collection where every document differs still costs constant memory.
 *
 * <p>Not thread-safe; owned by the comparison that fills it.
 */
final class DocumentTally {

    /** How many differing documents a failure message names. */
    static final int SAMPLE_LIMIT = 5;

    private final Map<DifferenceKind, Long> counts = new EnumMap<>(DifferenceKind.class);
    private final List<DocumentDifference> samples = new ArrayList<>();

    void add(DocumentDifference difference) {
        counts.merge(difference.kind(), 1L, Long::sum);
        if (samples.size() < SAMPLE_LIMIT) {
            samples.add(difference);
        }
    }

    long count(DifferenceKind kind) {
        return counts.getOrDefault(kind, 0L);
    }

    long total() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    boolean isEmpty() {
        return counts.isEmpty();
    }

    /** The first differences found, in {@code _id} order, at most {@link #SAMPLE_LIMIT}. */
    List<DocumentDifference> samples() {
        return List.copyOf(samples);
    }
}
