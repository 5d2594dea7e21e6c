package io.ddt;

import java.util.Objects;

import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * Thrown when the target refused a document for what it is rather than for what it collides
 * with: the target collection's validator rejected it, or it is larger than the target accepts.
 *
 * <p>The exception carries the target namespace and the document's {@code _id}, never the
 * document. The server error is kept as the cause.
 *
 * <p>To go on, either fix the document on the source, or relax the rule on the target (drop or
 * loosen the collection's validator, or let ddt bypass document validation), then resume the
 * job from its last checkpoint.
 */
public class DocumentRejectedException extends DdtException {

    private static final long serialVersionUID = 1L;

    /** The target namespace that rejected the document. */
    private final Namespace namespace;
    /** {@code {_id: ...}}, held as a document so that it can be deep-copied. */
    private final BsonDocument key;

    /**
     * Creates the exception for a rejected document.
     *
     * @param namespace the target namespace written to; not null
     * @param id the {@code _id} of the rejected document; not null; copied
     * @param reason why the target rejected it, without document content, for example
     *     {@code "Document failed validation (121)"}; not null
     * @throws NullPointerException if an argument is null
     */
    public DocumentRejectedException(Namespace namespace, BsonValue id, String reason) {
        this(namespace, id, reason, null);
    }

    /**
     * Creates the exception for a rejected document, keeping the server error.
     *
     * @param namespace the target namespace written to; not null
     * @param id the {@code _id} of the rejected document; not null; copied
     * @param reason why the target rejected it, without document content; not null
     * @param cause the server error; may be null
     * @throws NullPointerException if {@code namespace}, {@code id} or {@code reason} is null
     */
    public DocumentRejectedException(Namespace namespace, BsonValue id, String reason, Throwable cause) {
        super(message(namespace, id, reason), cause);
        this.namespace = namespace;
        this.key = new BsonDocument("_id", id).clone();
    }

    /**
     * Returns the target namespace that rejected the document.
     *
     * @return the namespace; never null
     */
    public Namespace namespace() {
        return namespace;
    }

    /**
     * Returns the {@code _id} of the rejected document.
     *
     * @return a copy of the {@code _id}; never null
     */
    public BsonValue id() {
        return key.clone().get("_id");
    }

    private static String message(Namespace namespace, BsonValue id, String reason) {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(reason, "reason");
        return "The target rejected the document " + ErrorText.id(id) + " of " + namespace + ": "
            + reason + ". Fix the document on the source, or relax the target's rule (its "
            + "collection validator, or document validation for ddt's writes), then resume "
            + "from the last checkpoint.";
    }
}
