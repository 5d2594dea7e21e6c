package io.ddt;

import java.util.Objects;

import org.bson.BsonDocument;

/**
 * Thrown when the target refused a write because of a real conflict with what it already holds,
 * one that replaying the source's history cannot resolve: typically a duplicate key on a unique
 * index that the source does not have, or a document written to the target by someone else.
 *
 * <p>Writes that merely repeat what is already there (the same document copied twice after a
 * restart) are not conflicts; ddt absorbs them and does not throw this exception.
 *
 * <p>The exception carries the target namespace and the document key ({@code _id} and, for a
 * sharded collection, the shard key fields) so that the caller can look at the document; it
 * never carries the document itself. The server error is kept as the cause: its message comes
 * from the server and may quote the values of the conflicting index key.
 *
 * <p>To go on, compare the target's indexes with the source's and stop other writers to the
 * target, then resume the job from its last checkpoint.
 */
public class ConflictException extends DdtException {

    private static final long serialVersionUID = 1L;

    /** The target namespace of the refused write. */
    private final Namespace namespace;
    /** The key of the document whose write was refused; never handed out, only copies. */
    private final BsonDocument documentKey;

    /**
     * Creates the exception for a refused write.
     *
     * @param namespace the target namespace written to; not null
     * @param documentKey the key of the document written; not null; copied
     * @param reason why the target refused it, without document content, for example
     *     {@code "duplicate key on index email_1 (E11000)"}; not null
     * @throws NullPointerException if an argument is null
     */
    public ConflictException(Namespace namespace, BsonDocument documentKey, String reason) {
        this(namespace, documentKey, reason, null);
    }

    /**
     * Creates the exception for a refused write, keeping the server error.
     *
     * @param namespace the target namespace written to; not null
     * @param documentKey the key of the document written; not null; copied
     * @param reason why the target refused it, without document content; not null
     * @param cause the server error; may be null
     * @throws NullPointerException if {@code namespace}, {@code documentKey} or {@code reason}
     *     is null
     */
    public ConflictException(Namespace namespace, BsonDocument documentKey, String reason, Throwable cause) {
        super(message(namespace, documentKey, reason), cause);
        this.namespace = namespace;
        this.documentKey = documentKey.clone();
    }

    /**
     * Returns the target namespace of the refused write.
     *
     * @return the namespace; never null
     */
    public Namespace namespace() {
        return namespace;
    }

    /**
     * Returns the key of the document whose write was refused.
     *
     * @return a copy of the key ({@code _id} and any shard key fields); never null
     */
    public BsonDocument documentKey() {
        return documentKey.clone();
    }

    private static String message(Namespace namespace, BsonDocument documentKey, String reason) {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(documentKey, "documentKey");
        Objects.requireNonNull(reason, "reason");
        return "The target refused a write to " + namespace + " for the document with key "
            + ErrorText.key(documentKey) + ": " + reason + ". Something other than the source's "
            + "history is in the way (another writer, or an index the source does not have): "
            + "compare the target's indexes with the source's, stop other writers to the target, "
            + "then resume from the last checkpoint.";
    }
}
