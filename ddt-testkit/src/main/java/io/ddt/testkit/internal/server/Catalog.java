package io.ddt.testkit.internal.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListMap;

import org.bson.BsonBinary;
import org.bson.BsonDocument;
import org.bson.UuidRepresentation;

/**
 * What the fake member knows of each collection beyond its documents: its UUID (the oplog's
 * {@code ui}), whether it is a view, and the options it was created with, reported back by
 * {@code listCollections} as a real member reports them.
 *
 * <p>Thread-safe; changed only under the server's write lock.
 */
public final class Catalog {

    /** One collection or view. Options are kept as given to {@code create}, minus the name. */
    public record Entry(String namespace, UUID uuid, boolean view, BsonDocument options) {

        public String database() {
            return namespace.substring(0, namespace.indexOf('.'));
        }

        public String collection() {
            return namespace.substring(namespace.indexOf('.') + 1);
        }

        public BsonBinary uuidBinary() {
            return new BsonBinary(uuid, UuidRepresentation.STANDARD);
        }

        public boolean capped() {
            return options.getBoolean("capped", org.bson.BsonBoolean.FALSE).getValue();
        }

        Entry withOptions(BsonDocument newOptions) {
            return new Entry(namespace, uuid, view, newOptions);
        }

        Entry renamed(String newNamespace) {
            return new Entry(newNamespace, uuid, view, options);
        }
    }

    private final Map<String, Entry> entries = new ConcurrentSkipListMap<>();
    private final Map<String, Map<String, BsonDocument>> indexes = new ConcurrentSkipListMap<>();

    /** The index specs of a collection by name, {@code _id_} first; empty if it has none. */
    public List<BsonDocument> indexes(String namespace) {
        Map<String, BsonDocument> specs = indexes.get(namespace);
        return specs == null ? List.of() : new ArrayList<>(specs.values());
    }

    public BsonDocument index(String namespace, String name) {
        Map<String, BsonDocument> specs = indexes.get(namespace);
        return specs == null ? null : specs.get(name);
    }

    void putIndex(String namespace, BsonDocument spec) {
        indexes.computeIfAbsent(namespace, ns -> new java.util.LinkedHashMap<>()).put(spec.getString("name").getValue(), spec);
    }

    BsonDocument removeIndex(String namespace, String name) {
        Map<String, BsonDocument> specs = indexes.get(namespace);
        return specs == null ? null : specs.remove(name);
    }

    public Entry get(String namespace) {
        return entries.get(namespace);
    }

    public boolean exists(String namespace) {
        return entries.containsKey(namespace);
    }

    Entry add(String namespace, boolean view, BsonDocument options) {
        Entry entry = new Entry(namespace, UUID.randomUUID(), view, options);
        entries.put(namespace, entry);
        return entry;
    }

    void put(Entry entry) {
        entries.put(entry.namespace(), entry);
    }

    Entry remove(String namespace) {
        indexes.remove(namespace);
        return entries.remove(namespace);
    }

    /** Moves a collection, its UUID and its indexes to a new namespace. */
    Entry rename(String from, String to) {
        Entry entry = entries.remove(from).renamed(to);
        entries.put(to, entry);
        Map<String, BsonDocument> specs = indexes.remove(from);
        if (specs != null) {
            indexes.put(to, specs);
        }
        return entry;
    }

    /** The entries of one database, in name order. */
    public List<Entry> inDatabase(String database) {
        List<Entry> result = new ArrayList<>();
        for (Entry entry : entries.values()) {
            if (entry.database().equals(database)) {
                result.add(entry);
            }
        }
        return result;
    }

    public List<String> databases() {
        List<String> result = new ArrayList<>();
        for (Entry entry : entries.values()) {
            if (!result.contains(entry.database())) {
                result.add(entry.database());
            }
        }
        return result;
    }
}
