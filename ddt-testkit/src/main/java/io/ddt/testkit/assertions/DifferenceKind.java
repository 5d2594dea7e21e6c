package io.ddt.testkit.assertions;

/** How one item (a document, an index, a collection) on the target differs from the source. */
enum DifferenceKind {
    /** The source has it; the target does not. */
    MISSING_ON_TARGET("missing on target"),
    /** The target has it; the source does not. */
    EXTRA_ON_TARGET("extra on target"),
    /** Both have it, with different content. */
    DIFFERENT("different");

    private final String label;

    DifferenceKind(String label) {
        this.label = label;
    }

    /** The words used for this kind in a failure message. */
    String label() {
        return label;
    }
}
