package io.ddt.testkit.internal.changestream;

import java.util.Optional;

import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * Turns one op (an entry, or one element of an {@code applyOps} array) into the parts of its
 * change event, or into nothing when the stream does not see it. CRUD events as the 7.0 server
 * builds them: an insert's {@code documentKey} is its {@code o2} (or {@code {_id}} for entries
 * written before 5.3); an update with {@code $v:2} becomes an update event with an
 * {@code updateDescription} (or, with {@code showRawUpdateDescription}, the entry's own {@code o}
 * as {@code rawUpdateDescription}); an update whose {@code o} is a whole document with an {@code _id}
 * becomes a replace event; any other update ({@code $v:1} modifiers, which 7.0 never writes) is
 * an error, as on the server (code 6741200).
 *
 * <p>Stateless and thread-safe.
 */
final class OpEvents {

    private final StreamNamespaces namespaces;
    private final CommandEvents commands;
    private final boolean expanded;
    private final boolean raw;

    OpEvents(ChangeStreamOptions options) {
        this.namespaces = new StreamNamespaces(options);
        this.commands = new CommandEvents(options.showExpandedEvents());
        this.expanded = options.showExpandedEvents();
        this.raw = options.showRawUpdateDescription();
    }

    /**
     * Returns the parts of the op's event.
     *
     * @param op an oplog entry or an element of an applyOps array
     * @return the parts, or empty if the stream shows no event for the op
     * @throws IllegalArgumentException if the op is not in the 7.0 format
     */
    Optional<EventParts> partsFor(BsonDocument op) {
        if (OplogFields.isTrue(op, "fromMigrate")) {
            return Optional.empty();
        }
        String type = OplogFields.string(op, "op");
        String ns = OplogFields.string(op, "ns");
        return switch (type) {
            case "i", "u", "d" -> namespaces.showsOpOn(ns)
                    ? Optional.of(crud(type, ns, op).uuidOf(op)) : Optional.empty();
            case "c" -> namespaces.showsCommand(ns, OplogFields.document(op, "o"))
                    ? commands.command(op) : Optional.empty();
            case "n" -> namespaces.showsOpOn(ns) ? commands.noop(op) : Optional.empty();
            default -> throw new IllegalArgumentException("unknown op type '" + type + "'");
        };
    }

    /** Whether an event of this type is followed by an invalidate on this stream. */
    boolean invalidates(String operationType) {
        return namespaces.invalidatedBy(operationType);
    }

    boolean expanded() {
        return expanded;
    }

    private EventParts crud(String type, String ns, BsonDocument op) {
        BsonDocument o = OplogFields.document(op, "o");
        return switch (type) {
            case "i" -> insert(ns, op, o);
            case "d" -> withKey(new EventParts("delete", EventParts.namespace(ns)), o);
            default -> update(ns, op, o);
        };
    }

    private static EventParts insert(String ns, BsonDocument op, BsonDocument o) {
        EventParts parts = new EventParts("insert", EventParts.namespace(ns));
        parts.fullDocument = o;
        if (op.containsKey("o2")) {
            return withKey(parts, OplogFields.document(op, "o2"));
        }
        BsonValue id = o.get("_id");
        if (id == null) {
            throw new IllegalArgumentException("insert without _id and without o2");
        }
        return withKey(parts, new BsonDocument("_id", id));
    }

    private EventParts update(String ns, BsonDocument op, BsonDocument o) {
        BsonValue version = o.get("$v");
        EventParts parts;
        if (version != null) {
            if (!version.isNumber() || version.asNumber().intValue() != 2) {
                throw new IllegalArgumentException("unsupported update oplog version $v: " + version
                        + " (a 7.0 server writes $v:2 diffs or replacements)");
            }
            parts = new EventParts("update", EventParts.namespace(ns));
            if (raw) {
                parts.rawUpdateDescription = o;
            } else {
                parts.updateDescription = DiffUpdateDescription.fromDiff(
                        OplogFields.document(o, "diff"), expanded);
            }
        } else if (o.containsKey("_id")) {
            parts = new EventParts("replace", EventParts.namespace(ns));
            parts.fullDocument = o;
        } else {
            throw new IllegalArgumentException("update without $v and without _id in o");
        }
        return withKey(parts, OplogFields.document(op, "o2"));
    }

    private static EventParts withKey(EventParts parts, BsonDocument documentKey) {
        parts.documentKey = documentKey;
        return parts;
    }
}
