package io.ddt.event;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.bson.BsonDocument;
import org.bson.BsonValue;

import io.ddt.Namespace;
import io.ddt.Position;

/**
 * Reads change events, as {@code watch()} returns them, into events. Stateless.
 */
final class ChangeStreamParser {

    /**
     * Events about where data lives (sharding) or about the stream itself, which change no
     * data: they become {@link Noop}s named by their operation type.
     */
    private static final Set<String> NO_OPS = Set.of("shardCollection", "reshardCollection",
        "refineCollectionShardKey", "migrateLastChunkFromShard", "migrateChunkToNewShard", "reshardBegin",
        "reshardDoneCatchUp", "reshardBlockingWrites", "namespacePlacementChanged", "endOfTransaction");

    private ChangeStreamParser() {
    }

    /** Reads a change event. */
    static ChangeEvent event(BsonDocument raw) {
        BsonDocument event = Fields.indexed(raw);
        String type = Fields.string(event, "operationType");
        EventHeader header = header(event);
        if (NO_OPS.contains(type)) {
            return new Noop(header, type);
        }
        switch (type) {
            case "insert":
                return new Insert(header, namespace(event), key(event), Fields.document(event, "fullDocument"));
            case "update":
                return new Update(header, namespace(event), key(event), ChangeStreamUpdates.spec(event));
            case "replace":
                return new Replace(header, namespace(event), key(event), Fields.document(event, "fullDocument"));
            case "delete":
                return new Delete(header, namespace(event), key(event));
            case "invalidate":
                return new Invalidate(header);
            case "dropDatabase":
                return new DropDatabase(header, database(event));
            default:
                return ddl(type, event, header);
        }
    }

    private static ChangeEvent ddl(String type, BsonDocument event, EventHeader header) {
        BsonDocument description = Fields.optionalDocument(event, "operationDescription");
        switch (type) {
            case "drop":
                return new Drop(header, namespace(event));
            case "rename":
                return rename(event, description, header);
            case "create":
                return new Create(header, namespace(event), description == null ? new BsonDocument() : description);
            case "createIndexes":
                return new CreateIndexes(header, namespace(event), indexes(required(description)));
            case "dropIndexes":
                return new DropIndexes(header, namespace(event),
                    indexes(required(description)).stream().map(spec -> spec.getString("name").getValue()).toList());
            case "modify":
                return new CollMod(header, namespace(event), required(description));
            default:
                throw EntryProblem.of("its operationType is not one that MongoDB 4.2 to 8.0 reports");
        }
    }

    /** The position (cluster time and resume token), wall time and transaction id. */
    private static EventHeader header(BsonDocument event) {
        Position position = Position.of(Fields.timestamp(event, "clusterTime"), Fields.document(event, "_id"));
        return new EventHeader(position, Fields.instant(event, "wallTime"), false, ApplyOps.transactionId(event));
    }

    private static Namespace namespace(BsonDocument event) {
        return namespace(Fields.document(event, "ns"), "ns");
    }

    private static Namespace namespace(BsonDocument ns, String field) {
        try {
            return Namespace.of(Fields.string(ns, "db"), Fields.string(ns, "coll"));
        } catch (IllegalArgumentException e) {
            throw EntryProblem.of("'" + field + "' is not a collection namespace", e);
        }
    }

    private static String database(BsonDocument event) {
        String database = Fields.string(Fields.document(event, "ns"), "db");
        if (database.isEmpty()) {
            throw EntryProblem.of("its 'ns.db' is empty");
        }
        return database;
    }

    private static BsonDocument key(BsonDocument event) {
        BsonDocument key = Fields.document(event, "documentKey");
        if (!key.containsKey("_id")) {
            throw EntryProblem.of("its 'documentKey' has no _id");
        }
        return key;
    }

    /** A rename: the target in {@code to} (or, 5.3 and later, {@code operationDescription.to}). */
    private static Rename rename(BsonDocument event, BsonDocument description, EventHeader header) {
        BsonDocument to = Fields.optionalDocument(event, "to");
        if (to == null && description != null) {
            to = Fields.optionalDocument(description, "to");
        }
        if (to == null) {
            throw Fields.missing("to");
        }
        boolean dropTarget = description != null && description.containsKey("dropTarget");
        return new Rename(header, namespace(event), namespace(to, "to"), dropTarget);
    }

    private static BsonDocument required(BsonDocument description) {
        if (description == null) {
            throw EntryProblem.of("it has no 'operationDescription' (open the stream with showExpandedEvents)");
        }
        return description;
    }

    private static List<BsonDocument> indexes(BsonDocument description) {
        List<BsonDocument> specs = new ArrayList<>();
        for (BsonValue spec : Fields.array(description, "indexes")) {
            specs.add(Fields.indexSpec(spec, "operationDescription.indexes"));
        }
        if (specs.isEmpty()) {
            throw EntryProblem.of("its 'operationDescription.indexes' is empty");
        }
        return specs;
    }
}
