package io.ddt.event;

import java.util.Objects;

import org.bson.BsonBinary;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * The id of a multi-document transaction: its logical session id ({@code lsid}) and its number
 * within that session ({@code txnNumber}), as the source wrote them.
 *
 * <p>Immutable and thread-safe. Equal ids mean the same transaction.
 *
 * @param lsid the logical session id, as the source gave it (usually {@code {id: UUID, uid:
 *     BinData}}); not null
 * @param txnNumber the transaction's number within its session
 */
public record TransactionId(BsonDocument lsid, long txnNumber) {

    /**
     * Checks the arguments.
     *
     * @throws NullPointerException if {@code lsid} is null
     */
    public TransactionId {
        Objects.requireNonNull(lsid, "lsid");
    }

    /**
     * Returns {@code txnNumber N of session <uuid>}, the session given by its {@code id} UUID
     * when it has one (a session id is not document content), else by a hash.
     *
     * @return the text
     */
    @Override
    public String toString() {
        return "txnNumber " + txnNumber + " of session " + session();
    }

    private String session() {
        BsonValue id = lsid.get("id");
        if (id instanceof BsonBinary binary && binary.getData().length == 16 && binary.getType() == 4) {
            return binary.asUuid().toString();
        }
        return "#" + String.format("%08x", lsid.hashCode());
    }
}
