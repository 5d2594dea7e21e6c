package io.ddt.testkit.internal.server;

import org.bson.BsonDocument;
import org.bson.BsonInt64;

/**
 * The session facts of one write command that show up in its oplog entries: a retryable write
 * carries {@code lsid}, {@code txnNumber} and a {@code stmtId} per statement; a write inside a
 * transaction is held back until the transaction commits.
 */
final class WriteContext {

    private final BsonDocument lsid;
    private final BsonInt64 txnNumber;
    private final boolean inTransaction;
    private boolean bypassValidation;
    private int stmtId;

    WriteContext(BsonDocument lsid, BsonInt64 txnNumber, boolean inTransaction) {
        this.lsid = lsid;
        this.txnNumber = txnNumber;
        this.inTransaction = inTransaction;
    }

    static WriteContext of(BsonDocument command) {
        WriteContext context;
        if (!command.containsKey("lsid") || !command.containsKey("txnNumber")) {
            context = none();
        } else {
            boolean transaction = command.containsKey("autocommit") && !command.getBoolean("autocommit").getValue();
            context = new WriteContext(command.getDocument("lsid"), command.getNumber("txnNumber").isInt64()
                ? command.getInt64("txnNumber") : new BsonInt64(command.getNumber("txnNumber").longValue()), transaction);
        }
        context.bypassValidation = Validators.bypass(command);
        return context;
    }

    boolean bypassValidation() {
        return bypassValidation;
    }

    /** A write outside any session, such as a capped collection's trim. */
    static WriteContext none() {
        return new WriteContext(null, null, false);
    }

    BsonDocument lsid() {
        return lsid;
    }

    BsonInt64 txnNumber() {
        return txnNumber;
    }

    boolean retryable() {
        return lsid != null && !inTransaction;
    }

    boolean inTransaction() {
        return inTransaction;
    }

    void statement(int index) {
        this.stmtId = index;
    }

    int stmtId() {
        return stmtId;
    }
}
