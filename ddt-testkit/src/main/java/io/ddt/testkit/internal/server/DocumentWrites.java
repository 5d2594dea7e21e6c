package io.ddt.testkit.internal.server;

import java.util.List;

import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonObjectId;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.Json;
import io.ddt.testkit.internal.oplog.DocDiff;

/**
 * Single-document writes against the engine, each logged to the oplog from the document's
 * images before and after: inserts as the stored document, updates as {@code $v:2} diffs (or the
 * whole document where the diff would not be smaller, or the update was a replacement), deletes
 * by {@code _id}. Callers hold the member's write lock.
 */
final class DocumentWrites {

    static final int MAX_DOCUMENT_SIZE = 16 * 1024 * 1024;

    /** What one update statement did; before and after are set when one document was touched. */
    record UpdateResult(int matched, int modified, BsonValue upsertedId, BsonDocument before, BsonDocument after) {
    }

    private final FakeMember member;

    DocumentWrites(FakeMember member) {
        this.member = member;
    }

    /**
     * A document to insert, worked out before the write lock is taken: with {@code _id} first,
     * as bytes (its size checked) and in the engine's form; or the error it must fail with.
     */
    record Prepared(BsonDocument stored, RawBsonDocument bytes, Document engineForm, CommandException error) {

        static Prepared of(BsonDocument document) {
            try {
                BsonDocument stored = withIdFirst(document);
                return new Prepared(stored, checkSize(stored), BsonBridge.toMjs(stored), null);
            } catch (CommandException e) {
                return new Prepared(null, null, null, e);
            }
        }
    }

    void insert(String namespace, BsonDocument document, WriteContext context) {
        insert(namespace, Prepared.of(document), context);
    }

    /** Inserts a prepared document; the oplog and the index take its bytes as they are. */
    void insert(String namespace, Prepared document, WriteContext context) {
        if (document.error() != null) {
            throw document.error();
        }
        BsonDocument stored = document.stored();
        Catalog.Entry collection = member.ddl().ensureCollection(namespace);
        Validators.check(collection, null, stored, context.bypassValidation());
        member.constraints().check(namespace, null, stored);
        checkNewId(namespace, stored.get("_id"));
        throwWriteError(member.engine().insert(database(namespace), collection(namespace), document.engineForm()));
        member.idIndex().put(namespace, document.bytes());
        member.constraints().changed(namespace, null, stored);
        member.transactions().addUndo(context, namespace, stored.get("_id"), null);
        member.oplogWriter().insert(collection, document.bytes(), context);
        member.capped().inserted(collection, document.bytes(), context);
    }

    UpdateResult update(String namespace, BsonDocument statement, WriteContext context) {
        if (statement.getBoolean("multi", BsonBoolean.FALSE).getValue()) {
            return updateMany(namespace, statement, context);
        }
        return updateOne(namespace, statement, null, context);
    }

    private UpdateResult updateMany(String namespace, BsonDocument statement, WriteContext context) {
        BsonValue update = statement.get("u");
        if (update.isDocument() && !Updates.isOperatorUpdate(update.asDocument())) {
            throw new CommandException(9, "FailedToParse", "multi update is not supported for replacement-style update");
        }
        List<BsonDocument> matches = find(namespace, statement.getDocument("q", new BsonDocument()), null, 0);
        if (matches.isEmpty()) {
            return updateOne(namespace, statement, null, context);
        }
        int modified = 0;
        for (BsonDocument before : matches) {
            if (applyUpdate(namespace, before, statement, context) != null) {
                modified++;
            }
        }
        return new UpdateResult(matches.size(), modified, null, null, null);
    }

    /** Updates the first document the query and sort find, or upserts when asked and none does. */
    UpdateResult updateOne(String namespace, BsonDocument statement, BsonDocument sort, WriteContext context) {
        BsonDocument query = statement.getDocument("q", new BsonDocument());
        List<BsonDocument> matches = find(namespace, query, sort, 1);
        if (matches.isEmpty()) {
            if (!statement.getBoolean("upsert", BsonBoolean.FALSE).getValue()) {
                return new UpdateResult(0, 0, null, null, null);
            }
            BsonDocument inserted = Updates.upsertDocument(member, namespace, query, statement);
            insert(namespace, inserted, context);
            return new UpdateResult(0, 0, inserted.get("_id"), null, inserted);
        }
        BsonDocument before = matches.get(0);
        BsonDocument after = applyUpdate(namespace, before, statement, context);
        return new UpdateResult(1, after == null ? 0 : 1, null, before, after == null ? before : after);
    }

