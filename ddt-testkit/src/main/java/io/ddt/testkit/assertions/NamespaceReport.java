package io.ddt.testkit.assertions;

import java.util.List;

/**
 * What differs for one source namespace and the target namespace it maps to.
 *
 * @param source the source namespace, {@code null} for a namespace only the target has
 * @param target the target namespace
 * @param metadata differences of the collection, its options and its indexes
 * @param documents differences of the documents
 */
record NamespaceReport(String source, String target, List<MetadataDifference> metadata, DocumentTally documents) {

    NamespaceReport {
        metadata = List.copyOf(metadata);
    }

    boolean hasDifferences() {
        return !metadata.isEmpty() || !documents.isEmpty();
    }
}
