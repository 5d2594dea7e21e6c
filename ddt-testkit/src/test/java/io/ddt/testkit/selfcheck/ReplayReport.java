package io.ddt.testkit.selfcheck;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * Writes what a failed self-check needs to be debugged: the seed, the anomalies, the namespaces
 * that differ, their first differing {@code _id}s with both documents, and the oplog entries that
 * touched those ids. Stateless.
 */
final class ReplayReport {

    /** Entries shown per id: the newest ones, which are nearest the divergence. */
    private static final int ENTRIES_PER_ID = 8;
    private static final int TEXT_LIMIT = 700;

    private ReplayReport() {
    }

    static String describe(String header, ReplayComparison comparison, OplogReplayer replayer,
                           List<? extends BsonDocument> oplog) {
        StringBuilder text = new StringBuilder(header).append('\n');
        List<String> anomalies = replayer.anomalies();
        text.append(anomalies.size()).append(" anomalies while replaying ").append(replayer.entriesApplied()).append(" entries\n");
        anomalies.stream().limit(20).forEach(line -> text.append("  ").append(line).append('\n'));
        if (!replayer.openTransactions().isEmpty()) {
            text.append("transactions never committed: ").append(replayer.openTransactions()).append('\n');
        }
        text.append("namespaces only on the cluster: ").append(comparison.onlyOnCluster())
            .append("; only in the replay: ").append(comparison.onlyReplayed()).append('\n');
        Set<IdKey> shown = new HashSet<>();
        comparison.differences().forEach(d -> shown.addAll(ids(d)));
        Map<IdKey, List<String>> trail = trail(oplog, shown);
        for (ReplayComparison.NamespaceDifference difference : comparison.differences()) {
            describe(text, difference, replayer, trail);
        }
        return text.toString();
    }

    private static void describe(StringBuilder text, ReplayComparison.NamespaceDifference difference,
                                 OplogReplayer replayer, Map<IdKey, List<String>> trail) {
        text.append("namespace ").append(difference.namespace()).append(": ")
            .append(difference.missingCount()).append(" only on the cluster, ")
            .append(difference.extraCount()).append(" only in the replay, ")
            .append(difference.differentCount()).append(" different (")
            .append(difference.orderOnlyCount()).append(" of them in field order only)\n");
        Map<IdKey, BsonDocument> replayed = replayer.documents(difference.namespace());
        for (IdKey id : ids(difference)) {
            text.append("  _id ").append(id).append('\n');
            text.append("    cluster: ").append(json(difference.clusterDocuments().get(id))).append('\n');
            text.append("    replay:  ").append(json(replayed.get(id))).append('\n');
            List<String> entries = trail.getOrDefault(id, List.of());
            text.append("    entries touching it (").append(entries.size()).append(", newest ")
                .append(Math.min(entries.size(), ENTRIES_PER_ID)).append(" shown):\n");
            entries.subList(Math.max(0, entries.size() - ENTRIES_PER_ID), entries.size())
                .forEach(entry -> text.append("      ").append(entry).append('\n'));
        }
    }

    private static List<IdKey> ids(ReplayComparison.NamespaceDifference difference) {
        List<IdKey> ids = new ArrayList<>(difference.missing());
        ids.addAll(difference.extra());
        ids.addAll(difference.different());
        return ids;
    }

    /** The entries (or operations inside applyOps) that wrote each id, in any namespace, oldest first. */
    private static Map<IdKey, List<String>> trail(List<? extends BsonDocument> oplog, Set<IdKey> ids) {
        Map<IdKey, List<String>> trail = new LinkedHashMap<>();
        for (BsonDocument entry : oplog) {
            collect(entry, entry, ids, trail);
        }
        return trail;
    }

    private static void collect(BsonDocument op, BsonDocument entry, Set<IdKey> ids, Map<IdKey, List<String>> trail) {
        BsonDocument o = op.getDocument("o", new BsonDocument());
        if (o.containsKey("applyOps")) {
            o.getArray("applyOps").forEach(inner -> collect(inner.asDocument(), entry, ids, trail));
            return;
        }
        BsonValue id = switch (op.getString("op").getValue()) {
            case "i", "d" -> o.get("_id");
            case "u" -> op.getDocument("o2", new BsonDocument()).get("_id");
            default -> null;
        };
        if (id != null && ids.contains(IdKey.of(id))) {
            trail.computeIfAbsent(IdKey.of(id), k -> new ArrayList<>()).add(OplogReplayer.where(op, entry) + ": " + json(op));
        }
    }

    private static String json(BsonDocument document) {
        if (document == null) {
            return "(none)";
        }
        String json = document.toJson();
        return json.length() <= TEXT_LIMIT ? json : json.substring(0, TEXT_LIMIT) + "...";
    }
}