    /** Applies one update to one matched document; returns the new image, or null if unchanged. */
    private BsonDocument applyUpdate(String namespace, BsonDocument before, BsonDocument statement, WriteContext context) {
        BsonValue id = before.get("_id");
        BsonValue update = statement.get("u");
        BsonDocument after = Updates.compute(member, namespace, before, statement);
        checkSize(after);
        if (!after.get("_id").equals(id)) {
            throw new CommandException(66, "ImmutableField",
                "Performing an update on the path '_id' would modify the immutable field '_id'");
        }
        if (java.util.Arrays.equals(bytes(before), bytes(after))) {
            return null;
        }
        Validators.check(member.catalog().get(namespace), before, after, context.bypassValidation());
        member.constraints().check(namespace, before, after);
        replace(namespace, id, after);
        member.constraints().changed(namespace, before, after);
        member.transactions().addUndo(context, namespace, id, before);
        Catalog.Entry collection = member.catalog().get(namespace);
        member.oplogWriter().update(collection, id, oplogObject(before, after, update), context);
        return after;
    }

    private static BsonDocument oplogObject(BsonDocument before, BsonDocument after, BsonValue update) {
        if (update.isDocument() && !Updates.isOperatorUpdate(update.asDocument())) {
            return after;
        }
        // Operator updates always log a diff, however small the document; pipeline updates log
        // the whole document when the diff would not be smaller, as the server's computeOplogDiff.
        BsonDocument diff = update.isArray() ? DocDiff.compute(before, after) : DocDiff.computeWithoutSizeLimit(before, after);
        return diff == null ? after : new BsonDocument("$v", new BsonInt32(2)).append("diff", diff);
    }

    /** Deletes up to {@code limit} (0: all) matching documents and returns them. */
    List<BsonDocument> delete(String namespace, BsonDocument query, int limit, BsonDocument sort, WriteContext context) {
        List<BsonDocument> matches = find(namespace, query, sort, limit);
        for (BsonDocument before : matches) {
            deleteById(namespace, before, context);
        }
        return matches;
    }

    void deleteById(String namespace, BsonDocument before, WriteContext context) {
        BsonValue id = before.get("_id");
        member.engine().run(database(namespace), new BsonDocument("delete", new BsonString(collection(namespace)))
            .append("deletes", new BsonArray(List.of(new BsonDocument("q", new BsonDocument("_id", id))
                .append("limit", new BsonInt32(1))))));
        member.idIndex().remove(namespace, id);
        member.constraints().changed(namespace, before, null);
        member.transactions().addUndo(context, namespace, id, before);
        member.oplogWriter().delete(member.catalog().get(namespace), id, context);
        member.capped().deleted(namespace, id);
    }

    /** Puts back a document's earlier image without logging, for transaction abort. */
    void restore(String namespace, BsonValue id, BsonDocument before) {
        BsonDocument current = member.engine().findById(namespace, id);
        if (current != null) {
            member.engine().run(database(namespace), new BsonDocument("delete", new BsonString(collection(namespace)))
                .append("deletes", new BsonArray(List.of(new BsonDocument("q", new BsonDocument("_id", id))
                    .append("limit", new BsonInt32(1))))));
        }
        member.constraints().changed(namespace, current, before);
        member.idIndex().remove(namespace, id);
        if (before != null) {
            member.engine().run(database(namespace), new BsonDocument("insert", new BsonString(collection(namespace)))
                .append("documents", new BsonArray(List.of(before))));
            member.idIndex().put(namespace, before);
        }
    }

