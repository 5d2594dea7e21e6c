package io.ddt.testkit.selfcheck;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * One collection as the replayer rebuilt it: the UUID its create entry gave it (null if the
 * entry had none) and its documents by {@code _id}, in the order they were first inserted.
 * Not thread-safe.
 */
final class ReplayedCollection {

    private final BsonValue uuid;
    private final Map<IdKey, BsonDocument> documents = new LinkedHashMap<>();

    ReplayedCollection(BsonValue uuid) {
        this.uuid = uuid;
    }

    /** The UUID from the collection's create entry, or null. */
    BsonValue uuid() {
        return uuid;
    }

    /** A read-only view of the documents by {@code _id}. */
    Map<IdKey, BsonDocument> documents() {
        return Collections.unmodifiableMap(documents);
    }

    BsonDocument get(IdKey id) {
        return documents.get(id);
    }

    /** Stores the document under its key; returns the document it replaced, or null. */
    BsonDocument put(IdKey id, BsonDocument document) {
        return documents.put(id, document);
    }

    BsonDocument remove(IdKey id) {
        return documents.remove(id);
    }

    int size() {
        return documents.size();
    }
}
