package io.ddt;

/**
 * Thrown when an oplog entry or a change event is one that ddt cannot turn into a change event:
 * an operation type, command or update form it does not know, or a required field that is
 * missing or of the wrong type.
 *
 * <p>ddt never skips an entry it does not understand: skipping would leave the target silently
 * different from the source. The message names the entry by its place in the source's history
 * (for an oplog entry its {@code ts}, {@code op} and {@code ns}; for a change event its
 * {@code operationType}, cluster time and the start of its resume token) and says what was
 * wrong with it. It never contains the entry's documents.
 *
 * <p>An entry from a MongoDB version that ddt does not support yet, or a damaged entry, fails
 * the same way on every retry. Look at the entry on the source (for example
 * {@code db.getSiblingDB("local").oplog.rs.find({ts: Timestamp(s, i)})}) and report it with the
 * server's version.
 */
public class UnreadableEventException extends DdtException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message which entry could not be read and why, without document content
     */
    public UnreadableEventException(String message) {
        super(message);
    }

    /**
     * Creates the exception, keeping the error that revealed the problem.
     *
     * @param message which entry could not be read and why, without document content
     * @param cause the underlying error (for example a namespace that breaks the naming rules);
     *     may be {@code null}
     */
    public UnreadableEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
