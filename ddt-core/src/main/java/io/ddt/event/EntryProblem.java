package io.ddt.event;

/**
 * What the parsers throw inside this package when an entry cannot be read: the problem alone,
 * without the entry's identity, which {@link ChangeEvents} and {@link TransactionAssembler} add
 * when they turn it into an {@link io.ddt.UnreadableEventException} or an
 * {@link io.ddt.PartialTransactionException}.
 */
final class EntryProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** True when the entry is readable but only one part of a transaction. */
    private final boolean transactionPart;

    private EntryProblem(String problem, boolean transactionPart, Throwable cause) {
        super(problem, cause);
        this.transactionPart = transactionPart;
    }

    /** An entry that is wrong or unknown. */
    static EntryProblem of(String problem) {
        return new EntryProblem(problem, false, null);
    }

    /** An entry that is wrong, revealed by another error (kept as the cause). */
    static EntryProblem of(String problem, Throwable cause) {
        return new EntryProblem(problem, false, cause);
    }

    /** An entry that is one part of a transaction written in several entries. */
    static EntryProblem transactionPart(String what) {
        return new EntryProblem(what, true, null);
    }

    /**
     * Returns this problem placed inside a larger entry, such as an operation of an applyOps.
     * A transaction's part has no place inside another entry, so there it is a plain problem.
     */
    EntryProblem within(String context) {
        return new EntryProblem(context + ": " + getMessage(), false, getCause());
    }

    /** Tells whether the entry is one part of a transaction rather than unreadable. */
    boolean isTransactionPart() {
        return transactionPart;
    }
}
