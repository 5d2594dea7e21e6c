package io.ddt.testkit.internal.changestream;

import java.util.List;
import java.util.Optional;

import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * The events of DDL commands ({@code op: "c"}) and of the shardCollection no-op, as the 7.0
 * server's event transformation builds them: drop, rename (with a top-level {@code to}),
 * dropDatabase, and, only with expanded events, create ({@code nsType: "collection"}),
 * createIndexes (from {@code createIndexes} or {@code commitIndexBuild}), dropIndexes, modify
 * (collMod, with {@code stateBeforeChange}) and shardCollection. The
 * {@code operationDescription} is the command's {@code o} less its command field, except that
 * index commands wrap their spec in {@code indexes: [...]} and a rename's {@code to} becomes
 * {@code {db, coll}}.
 *
 * <p>Other commands (startIndexBuild, abortIndexBuild, views, ...) give no event, as they give
 * none on a server without {@code showSystemEvents}. Stateless and thread-safe.
 */
final class CommandEvents {

    private final boolean expanded;

    CommandEvents(boolean expanded) {
        this.expanded = expanded;
    }

    /**
     * Returns the event parts of a command op whose namespace the stream watches.
     *
     * @param op the entry or applyOps element, with {@code ns: "<db>.$cmd"}
     * @return the parts, or empty if the command gives this stream no event
     */
    Optional<EventParts> command(BsonDocument op) {
        String db = dbOf(OplogFields.string(op, "ns"));
        BsonDocument o = OplogFields.document(op, "o");
        EventParts parts;
        if (o.containsKey("drop")) {
            parts = new EventParts("drop", EventParts.namespace(db, OplogFields.string(o, "drop")));
        } else if (o.containsKey("renameCollection")) {
            parts = rename(o);
        } else if (o.containsKey("dropDatabase")) {
            parts = new EventParts("dropDatabase", EventParts.namespace(db, null));
        } else if (!expanded) {
            return Optional.empty();
        } else {
            parts = expandedCommand(op, db, o);
        }
        return Optional.ofNullable(parts).map(p -> p.uuidOf(op));
    }

    /**
     * Returns the event parts of a no-op entry: only shardCollection gives one, with expanded
     * events.
     */
    Optional<EventParts> noop(BsonDocument op) {
        BsonValue o2 = op.get("o2");
        if (!expanded || o2 == null || !o2.isDocument()
                || !o2.asDocument().containsKey("shardCollection")) {
            return Optional.empty();
        }
        EventParts parts = new EventParts("shardCollection",
                EventParts.namespace(OplogFields.string(op, "ns")));
        parts.operationDescription = without(o2.asDocument(), "shardCollection");
        return Optional.of(parts.uuidOf(op));
    }

    private EventParts rename(BsonDocument o) {
        EventParts parts = new EventParts("rename",
                EventParts.namespace(OplogFields.string(o, "renameCollection")));
        parts.to = EventParts.namespace(OplogFields.string(o, "to"));
        BsonDocument description = without(o, "renameCollection", "stayTemp");
        description.put("to", parts.to.clone());
        parts.operationDescription = description;
        return parts;
    }

    private EventParts expandedCommand(BsonDocument op, String db, BsonDocument o) {
        if (o.containsKey("create")) {
            if (o.containsKey("viewOn")) {
                return null; // views come from system.views writes, which we do not turn into events
            }
            EventParts parts = forCollection("create", "create", db, o);
            parts.operationDescription = without(o, "create");
            parts.nsType = "collection";
            return parts;
        }
        if (o.containsKey("createIndexes")) {
            EventParts parts = forCollection("createIndexes", "createIndexes", db, o);
            parts.operationDescription = indexes(without(o, "createIndexes"));
            return parts;
        }
        if (o.containsKey("commitIndexBuild")) {
            EventParts parts = new EventParts("createIndexes",
                    EventParts.namespace(db, OplogFields.string(o, "commitIndexBuild")));
            parts.operationDescription = new BsonDocument("indexes", o.get("indexes"));
            return parts;
        }
        if (o.containsKey("dropIndexes")) {
            EventParts parts = forCollection("dropIndexes", "dropIndexes", db, o);
            parts.operationDescription = indexes(without(OplogFields.document(op, "o2"),
                    "dropIndexes"));
            return parts;
        }
        if (o.containsKey("collMod")) {
            return modify(op, db, o);
        }
        return null;
    }

    private static EventParts modify(BsonDocument op, String db, BsonDocument o) {
        EventParts parts = forCollection("modify", "collMod", db, o);
        parts.operationDescription = without(o, "collMod");
        BsonDocument o2 = OplogFields.documentOrEmpty(op, "o2");
        BsonDocument before = new BsonDocument();
        copyIfPresent(o2, "collectionOptions_old", before, "collectionOptions");
        copyIfPresent(o2, "indexOptions_old", before, "indexOptions");
        parts.stateBeforeChange = before;
        return parts;
    }

    private static EventParts forCollection(String operationType, String commandField, String db,
            BsonDocument o) {
        return new EventParts(operationType,
                EventParts.namespace(db, OplogFields.string(o, commandField)));
    }

    private static BsonDocument indexes(BsonDocument spec) {
        return new BsonDocument("indexes", new BsonArray(List.of(spec)));
    }

    private static BsonDocument without(BsonDocument source, String... fields) {
        BsonDocument copy = source.clone();
        for (String field : fields) {
            copy.remove(field);
        }
        return copy;
    }

    private static void copyIfPresent(BsonDocument from, String field, BsonDocument to,
            String as) {
        if (from.containsKey(field)) {
            to.append(as, from.get(field));
        }
    }

    private static String dbOf(String commandNs) {
        int dot = commandNs.indexOf('.');
        if (dot <= 0) {
            throw new IllegalArgumentException("a command entry's ns is <db>.$cmd, got " + commandNs);
        }
        return commandNs.substring(0, dot);
    }
}
