package io.ddt.event;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.bson.BsonDocument;
import org.bson.BsonValue;

import io.ddt.Namespace;

/**
 * Reads the oplog's command entries ({@code op: "c"}, {@code ns: "<db>.$cmd"}): every command
 * the server's oplog applier knows, by the name of the first field of {@code o}.
 */
final class CommandOps {

    /** Commands that change no data: their entries only move the position. */
    private static final Set<String> NO_OPS = Set.of("startIndexBuild", "abortIndexBuild", "dbCheck",
        "modifyCollectionShardingIndexCatalog");

    /** The parts of transactions that MongoDB writes in several entries. */
    private static final Set<String> TRANSACTION_PARTS = Set.of("commitTransaction", "abortTransaction");

    /** Commands that the oplog can hold but that cannot be replayed onto another cluster. */
    private static final Set<String> UNSUPPORTED = Set.of("emptycapped", "importCollection", "createGlobalIndex",
        "dropGlobalIndex");

    private CommandOps() {
    }

    /** Reads a command entry, or a command inside an {@code applyOps}. */
    static ChangeEvent command(BsonDocument op, EventHeader header) {
        String database = database(Fields.string(op, "ns"));
        BsonDocument o = Fields.document(op, "o");
        if (o.isEmpty()) {
            throw EntryProblem.of("its command 'o' is empty");
        }
        String name = o.getFirstKey();
        if (NO_OPS.contains(name)) {
            return new Noop(header, name);
        }
        if (TRANSACTION_PARTS.contains(name)) {
            throw EntryProblem.transactionPart("the " + name + " of a prepared transaction");
        }
        if (UNSUPPORTED.contains(name)) {
            throw EntryProblem.of("its command " + name + " changes data in a way that cannot be replayed on another"
                + " cluster, so ddt does not support it");
        }
        return ddl(name, database, op, o, header);
    }

    private static ChangeEvent ddl(String name, String database, BsonDocument op, BsonDocument o, EventHeader header) {
        switch (name) {
            case "create":
                return new Create(header, Fields.collection(database, o, name), createOptions(o));
            case "drop":
                return new Drop(header, Fields.collection(database, o, name));
            case "renameCollection":
                return rename(o, header);
            case "collMod":
                return new CollMod(header, Fields.collection(database, o, name), Fields.without(o, name));
            case "dropDatabase":
                return new DropDatabase(header, database);
            case "createIndexes":
                return new CreateIndexes(header, Fields.collection(database, o, name),
                    List.of(Fields.indexSpec(Fields.without(o, name), "o")));
            case "commitIndexBuild":
                return new CreateIndexes(header, Fields.collection(database, o, name), indexSpecs(o));
            case "dropIndexes":
            case "deleteIndexes":
                return new DropIndexes(header, Fields.collection(database, o, name), indexNames(o));
            case "convertToCapped":
                return convertToCapped(database, o, header);
            case "applyOps":
                return ApplyOps.single(op, o, header);
            default:
                throw EntryProblem.of("its command is not one that MongoDB 4.2 to 8.0 writes in the oplog");
        }
    }

    /** The database of a command's namespace, {@code <db>.$cmd}. */
    private static String database(String ns) {
        int dot = ns.indexOf('.');
        if (dot <= 0) {
            throw EntryProblem.of("its ns is not <database>.$cmd");
        }
        return ns.substring(0, dot);
    }

    private static BsonDocument createOptions(BsonDocument o) {
        BsonDocument options = Fields.without(o, "create");
        if (options.isDocument("idIndex")) {
            options.put("idIndex", Fields.indexSpec(options.get("idIndex"), "idIndex"));
        }
        return options;
    }

    private static Rename rename(BsonDocument o, EventHeader header) {
        Namespace from = Fields.namespace(Fields.string(o, "renameCollection"), "renameCollection");
        Namespace to = Fields.namespace(Fields.string(o, "to"), "to");
        BsonValue dropTarget = o.get("dropTarget");
        // 4.2 and later write the dropped target's UUID; earlier servers wrote true.
        boolean drops = dropTarget != null && (dropTarget.isBinary() || Fields.isTrue(o, "dropTarget"));
        return new Rename(header, from, to, drops);
    }

    private static List<BsonDocument> indexSpecs(BsonDocument o) {
        List<BsonDocument> specs = new ArrayList<>();
        for (BsonValue spec : Fields.array(o, "indexes")) {
            specs.add(Fields.indexSpec(spec, "indexes"));
        }
        if (specs.isEmpty()) {
            throw EntryProblem.of("its 'indexes' is empty");
        }
        return specs;
    }

    private static List<String> indexNames(BsonDocument o) {
        BsonValue index = o.get("index");
        if (index != null && index.isString()) {
            return List.of(index.asString().getValue());
        }
        if (index != null && index.isArray() && !index.asArray().isEmpty()
            && index.asArray().stream().allMatch(BsonValue::isString)) {
            return index.asArray().stream().map(name -> name.asString().getValue()).toList();
        }
        throw EntryProblem.of("its 'index' is neither an index name nor a list of names");
    }

    private static ConvertToCapped convertToCapped(String database, BsonDocument o, EventHeader header) {
        long size = Fields.number(o, "size");
        if (size <= 0) {
            throw EntryProblem.of("its 'size' is not positive");
        }
        return new ConvertToCapped(header, Fields.collection(database, o, "convertToCapped"), size);
    }
}
