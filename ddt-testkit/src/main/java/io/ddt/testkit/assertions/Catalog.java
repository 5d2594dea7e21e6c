package io.ddt.testkit.assertions;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.BsonDocument;
import org.bson.BsonString;

/**
 * Reads which user namespaces a cluster holds and their indexes. Everything MongoDB keeps for
 * itself is left out: the {@code admin}, {@code local} and {@code config} databases and every
 * {@code system.*} collection.
 *
 * <p>Stateless; each call reads the cluster anew.
 */
final class Catalog {

    private static final Set<String> SYSTEM_DATABASES = Set.of("admin", "local", "config");

    private final int batchSize;

    Catalog(int batchSize) {
        this.batchSize = batchSize;
    }

    /**
     * Returns every user namespace of the cluster ({@code "db.coll"}), in name order, with
     * its {@code listCollections} entry ({@code name}, {@code type}, {@code options}, ...).
     */
    SortedMap<String, BsonDocument> collections(MongoClient client) {
        SortedMap<String, BsonDocument> result = new TreeMap<>();
        for (String database : client.listDatabaseNames()) {
            if (!SYSTEM_DATABASES.contains(database)) {
                addCollections(client.getDatabase(database), result);
            }
        }
        return result;
    }

    private void addCollections(MongoDatabase database, Map<String, BsonDocument> into) {
        for (BsonDocument entry : database.listCollections(BsonDocument.class).batchSize(batchSize)) {
            String name = entry.getString("name").getValue();
            if (!name.startsWith("system.")) {
                into.put(database.getName() + "." + name, entry);
            }
        }
    }

    /**
     * Returns the collection's index specifications by index name, without the {@code v}
     * and {@code ns} keys, which say how the server stores the index, not what it is.
     */
    Map<String, BsonDocument> indexes(MongoCollection<?> collection) {
        Map<String, BsonDocument> result = new LinkedHashMap<>();
        for (BsonDocument spec : collection.listIndexes(BsonDocument.class).batchSize(batchSize)) {
            BsonDocument copy = spec.clone();
            copy.remove("v");
            copy.remove("ns");
            result.put(copy.getString("name").getValue(), copy);
        }
        return result;
    }

    /** The collection type from a {@code listCollections} entry; old servers omit it for collections. */
    static String type(BsonDocument entry) {
        return entry.getString("type", new BsonString("collection")).getValue();
    }

    static BsonDocument options(BsonDocument entry) {
        return entry.getDocument("options", new BsonDocument());
    }
}
