package io.ddt;

/**
 * The root of every exception that ddt throws on purpose.
 *
 * <p>All ddt exceptions are unchecked. A caller that only wants to know "did the transfer fail"
 * catches this type; a caller that can act on the reason catches one of the subtypes:
 * {@link ConfigurationException} (fix the settings), {@link TargetNotEmptyException} (empty the
 * target or change the policy), {@link HistoryLostException} (start again with a full copy),
 * {@link ConflictException} and {@link DocumentRejectedException} (the target refused a write),
 * {@link UnreadableEventException} (an oplog entry or change event that ddt cannot read) and its
 * {@link PartialTransactionException} (one part of a transaction read alone),
 * {@link CheckpointException} (a job's checkpoint cannot be read or saved: restore or delete it).
 *
 * <p>Messages name the namespace, the position and the remedy where there is one, and never
 * contain a document's content or a credential. The cause, when there is one, is always kept.
 *
 * <p>Implementations of the SPI may throw this type (or a subtype) themselves; ddt passes it on
 * to the caller unchanged.
 */
public class DdtException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message and no cause.
     *
     * @param message what went wrong and, where there is one, what to do about it
     */
    public DdtException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and the exception that caused it.
     *
     * @param message what went wrong and, where there is one, what to do about it
     * @param cause the underlying failure, kept for the stack trace; may be {@code null}
     */
    public DdtException(String message, Throwable cause) {
        super(message, cause);
    }
}
