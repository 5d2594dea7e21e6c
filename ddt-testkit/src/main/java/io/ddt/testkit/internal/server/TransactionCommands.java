package io.ddt.testkit.internal.server;

import java.util.List;

import org.bson.BsonDocument;
import org.bson.BsonInt64;

/** commitTransaction and abortTransaction for the writes {@link Transactions} held back. */
final class TransactionCommands {

    private final FakeMember member;
    private final ServerSettings settings;

    TransactionCommands(FakeMember member, ServerSettings settings) {
        this.member = member;
        this.settings = settings;
    }

    BsonDocument commit(BsonDocument command) {
        Transactions.State state = finish(command);
        if (state != null && !state.operations.isEmpty()) {
            member.oplogWriter().commitTransaction(command.getDocument("lsid"), state.txnNumber, state.operations,
                settings.transactionOpsPerEntry());
        }
        return CollectionCommands.ok();
    }

    BsonDocument abort(BsonDocument command) {
        Transactions.State state = finish(command);
        if (state == null) {
            throw new CommandException(251, "NoSuchTransaction", "Transaction with { txnNumber: "
                + command.getNumber("txnNumber", new BsonInt64(0)).longValue() + " } has been aborted.");
        }
        List<Transactions.Undo> undo = state.undo;
        for (int i = undo.size() - 1; i >= 0; i--) {
            Transactions.Undo step = undo.get(i);
            member.writes().restore(step.namespace(), step.id(), step.before());
        }
        return CollectionCommands.ok();
    }

    private Transactions.State finish(BsonDocument command) {
        if (!command.containsKey("lsid") || !command.containsKey("txnNumber")) {
            throw CommandException.badValue("transaction commands need lsid and txnNumber");
        }
        BsonInt64 txnNumber = new BsonInt64(command.getNumber("txnNumber").longValue());
        return member.transactions().finish(command.getDocument("lsid"), txnNumber);
    }
}
