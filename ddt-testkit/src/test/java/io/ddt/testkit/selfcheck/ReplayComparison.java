package io.ddt.testkit.selfcheck;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.bson.BsonDocument;
import org.bson.RawBsonDocument;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;

/**
 * Compares every collection on a cluster with an {@link OplogReplayer}'s rebuild: the same
 * namespaces (collections and views), the same {@code _id}s, and every document the same byte for
 * byte, so that field order and numeric types count. Immutable once made.
 */
final class ReplayComparison {

    private static final Set<String> SYSTEM_DATABASES = Set.of("admin", "config", "local");
    /** Differing documents kept per namespace and kind, for the report. */
    static final int KEPT = 5;

    /**
     * What differs in one namespace; the id lists hold the first {@link #KEPT} of each kind.
     *
     * @param missing ids on the cluster that the replay lacks
     * @param extra ids the replay has that the cluster lacks
     * @param different ids whose documents differ, with the cluster's document by id
     * @param orderOnlyCount how many of the different documents hold the same fields and values in
     *     another order
     */
    record NamespaceDifference(String namespace, long missingCount, long extraCount, long differentCount, long orderOnlyCount,
                               List<IdKey> missing, List<IdKey> extra, List<IdKey> different,
                               Map<IdKey, RawBsonDocument> clusterDocuments) {
    }

    private final Set<String> onlyOnCluster;
    private final Set<String> onlyReplayed;
    private final List<NamespaceDifference> differences;
    private final long documentsCompared;

    private ReplayComparison(Set<String> onlyOnCluster, Set<String> onlyReplayed,
                             List<NamespaceDifference> differences, long documentsCompared) {
        this.onlyOnCluster = onlyOnCluster;
        this.onlyReplayed = onlyReplayed;
        this.differences = differences;
        this.documentsCompared = documentsCompared;
    }

    /** Reads every user collection on the cluster (batches of {@code batchSize}) and compares it. */
    static ReplayComparison compare(MongoClient client, OplogReplayer replayer, int batchSize) {
        Set<String> clusterNamespaces = new TreeSet<>();
        Set<String> clusterViews = new TreeSet<>();
        for (String database : client.listDatabaseNames()) {
            if (!SYSTEM_DATABASES.contains(database)) {
                listNamespaces(client.getDatabase(database), clusterNamespaces, clusterViews);
            }
        }
        Set<String> onlyOnCluster = minus(clusterNamespaces, replayer.namespaces());
        onlyOnCluster.addAll(minus(clusterViews, replayer.views()));
        Set<String> onlyReplayed = minus(replayer.namespaces(), clusterNamespaces);
        onlyReplayed.addAll(minus(replayer.views(), clusterViews));
        List<NamespaceDifference> differences = new ArrayList<>();
        long compared = 0;
        for (String namespace : clusterNamespaces) {
            if (replayer.namespaces().contains(namespace)) {
                NamespaceCheck check = new NamespaceCheck(namespace, replayer.documents(namespace));
                compared += check.run(client, batchSize);
                check.difference().ifPresent(differences::add);
            }
        }
        return new ReplayComparison(onlyOnCluster, onlyReplayed, List.copyOf(differences), compared);
    }

    boolean matches() {
        return onlyOnCluster.isEmpty() && onlyReplayed.isEmpty() && differences.isEmpty();
    }

    Set<String> onlyOnCluster() {
        return onlyOnCluster;
    }

    Set<String> onlyReplayed() {
        return onlyReplayed;
    }

    List<NamespaceDifference> differences() {
        return differences;
    }

    /** Documents read from the cluster and compared. */
    long documentsCompared() {
        return documentsCompared;
    }

    private static void listNamespaces(MongoDatabase database, Set<String> collections, Set<String> views) {
        for (BsonDocument info : database.listCollections(BsonDocument.class)) {
            String namespace = database.getName() + "." + info.getString("name").getValue();
            if (info.getString("type").getValue().equals("view")) {
                views.add(namespace);
            } else {
                collections.add(namespace);
            }
        }
    }

    private static Set<String> minus(Set<String> all, Set<String> removed) {
        Set<String> result = new TreeSet<>(all);
        result.removeAll(removed);
        return result;
    }

    /** The comparison of one namespace, read once from the cluster. */
    private static final class NamespaceCheck {
        private final String namespace;
        private final Map<IdKey, BsonDocument> replayed;
        private final Set<IdKey> seen = new HashSet<>();
        private final List<IdKey> missing = new ArrayList<>();
        private final List<IdKey> different = new ArrayList<>();
        private final Map<IdKey, RawBsonDocument> clusterDocuments = new HashMap<>();
        private long missingCount;
        private long differentCount;
        private long orderOnlyCount;

        NamespaceCheck(String namespace, Map<IdKey, BsonDocument> replayed) {
            this.namespace = namespace;
            this.replayed = replayed;
        }

        long run(MongoClient client, int batchSize) {
            int dot = namespace.indexOf('.');
            long read = 0;
            for (RawBsonDocument document : client.getDatabase(namespace.substring(0, dot))
                    .getCollection(namespace.substring(dot + 1), RawBsonDocument.class).find().batchSize(batchSize)) {
                check(document);
                read++;
            }
            return read;
        }

        private void check(RawBsonDocument document) {
            IdKey id = IdKey.of(document.get("_id"));
            seen.add(id);
            BsonDocument expected = replayed.get(id);
            if (expected == null) {
                keep(missing, id, document);
                missingCount++;
            } else if (!Arrays.equals(BsonBytes.of(document), BsonBytes.of(expected))) {
                keep(different, id, document);
                differentCount++;
                orderOnlyCount += document.equals(expected) ? 1 : 0;
            }
        }

        private void keep(List<IdKey> ids, IdKey id, RawBsonDocument document) {
            if (ids.size() < KEPT) {
                ids.add(id);
                clusterDocuments.put(id, document);
            }
        }

        Optional<NamespaceDifference> difference() {
            List<IdKey> extra = replayed.keySet().stream().filter(id -> !seen.contains(id)).toList();
            if (missingCount == 0 && differentCount == 0 && extra.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new NamespaceDifference(namespace, missingCount, extra.size(), differentCount, orderOnlyCount,
                List.copyOf(missing), extra.subList(0, Math.min(KEPT, extra.size())), List.copyOf(different),
                Map.copyOf(clusterDocuments)));
        }
    }
}
