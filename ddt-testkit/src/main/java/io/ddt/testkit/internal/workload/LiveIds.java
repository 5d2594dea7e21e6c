package io.ddt.testkit.internal.workload;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.bson.BsonValue;

/**
 * The {@code _id}s the workload believes exist, per namespace: ids only, so memory grows with the
 * number of live documents and not with their size.
 *
 * <p>Removal swaps the last id into the hole, so picking, adding and removing are O(1) and the
 * order stays a pure function of the operations applied, which keeps picks reproducible.
 * Not thread-safe.
 */
final class LiveIds {

    private final List<List<BsonValue>> ids = new ArrayList<>();
    private final List<Map<BsonValue, Integer>> positions = new ArrayList<>();

    LiveIds(int namespaces) {
        for (int i = 0; i < namespaces; i++) {
            ids.add(new ArrayList<>());
            positions.add(new HashMap<>());
        }
    }

    int size(int namespace) {
        return ids.get(namespace).size();
    }

    boolean contains(int namespace, BsonValue id) {
        return positions.get(namespace).containsKey(id);
    }

    void add(int namespace, BsonValue id) {
        if (!contains(namespace, id)) {
            positions.get(namespace).put(id, ids.get(namespace).size());
            ids.get(namespace).add(id);
        }
    }

    void remove(int namespace, BsonValue id) {
        Integer at = positions.get(namespace).remove(id);
        if (at == null) {
            return;
        }
        List<BsonValue> list = ids.get(namespace);
        BsonValue last = list.remove(list.size() - 1);
        if (at < list.size()) {
            list.set(at, last);
            positions.get(namespace).put(last, at);
        }
    }

    /** Returns a random live id; the namespace must not be empty. */
    BsonValue pick(int namespace, Random random) {
        List<BsonValue> list = ids.get(namespace);
        return list.get(random.nextInt(list.size()));
    }

    /** Returns up to {@code count} distinct random live ids, at least one; the namespace must not be empty. */
    List<BsonValue> pickDistinct(int namespace, int count, Random random) {
        Set<BsonValue> picked = new LinkedHashSet<>();
        for (int i = 0; i < count; i++) {
            picked.add(pick(namespace, random));
        }
        return List.copyOf(picked);
    }

    /** Returns a copy of the live ids of one namespace. */
    List<BsonValue> snapshot(int namespace) {
        return List.copyOf(ids.get(namespace));
    }
}
