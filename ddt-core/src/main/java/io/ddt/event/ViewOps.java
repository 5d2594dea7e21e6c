package io.ddt.event;

import org.bson.BsonDocument;
import org.bson.BsonValue;

import io.ddt.Namespace;

/**
 * Reads the oplog's writes to {@code <db>.system.views}, which is how MongoDB logs views: an
 * insert creates a view, a replacement changes it ({@code collMod}), a delete drops it. The
 * document's {@code _id} is the view's full name; the rest are its options. Change streams turn
 * these writes into the same DDL events.
 */
final class ViewOps {

    private static final String CATALOG = "system.views";

    private ViewOps() {
    }

    /** Tells whether a namespace is a database's view catalog. */
    static boolean isViewCatalog(Namespace namespace) {
        return namespace.collection().equals(CATALOG);
    }

    /** An insert into the catalog: a view was created. */
    static Create created(BsonDocument definition, EventHeader header) {
        return new Create(header, view(definition), Fields.without(definition, "_id"));
    }

    /** An update of the catalog, always logged as a replacement: a view was modified. */
    static CollMod modified(BsonDocument definition, EventHeader header) {
        if (definition.containsKey("$v") || !definition.containsKey("_id")) {
            throw EntryProblem.of("an update of " + CATALOG + " must replace the whole view definition");
        }
        return new CollMod(header, view(definition), Fields.without(definition, "_id"));
    }

    /** A delete from the catalog: a view was dropped. */
    static Drop dropped(BsonDocument key, EventHeader header) {
        return new Drop(header, view(key));
    }

    private static Namespace view(BsonDocument definition) {
        BsonValue id = definition.get("_id");
        if (id == null || !id.isString()) {
            throw EntryProblem.of("a write to " + CATALOG + " has no string _id naming the view");
        }
        return Fields.namespace(id.asString().getValue(), CATALOG + " _id");
    }
}
