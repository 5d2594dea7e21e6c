package io.ddt.testkit.internal.server;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonNull;
import org.bson.BsonValue;

import de.bwaldvogel.mongo.backend.DefaultQueryMatcher;

/**
 * Enforces unique indexes that are partial or sparse, which the engine would enforce as if they
 * were neither: a document is indexed only if it matches the partial filter (and, for sparse,
 * holds at least one key field), and two indexed documents may not share a key.
 * Called with the member's write lock held.
 */
final class UniqueConstraints {

    private static final class Constraint {
        final String name;
        final BsonDocument key;
        final BsonDocument filter;
        final boolean sparse;
        final Map<BsonDocument, BsonValue> owners = new HashMap<>();

        Constraint(BsonDocument spec) {
            this.name = spec.getString("name").getValue();
            this.key = spec.getDocument("key");
            this.filter = spec.getDocument("partialFilterExpression", null);
            this.sparse = spec.getBoolean("sparse", BsonBoolean.FALSE).getValue();
        }

        BsonDocument keyOf(BsonDocument document) {
            if (document == null) {
                return null;
            }
            if (filter != null && !new DefaultQueryMatcher().matches(BsonBridge.toMjs(document), BsonBridge.toMjs(filter))) {
                return null;
            }
            BsonDocument values = new BsonDocument();
            boolean any = false;
            for (String field : key.keySet()) {
                BsonValue value = Paths.get(document, field);
                any |= value != null;
                values.append(field, value == null ? BsonNull.VALUE : value);
            }
            return sparse && !any ? null : values;
        }
    }

    private final Map<String, Map<String, Constraint>> constraints = new ConcurrentHashMap<>();
    private final FakeMember member;

    UniqueConstraints(FakeMember member) {
        this.member = member;
    }

    void indexCreated(String namespace, BsonDocument spec) {
        boolean unique = spec.getBoolean("unique", BsonBoolean.FALSE).getValue();
        if (!unique || (!spec.containsKey("partialFilterExpression") && !spec.getBoolean("sparse", BsonBoolean.FALSE).getValue())) {
            return;
        }
        Constraint constraint = new Constraint(spec);
        for (BsonDocument document : member.writes().find(namespace, new BsonDocument(), null, 0)) {
            BsonDocument key = constraint.keyOf(document);
            if (key != null && constraint.owners.putIfAbsent(key, document.get("_id")) != null) {
                throw duplicate(namespace, constraint, key);
            }
        }
        constraints.computeIfAbsent(namespace, ns -> new HashMap<>()).put(constraint.name, constraint);
    }

    void indexDropped(String namespace, String name) {
        Map<String, Constraint> byName = constraints.get(namespace);
        if (byName != null) {
            byName.remove(name);
        }
    }

    /** Throws a duplicate-key error if writing {@code after} in place of {@code before} breaks a constraint. */
    void check(String namespace, BsonDocument before, BsonDocument after) {
        Map<String, Constraint> byName = constraints.get(namespace);
        if (byName == null) {
            return;
        }
        for (Constraint constraint : byName.values()) {
            BsonDocument key = constraint.keyOf(after);
            BsonValue owner = key == null ? null : constraint.owners.get(key);
            if (owner != null && !owner.equals(after.get("_id"))) {
                throw duplicate(namespace, constraint, key);
            }
        }
    }

    void changed(String namespace, BsonDocument before, BsonDocument after) {
        Map<String, Constraint> byName = constraints.get(namespace);
        if (byName == null) {
            return;
        }
        for (Constraint constraint : byName.values()) {
            BsonDocument oldKey = constraint.keyOf(before);
            if (oldKey != null) {
                constraint.owners.remove(oldKey);
            }
            BsonDocument newKey = constraint.keyOf(after);
            if (newKey != null) {
                constraint.owners.put(newKey, after.get("_id"));
            }
        }
    }

    void dropCollection(String namespace) {
        constraints.remove(namespace);
    }

    void renamed(String from, String to) {
        Map<String, Constraint> byName = constraints.remove(from);
        if (byName != null) {
            constraints.put(to, byName);
        }
    }

    private static CommandException duplicate(String namespace, Constraint constraint, BsonDocument key) {
        return new CommandException(11000, "DuplicateKey", "E11000 duplicate key error collection: " + namespace
            + " index: " + constraint.name + " dup key: " + key.toJson());
    }
}
