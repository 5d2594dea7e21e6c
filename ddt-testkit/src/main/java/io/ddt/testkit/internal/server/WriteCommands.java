package io.ddt.testkit.internal.server;

import java.util.ArrayList;
import java.util.List;

import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonValue;

/**
 * The {@code insert}, {@code update} and {@code delete} commands. Each statement is applied one
 * document at a time under the member's write lock, so that every change is logged with the
 * document as it was before and after, and nothing is logged for a write that was rejected.
 */
final class WriteCommands {

    private final DocumentWrites writes;

    WriteCommands(DocumentWrites writes) {
        this.writes = writes;
    }

    /** One statement of a write command; returns how many documents it wrote. */
    private interface Statement<T> {
        int apply(T statement);
    }

    /** An insert command's documents, prepared without the write lock: see {@link DocumentWrites.Prepared}. */
    record PreparedInsert(String namespace, boolean ordered, List<DocumentWrites.Prepared> documents) {
    }

    /**
     * Does the work of an insert that needs no lock (ordering {@code _id} first, encoding,
     * converting for the engine), so that concurrent inserts hold the member's write lock only
     * for what must be serialised.
     */
    static PreparedInsert prepareInsert(String database, BsonDocument command) {
        List<DocumentWrites.Prepared> documents = new ArrayList<>();
        for (BsonValue document : command.getArray("documents", new BsonArray())) {
            documents.add(DocumentWrites.Prepared.of(document.asDocument()));
        }
        return new PreparedInsert(database + "." + command.getString("insert").getValue(),
            command.getBoolean("ordered", BsonBoolean.TRUE).getValue(), documents);
    }

    BsonDocument insert(PreparedInsert insert, WriteContext context) {
        return eachStatement(insert.documents(), insert.ordered(), context, document -> {
            writes.insert(insert.namespace(), document, context);
            return 1;
        });
    }

    /** Runs every statement in order, collecting write errors; ordered writes stop at the first. */
    private static <T> BsonDocument eachStatement(List<T> statements, boolean ordered, WriteContext context,
                                                  Statement<T> statement) {
        int n = 0;
        BsonArray errors = new BsonArray();
        for (int i = 0; i < statements.size(); i++) {
            context.statement(i);
            try {
                n += statement.apply(statements.get(i));
            } catch (CommandException e) {
                errors.add(writeError(i, e));
                if (ordered) {
                    break;
                }
            }
        }
        return result(n, errors);
    }

    BsonDocument update(String database, BsonDocument command, WriteContext context) {
        String namespace = database + "." + command.getString("update").getValue();
        BsonArray updates = command.getArray("updates", new BsonArray());
        boolean ordered = command.getBoolean("ordered", BsonBoolean.TRUE).getValue();
        int matched = 0;
        int modified = 0;
        BsonArray upserted = new BsonArray();
        BsonArray errors = new BsonArray();
        for (int i = 0; i < updates.size(); i++) {
            context.statement(i);
            try {
                DocumentWrites.UpdateResult result = writes.update(namespace, updates.get(i).asDocument(), context);
                matched += result.matched();
                modified += result.modified();
                if (result.upsertedId() != null) {
                    upserted.add(new BsonDocument("index", new BsonInt32(i)).append("_id", result.upsertedId()));
                }
            } catch (CommandException e) {
                errors.add(writeError(i, e));
                if (ordered) {
                    break;
                }
            }
        }
        BsonDocument response = new BsonDocument("n", new BsonInt32(matched + upserted.size()));
        if (!upserted.isEmpty()) {
            response.append("upserted", upserted);
        }
        response.append("nModified", new BsonInt32(modified));
        if (!errors.isEmpty()) {
            response.append("writeErrors", errors);
        }
        return response.append("ok", new BsonDouble(1));
    }

    BsonDocument delete(String database, BsonDocument command, WriteContext context) {
        String namespace = database + "." + command.getString("delete").getValue();
        List<BsonDocument> deletes = MjsEngine.documents(command.getArray("deletes", new BsonArray()));
        boolean ordered = command.getBoolean("ordered", BsonBoolean.TRUE).getValue();
        return eachStatement(deletes, ordered, context, statement -> {
            int limit = statement.getNumber("limit", new BsonInt32(0)).intValue();
            return writes.delete(namespace, statement.getDocument("q", new BsonDocument()), limit, null, context).size();
        });
    }

    /** {@code findAndModify}: one document, found with the query and sort, changed or removed. */
    BsonDocument findAndModify(String database, BsonDocument command, WriteContext context) {
        String namespace = database + "." + command.getString("findAndModify", command.getString("findandmodify", null)).getValue();
        BsonDocument query = command.getDocument("query", new BsonDocument());
        BsonDocument sort = command.getDocument("sort", null);
        BsonDocument fields = command.getDocument("fields", null);
        boolean returnNew = command.getBoolean("new", BsonBoolean.FALSE).getValue();
        BsonDocument lastError = new BsonDocument();
        BsonValue value;
        if (command.getBoolean("remove", BsonBoolean.FALSE).getValue()) {
            List<BsonDocument> removed = writes.delete(namespace, query, 1, sort, context);
            lastError.append("n", new BsonInt32(removed.size()));
            value = removed.isEmpty() ? null : removed.get(0);
        } else {
            BsonDocument statement = new BsonDocument("q", query).append("u", command.get("update"))
                .append("upsert", command.getBoolean("upsert", BsonBoolean.FALSE));
            if (command.containsKey("arrayFilters")) {
                statement.append("arrayFilters", command.get("arrayFilters"));
            }
            DocumentWrites.UpdateResult result = writes.updateOne(namespace, statement, sort, context);
            lastError.append("n", new BsonInt32(result.matched() + (result.upsertedId() == null ? 0 : 1)));
            lastError.append("updatedExisting", BsonBoolean.valueOf(result.matched() > 0));
            if (result.upsertedId() != null) {
                lastError.append("upserted", result.upsertedId());
            }
            value = returnNew ? result.after() : result.before();
        }
        BsonValue projected = value == null ? org.bson.BsonNull.VALUE : Projections.apply(value.asDocument(), fields);
        return new BsonDocument("lastErrorObject", lastError).append("value", projected)
            .append("ok", new BsonDouble(1));
    }

    private static BsonDocument result(int n, BsonArray errors) {
        BsonDocument response = new BsonDocument("n", new BsonInt32(n));
        if (!errors.isEmpty()) {
            response.append("writeErrors", errors);
        }
        return response.append("ok", new BsonDouble(1));
    }

    private static BsonDocument writeError(int index, CommandException e) {
        BsonDocument response = e.toResponse();
        return new BsonDocument("index", new BsonInt32(index)).append("code", response.get("code"))
            .append("codeName", response.get("codeName")).append("errmsg", response.get("errmsg"));
    }

}
