package io.ddt.testkit.selfcheck;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * The namespaces an {@link OplogReplayer} has rebuilt, collections and views, and the collection
 * commands that change them. Each command reports what does not fit the catalog to the
 * {@code problems} it is given, and then does what a secondary would. Not thread-safe.
 */
final class ReplayedCatalog {

    private final Map<String, ReplayedCollection> collections = new TreeMap<>();
    private final Set<String> views = new TreeSet<>();

    Set<String> namespaces() {
        return Collections.unmodifiableSet(collections.keySet());
    }

    Set<String> views() {
        return Collections.unmodifiableSet(views);
    }

    /** The collection, or null. */
    ReplayedCollection get(String namespace) {
        return collections.get(namespace);
    }

    boolean exists(String namespace) {
        return collections.containsKey(namespace) || views.contains(namespace);
    }

    /** Makes a collection that a write needs and no create entry made. */
    ReplayedCollection createImplicitly(String namespace, BsonValue uuid) {
        ReplayedCollection collection = new ReplayedCollection(uuid);
        collections.put(namespace, collection);
        return collection;
    }

    /** {@code o: {create: <coll>, viewOn?...}} with the entry's {@code ui}. */
    void create(String database, BsonDocument o, BsonValue uuid, Consumer<String> problems) {
        String namespace = database + "." + o.getString("create").getValue();
        if (exists(namespace)) {
            problems.accept("create of a namespace that exists");
        }
        if (o.containsKey("viewOn")) {
            views.add(namespace);
        } else {
            collections.put(namespace, new ReplayedCollection(uuid));
        }
    }

    void drop(String namespace, Consumer<String> problems) {
        if (collections.remove(namespace) == null && !views.remove(namespace)) {
            problems.accept("drop of " + namespace + ", which does not exist");
        }
    }

    /** {@code o: {renameCollection: <from>, to: <to>, dropTarget?: <uuid or bool>}}, with the entry's {@code ui}. */
    void rename(BsonDocument o, BsonValue uuid, Consumer<String> problems) {
        String from = o.getString("renameCollection").getValue();
        String to = o.getString("to").getValue();
        ReplayedCollection source = collections.remove(from);
        if (source == null) {
            problems.accept("rename of " + from + ", which does not exist");
            return;
        }
        if (uuid != null && source.uuid() != null && !source.uuid().equals(uuid)) {
            problems.accept("ui " + uuid + " is not the renamed collection's " + source.uuid());
        }
        checkTarget(to, collections.remove(to), o.get("dropTarget"), problems);
        collections.put(to, source);
    }

    private static void checkTarget(String to, ReplayedCollection target, BsonValue dropTarget, Consumer<String> problems) {
        boolean dropping = dropTarget != null && !(dropTarget.isBoolean() && !dropTarget.asBoolean().getValue());
        if (target != null && !dropping) {
            problems.accept("rename onto " + to + ", which exists, without dropTarget");
        } else if (target != null && dropTarget.isBinary() && target.uuid() != null && !target.uuid().equals(dropTarget)) {
            problems.accept("dropTarget " + dropTarget + " is not the uuid of " + to + ", " + target.uuid());
        } else if (target == null && dropTarget != null && dropTarget.isBinary()) {
            problems.accept("dropTarget names a collection, but " + to + " does not exist");
        }
    }

    /** Removes what is left of the database: on 7.0, drop entries of its collections came first. */
    void dropDatabase(String database, Consumer<String> problems) {
        List<String> left = new ArrayList<>();
        collections.keySet().removeIf(ns -> ns.startsWith(database + ".") && left.add(ns));
        views.removeIf(ns -> ns.startsWith(database + ".") && left.add(ns));
        if (!left.isEmpty()) {
            problems.accept("dropDatabase found namespaces that no drop entry removed: " + left);
        }
    }
}