    /**
     * Stores {@code after} in place of the document with this id, byte for byte: the engine's own
     * replace keeps the old document's field order, a real member the new one's (with
     * {@code _id} first), so the document is removed and inserted again.
     */
    void replace(String namespace, BsonValue id, BsonDocument after) {
        BsonDocument stored = withIdFirst(after);
        BsonDocument before = member.engine().findById(namespace, id);
        BsonDocument byId = new BsonDocument("q", new BsonDocument("_id", id)).append("limit", new BsonInt32(1));
        member.engine().run(database(namespace), new BsonDocument("delete", new BsonString(collection(namespace)))
            .append("deletes", new BsonArray(List.of(byId))));
        BsonDocument reply = member.engine().run(database(namespace), new BsonDocument("insert", new BsonString(collection(namespace)))
            .append("documents", new BsonArray(List.of(stored))));
        if (reply.containsKey("writeErrors") && before != null) {
            member.engine().run(database(namespace), new BsonDocument("insert", new BsonString(collection(namespace)))
                .append("documents", new BsonArray(List.of(before))));
        }
        throwWriteError(reply);
        member.idIndex().put(namespace, stored);
    }

    List<BsonDocument> find(String namespace, BsonDocument query, BsonDocument sort, int limit) {
        if (!member.catalog().exists(namespace)) {
            return List.of();
        }
        BsonDocument find = new BsonDocument("find", new BsonString(collection(namespace)))
            .append("filter", TypeAliases.rewrite(query));
        if (sort != null) {
            find.append("sort", sort);
        }
        if (limit > 0) {
            find.append("limit", new BsonInt64(limit));
        }
        return member.engine().findAll(database(namespace), find);
    }

    private static void throwWriteError(BsonDocument reply) {
        if (reply.containsKey("writeErrors")) {
            BsonDocument error = reply.getArray("writeErrors").get(0).asDocument();
            int code = error.getNumber("code", new BsonInt32(1)).intValue();
            throw new CommandException(code, error.getString("codeName", new BsonString(code == 11000 ? "DuplicateKey" : "Location" + code)).getValue(),
                error.getString("errmsg", new BsonString("")).getValue());
        }
    }

    static BsonDocument withIdFirst(BsonDocument document) {
        BsonValue id = document.containsKey("_id") ? document.get("_id") : new BsonObjectId();
        if (id.isArray() || id.isRegularExpression() || id.isJavaScriptWithScope() || id.getBsonType() == org.bson.BsonType.UNDEFINED) {
            throw new CommandException(2, "BadValue", "can't use a " + id.getBsonType() + " for _id");
        }
        BsonDocument result = new BsonDocument("_id", id);
        for (var entry : document.entrySet()) {
            if (!entry.getKey().equals("_id")) {
                result.append(entry.getKey(), entry.getValue());
            }
        }
        return result;
    }

    /** Returns the document's bytes, or fails as the server does past 16 MiB. */
    private static RawBsonDocument checkSize(BsonDocument document) {
        byte[] bytes = bytes(document);
        if (bytes.length > MAX_DOCUMENT_SIZE) {
            throw new CommandException(10334, "BSONObjectTooLarge",
                "object to insert too large. size in bytes: " + bytes.length + ", max size: " + MAX_DOCUMENT_SIZE);
        }
        return new RawBsonDocument(bytes);
    }

    /**
     * Rejects an {@code _id} that the collection's unique {@code _id} index already holds under
     * MongoDB's order, which the engine misses for some (a string and a symbol of the same text,
     * {@code {a: 1}} and {@code {a: 1.0}}).
     */
    private void checkNewId(String namespace, BsonValue id) {
        if (member.idIndex().contains(namespace, id)) {
            throw new CommandException(11000, "DuplicateKey", "E11000 duplicate key error collection: " + namespace
                + " index: _id_ dup key: { _id: " + Json.toCompactJsonValue(BsonBridge.toMjs(id)) + " }");
        }
    }

    private static byte[] bytes(BsonDocument document) {
        return WireCodec.encode(document);
    }

    static String database(String namespace) {
        return namespace.substring(0, namespace.indexOf('.'));
    }

    static String collection(String namespace) {
        return namespace.substring(namespace.indexOf('.') + 1);
    }
}
