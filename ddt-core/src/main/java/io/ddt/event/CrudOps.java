package io.ddt.event;

import org.bson.BsonDocument;
import org.bson.BsonValue;

import io.ddt.Namespace;

/**
 * Reads the oplog's insert, update and delete operations. Writes to {@code <db>.system.views}
 * are view definitions and go to {@link ViewOps}.
 */
final class CrudOps {

    private static final String VERSION = "$v";

    private CrudOps() {
    }

    /** An {@code i} entry: the document in {@code o}, the key in {@code o2} or {@code o._id}. */
    static ChangeEvent insert(BsonDocument op, EventHeader header) {
        Namespace namespace = Fields.namespace(Fields.string(op, "ns"), "ns");
        BsonDocument document = Fields.document(op, "o");
        if (ViewOps.isViewCatalog(namespace)) {
            return ViewOps.created(document, header);
        }
        BsonDocument o2 = Fields.optionalDocument(op, "o2");
        return new Insert(header, namespace, key(o2, document, "insert"), document);
    }

    /** A {@code d} entry: the key in {@code o}. */
    static ChangeEvent delete(BsonDocument op, EventHeader header) {
        Namespace namespace = Fields.namespace(Fields.string(op, "ns"), "ns");
        BsonDocument key = Fields.document(op, "o");
        if (ViewOps.isViewCatalog(namespace)) {
            return ViewOps.dropped(key, header);
        }
        if (!key.containsKey("_id")) {
            throw EntryProblem.of("the delete's 'o' has no _id");
        }
        return new Delete(header, namespace, key);
    }

    /**
     * A {@code u} entry, in the form the server's own applier tells apart: {@code $v:2} is a
     * diff, {@code $v:1} or a first field starting with {@code $} is a modifier update, anything
     * else a whole replacement document.
     */
    static ChangeEvent update(BsonDocument op, EventHeader header) {
        Namespace namespace = Fields.namespace(Fields.string(op, "ns"), "ns");
        BsonDocument o = Fields.document(op, "o");
        BsonDocument o2 = Fields.optionalDocument(op, "o2");
        if (ViewOps.isViewCatalog(namespace)) {
            return ViewOps.modified(o, header);
        }
        if (o.containsKey(VERSION)) {
            UpdateSpec spec = version(o.get(VERSION)) == 2 ? diff(o) : modifiers(o);
            return new Update(header, namespace, key(o2, null, "update"), spec);
        }
        if (!o.isEmpty() && o.getFirstKey().startsWith("$")) {
            return new Update(header, namespace, key(o2, null, "update"), modifiers(o));
        }
        return new Replace(header, namespace, key(o2, o, "update"), o);
    }

    /** Returns {@code o2} where there is one, else the {@code _id} of the whole document. */
    private static BsonDocument key(BsonDocument o2, BsonDocument document, String what) {
        if (o2 != null) {
            if (!o2.containsKey("_id")) {
                throw EntryProblem.of("the " + what + "'s 'o2' has no _id");
            }
            return o2;
        }
        if (document == null || !document.containsKey("_id")) {
            throw EntryProblem.of("the " + what + " has neither 'o2' nor an _id in 'o'");
        }
        return new BsonDocument("_id", document.get("_id"));
    }

    private static int version(BsonValue version) {
        double number = version.isNumber() ? version.asNumber().doubleValue() : Double.NaN;
        if (number != 1 && number != 2) {
            String shown = version.isNumber() ? String.valueOf(number) : "a " + version.getBsonType();
            throw EntryProblem.of("its update version $v is " + shown + ", not 1 or 2");
        }
        return (int) number;
    }

    private static UpdateSpec diff(BsonDocument o) {
        BsonValue diff = o.get("diff");
        if (diff == null || !diff.isDocument()) {
            throw EntryProblem.of("its update is marked $v:2 but 'o.diff' is " + (diff == null ? "missing" : "a " + diff.getBsonType()));
        }
        for (String section : diff.asDocument().keySet()) {
            boolean known = section.equals("i") || section.equals("u") || section.equals("d") || section.equals("b")
                || section.startsWith("s");
            if (!known || !diff.asDocument().get(section).isDocument()) {
                throw EntryProblem.of("its $v:2 diff has a section that is not i, u, d, b or s<field> holding a document");
            }
        }
        return new UpdateSpec.Diff(diff.asDocument());
    }

    private static UpdateSpec modifiers(BsonDocument o) {
        BsonDocument update = o.containsKey(VERSION) ? Fields.without(o, VERSION) : o;
        if (update.isEmpty() || !update.keySet().stream().allMatch(key -> key.startsWith("$"))) {
            throw EntryProblem.of("its modifier update is empty or mixes operators with plain fields");
        }
        return new UpdateSpec.Modifiers(update);
    }
}
