package io.ddt.testkit.internal.server;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.bson.BsonArray;
import org.bson.BsonBinary;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.UuidRepresentation;

/**
 * createIndexes, dropIndexes, listIndexes and collMod's index changes. Specs are kept whole in
 * the catalog (every option, as given) because the engine keeps only some; the engine builds the
 * unique ones it can enforce, and {@link UniqueConstraints} enforces partial and sparse ones.
 */
final class IndexCommands {

    private static final List<String> ENGINE_OPTIONS = List.of("unique");

    private final FakeMember member;

    IndexCommands(FakeMember member) {
        this.member = member;
    }

    static BsonDocument idIndexSpec() {
        return new BsonDocument("v", new BsonInt32(2)).append("key", new BsonDocument("_id", new BsonInt32(1)))
            .append("name", new BsonString("_id_"));
    }

    BsonDocument createIndexes(String database, BsonDocument command) {
        String namespace = database + "." + command.getString("createIndexes").getValue();
        BsonArray requested = command.getArray("indexes", new BsonArray());
        if (requested.isEmpty()) {
            throw CommandException.badValue("Must specify at least one index to create");
        }
        Catalog.Entry collection = member.ddl().ensureCollection(namespace);
        int before = member.catalog().indexes(namespace).size();
        List<BsonDocument> created = new ArrayList<>();
        for (BsonValue value : requested) {
            BsonDocument spec = normalize(value.asDocument());
            if (isExisting(namespace, spec)) {
                continue;
            }
            buildInEngine(namespace, spec);
            member.constraints().indexCreated(namespace, spec);
            member.catalog().putIndex(namespace, spec);
            created.add(spec);
        }
        log(collection, created);
        BsonDocument response = new BsonDocument("numIndexesBefore", new BsonInt32(before))
            .append("numIndexesAfter", new BsonInt32(member.catalog().indexes(namespace).size()));
        if (created.isEmpty()) {
            response.append("note", new BsonString("all indexes already exist"));
        }
        return response.append("ok", new BsonDouble(1));
    }

    private void log(Catalog.Entry collection, List<BsonDocument> created) {
        if (created.isEmpty()) {
            return;
        }
        boolean empty = member.writes().find(collection.namespace(), new BsonDocument(), null, 1).isEmpty();
        if (empty) {
            for (BsonDocument spec : created) {
                BsonDocument o = new BsonDocument("createIndexes", new BsonString(collection.collection()));
                o.putAll(spec);
                member.oplogWriter().command(collection.database(), collection, o, null);
            }
            return;
        }
        BsonBinary buildId = new BsonBinary(UUID.randomUUID(), UuidRepresentation.STANDARD);
        BsonArray specs = new BsonArray(new ArrayList<>(created));
        for (String phase : List.of("startIndexBuild", "commitIndexBuild")) {
            BsonDocument o = new BsonDocument(phase, new BsonString(collection.collection()))
                .append("indexBuildUUID", buildId).append("indexes", specs);
            member.oplogWriter().command(collection.database(), collection, o, null);
        }
    }

    private static BsonDocument normalize(BsonDocument requested) {
        if (!requested.containsKey("key") || !requested.isDocument("key") || requested.getDocument("key").isEmpty()) {
            throw new CommandException(67, "CannotCreateIndex", "Index spec must have a non-empty 'key' document");
        }
        if (!requested.containsKey("name") || !requested.isString("name")) {
            throw new CommandException(9, "FailedToParse", "The 'name' field is a required property of an index specification");
        }
        BsonDocument spec = new BsonDocument("v", new BsonInt32(2));
        for (var entry : requested.entrySet()) {
            if (!entry.getKey().equals("v") && !entry.getKey().equals("ns")) {
                spec.append(entry.getKey(), entry.getValue());
            }
        }
        return spec;
    }

    private boolean isExisting(String namespace, BsonDocument spec) {
        String name = spec.getString("name").getValue();
        BsonDocument existing = member.catalog().index(namespace, name);
        if (existing != null) {
            if (existing.equals(spec)) {
                return true;
            }
            throw new CommandException(86, "IndexKeySpecsConflict",
                "An existing index has the same name as the requested index but different options. Requested index: "
                    + spec.toJson() + ", existing index: " + existing.toJson());
        }
        for (BsonDocument other : member.catalog().indexes(namespace)) {
            if (other.get("key").equals(spec.get("key")) && sameOptions(other, spec)) {
                throw new CommandException(85, "IndexOptionsConflict",
                    "Index already exists with a different name: " + other.getString("name").getValue());
            }
        }
        return false;
    }

    private static boolean sameOptions(BsonDocument a, BsonDocument b) {
        BsonDocument x = a.clone();
        BsonDocument y = b.clone();
        x.remove("name");
        y.remove("name");
        return x.equals(y);
    }

    /** Builds the index in the engine where the engine enforces it exactly: plain unique ones. */
    /** Tells whether the engine holds the index: unique, without a filter, sparseness or collation. */
    private static boolean inEngine(BsonDocument spec) {
        return spec.getBoolean("unique", BsonBoolean.FALSE).getValue() && !spec.containsKey("partialFilterExpression")
            && !spec.getBoolean("sparse", BsonBoolean.FALSE).getValue() && !spec.containsKey("collation");
    }

    void buildInEngine(String namespace, BsonDocument spec) {
        if (!inEngine(spec)) {
            return;
        }
        BsonDocument engineSpec = new BsonDocument("key", spec.get("key")).append("name", spec.get("name"));
        for (String option : ENGINE_OPTIONS) {
            if (spec.containsKey(option)) {
                engineSpec.append(option, spec.get(option));
            }
        }
        member.engine().run(DocumentWrites.database(namespace), new BsonDocument("createIndexes",
            new BsonString(DocumentWrites.collection(namespace))).append("indexes", new BsonArray(List.of(engineSpec))));
    }

