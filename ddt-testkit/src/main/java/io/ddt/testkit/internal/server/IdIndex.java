package io.ddt.testkit.internal.server;

import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;

import io.ddt.testkit.internal.bson.BsonOrder;

/**
 * The member's ordered {@code _id} index: per collection, every stored document as its BSON
 * bytes, keyed by {@code _id} in MongoDB's order. The engine has no ordered index, so a range
 * of {@code _id}s would cost it a scan and a sort of the whole collection; from here a range is
 * a walk of a skip list, and the documents go to the wire as the bytes they were stored as.
 *
 * <p>It mirrors the engine's documents exactly: every write that changes the engine changes it
 * too, under the member's write lock. Reads need no lock: they see each document either before
 * or after a concurrent write, as a cursor on a real member does.
 */
final class IdIndex {

    private static final BsonOrder ORDER = new BsonOrder();

    private final Map<String, ConcurrentSkipListMap<BsonValue, RawBsonDocument>> collections = new ConcurrentHashMap<>();

    /** Starts an empty index for a new collection; keeps an existing one. */
    void create(String namespace) {
        collections.computeIfAbsent(namespace, ns -> new ConcurrentSkipListMap<>(ORDER));
    }

    /** Stores a document, replacing the one with an equal {@code _id}. */
    void put(String namespace, BsonDocument document) {
        RawBsonDocument raw = raw(document);
        collection(namespace).put(raw.get("_id"), raw);
    }

    void remove(String namespace, BsonValue id) {
        NavigableMap<BsonValue, RawBsonDocument> documents = collections.get(namespace);
        if (documents != null) {
            documents.remove(id);
        }
    }

    /** True if the collection holds an {@code _id} equal to this one under MongoDB's order. */
    boolean contains(String namespace, BsonValue id) {
        NavigableMap<BsonValue, RawBsonDocument> documents = collections.get(namespace);
        return documents != null && documents.containsKey(id);
    }

    void drop(String namespace) {
        collections.remove(namespace);
    }

    void rename(String from, String to) {
        ConcurrentSkipListMap<BsonValue, RawBsonDocument> documents = collections.remove(from);
        if (documents != null) {
            collections.put(to, documents);
        }
    }

    /** The namespaces with an index: every collection, and no view. */
    Set<String> namespaces() {
        return Set.copyOf(collections.keySet());
    }

    /** The collection's documents in {@code _id} order, a live view; null if it has no index. */
    NavigableMap<BsonValue, RawBsonDocument> documents(String namespace) {
        return collections.get(namespace);
    }

    private ConcurrentSkipListMap<BsonValue, RawBsonDocument> collection(String namespace) {
        ConcurrentSkipListMap<BsonValue, RawBsonDocument> documents = collections.get(namespace);
        if (documents == null) {
            throw new IllegalStateException("no _id index for " + namespace);
        }
        return documents;
    }

    static RawBsonDocument raw(BsonDocument document) {
        return document instanceof RawBsonDocument raw ? raw : new RawBsonDocument(WireCodec.encode(document));
    }
}
