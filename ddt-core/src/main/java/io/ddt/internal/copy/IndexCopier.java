package io.ddt.internal.copy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;

import com.mongodb.client.MongoClient;

import io.ddt.DdtException;
import io.ddt.internal.ServerErrors;

/**
 * Builds a collection's indexes on the target with every option the source has. TTL indexes
 * can be built with their expiry deferred (the largest value MongoDB allows), so the target's
 * TTL monitor cannot delete copied documents before cut-over; {@link #restoreTtl} sets the
 * source's values back. Deferral keeps no state: the source's indexes say what to restore.
 */
final class IndexCopier {

    /** The largest {@code expireAfterSeconds} MongoDB accepts: about 68 years. */
    static final int DEFERRED_EXPIRY = Integer.MAX_VALUE;
    private static final Set<String> DROPPED_KEYS = Set.of("v", "ns", "background");

    private final MongoClient source;
    private final MongoClient target;
    private final boolean deferTtl;

    /** Which of a collection's indexes a build takes. */
    enum Selection {
        ALL, ALL_BUT_UNIQUE, ONLY_UNIQUE
    }

    IndexCopier(MongoClient source, MongoClient target, boolean deferTtl) {
        this.source = source;
        this.target = target;
        this.deferTtl = deferTtl;
    }

    void build(SourceCollection collection, Selection selection) {
        List<BsonDocument> specs = new ArrayList<>();
        for (BsonDocument index : sourceIndexes(collection)) {
            if (index.getString("name").getValue().equals("_id_") || index.containsKey("clustered")) {
                continue;
            }
            boolean unique = index.getBoolean("unique", org.bson.BsonBoolean.FALSE).getValue();
            if ((selection == Selection.ALL_BUT_UNIQUE && unique) || (selection == Selection.ONLY_UNIQUE && !unique)) {
                continue;
            }
            BsonDocument spec = new BsonDocument();
            for (var entry : index.entrySet()) {
                if (!DROPPED_KEYS.contains(entry.getKey())) {
                    spec.append(entry.getKey(), entry.getValue());
                }
            }
            if (deferTtl && spec.containsKey("expireAfterSeconds")) {
                spec.put("expireAfterSeconds", new BsonInt32(DEFERRED_EXPIRY));
            }
            specs.add(spec);
        }
        if (specs.isEmpty()) {
            return;
        }
        BsonDocument command = new BsonDocument("createIndexes", new BsonString(collection.target().collection()))
            .append("indexes", new BsonArray(specs));
        try {
            target.getDatabase(collection.target().database()).runCommand(command);
        } catch (com.mongodb.MongoException e) {
            throw new DdtException("cannot build the indexes of " + collection.target() + " on the target: "
                + ServerErrors.describe(e), e);
        }
    }

    /**
     * Sets every TTL index of the collection on the target back to the source's expiry, and the
     * collection's own {@code expireAfterSeconds} (clustered and time series collections).
     */
    void restoreTtl(SourceCollection collection) {
        if (collection.options().containsKey("expireAfterSeconds")) {
            target.getDatabase(collection.target().database()).runCommand(new BsonDocument("collMod",
                new BsonString(collection.target().collection()))
                .append("expireAfterSeconds", collection.options().get("expireAfterSeconds")));
        }
        for (BsonDocument index : sourceIndexes(collection)) {
            if (!index.containsKey("expireAfterSeconds") || index.containsKey("clustered")) {
                continue;
            }
            BsonDocument change = new BsonDocument("name", index.get("name"))
                .append("expireAfterSeconds", index.get("expireAfterSeconds"));
            target.getDatabase(collection.target().database()).runCommand(new BsonDocument("collMod",
                new BsonString(collection.target().collection())).append("index", change));
        }
    }

    private List<BsonDocument> sourceIndexes(SourceCollection collection) {
        return source.getDatabase(collection.source().database()).getCollection(collection.source().collection())
            .listIndexes(BsonDocument.class).into(new ArrayList<>());
    }
}