    BsonDocument dropIndexes(String database, BsonDocument command) {
        String namespace = database + "." + command.getString("dropIndexes").getValue();
        Catalog.Entry collection = member.catalog().get(namespace);
        if (collection == null) {
            throw CommandException.namespaceNotFound("ns not found " + namespace);
        }
        int before = member.catalog().indexes(namespace).size();
        for (String name : namesToDrop(namespace, command.get("index"))) {
            BsonDocument spec = member.catalog().removeIndex(namespace, name);
            member.constraints().indexDropped(namespace, name);
            if (spec.getBoolean("unique", BsonBoolean.FALSE).getValue()) {
                member.engine().run(database, new BsonDocument("dropIndexes", new BsonString(collection.collection()))
                    .append("index", new BsonString(name)));
            }
            BsonDocument o = new BsonDocument("dropIndexes", new BsonString(collection.collection()))
                .append("index", new BsonString(name));
            member.oplogWriter().command(database, collection, o, spec);
        }
        return new BsonDocument("nIndexesWas", new BsonInt32(before)).append("ok", new BsonDouble(1));
    }

    private List<String> namesToDrop(String namespace, BsonValue index) {
        List<String> names = new ArrayList<>();
        if (index == null) {
            throw CommandException.badValue("dropIndexes requires an 'index' field");
        }
        if (index.isString() && index.asString().getValue().equals("*")) {
            for (BsonDocument spec : member.catalog().indexes(namespace)) {
                if (!spec.getString("name").getValue().equals("_id_")) {
                    names.add(spec.getString("name").getValue());
                }
            }
            return names;
        }
        List<BsonValue> wanted = index.isArray() ? index.asArray().getValues() : List.of(index);
        for (BsonValue value : wanted) {
            names.add(resolveName(namespace, value));
        }
        return names;
    }

    private String resolveName(String namespace, BsonValue value) {
        for (BsonDocument spec : member.catalog().indexes(namespace)) {
            if ((value.isString() && spec.get("name").equals(value)) || (value.isDocument() && spec.get("key").equals(value))) {
                String name = spec.getString("name").getValue();
                if (name.equals("_id_")) {
                    throw CommandException.invalidOptions("cannot drop _id index");
                }
                return name;
            }
        }
        throw new CommandException(27, "IndexNotFound", "index not found with name [" + (value.isString()
            ? value.asString().getValue() : value.asDocument().toJson()) + "]");
    }

    BsonDocument listIndexes(String database, BsonDocument command) {
        String namespace = database + "." + command.getString("listIndexes").getValue();
        Catalog.Entry collection = member.catalog().get(namespace);
        if (collection == null) {
            throw CommandException.namespaceNotFound("ns does not exist: " + namespace);
        }
        return member.cursors().open(namespace, new ArrayList<BsonDocument>(member.catalog().indexes(namespace)), command, true);
    }

    /** Applies collMod's {@code index} option; returns the old values of what it changed. */
    BsonDocument modify(String namespace, BsonDocument change, BsonDocument response) {
        BsonDocument spec = null;
        for (BsonDocument candidate : member.catalog().indexes(namespace)) {
            if (candidate.get("name").equals(change.get("name")) || candidate.get("key").equals(change.get("keyPattern"))) {
                spec = candidate;
            }
        }
        if (spec == null) {
            throw new CommandException(27, "IndexNotFound", "cannot find index " + change.toJson() + " for ns " + namespace);
        }
        BsonDocument old = new BsonDocument();
        BsonDocument updated = spec.clone();
        for (var entry : change.entrySet()) {
            if (entry.getKey().equals("name") || entry.getKey().equals("keyPattern")) {
                continue;
            }
            if (spec.containsKey(entry.getKey())) {
                old.append(entry.getKey(), spec.get(entry.getKey()));
                response.append(entry.getKey() + "_old", spec.get(entry.getKey()));
            }
            response.append(entry.getKey() + "_new", entry.getValue());
            updated.put(entry.getKey(), entry.getValue());
        }
        changeUniqueness(namespace, spec, updated);
        member.catalog().putIndex(namespace, updated);
        return old;
    }

    /**
     * Converts an index to unique ({@code unique: true}) or back ({@code forceNonUnique: true},
     * which a member does not keep in the spec), and makes the engine and the constraints follow.
     */
    private void changeUniqueness(String namespace, BsonDocument before, BsonDocument updated) {
        boolean wasUnique = before.getBoolean("unique", BsonBoolean.FALSE).getValue();
        if (updated.getBoolean("forceNonUnique", BsonBoolean.FALSE).getValue()) {
            updated.remove("forceNonUnique");
            updated.remove("unique");
        }
        boolean unique = updated.getBoolean("unique", BsonBoolean.FALSE).getValue();
        String name = updated.getString("name").getValue();
        if (wasUnique && !unique) {
            member.constraints().indexDropped(namespace, name);
        }
        if (wasUnique && !unique && inEngine(before)) {
            member.engine().run(DocumentWrites.database(namespace), new BsonDocument("dropIndexes",
                new BsonString(DocumentWrites.collection(namespace))).append("index", new BsonString(name)));
        } else if (!wasUnique && unique) {
            member.constraints().indexCreated(namespace, updated);
            buildInEngine(namespace, updated);
        }
    }
}
