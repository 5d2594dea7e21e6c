package io.ddt.testkit.internal.server;

import java.util.List;

import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.bson.BsonValue;

/**
 * Collection DDL: create (explicit and implicit), drop, renameCollection within and across
 * databases, dropDatabase and collMod, each logged as a 7.0 member logs it. Callers hold the
 * member's write lock.
 */
final class CollectionCommands {

    private static final List<String> CREATE_OPTIONS = List.of("capped", "size", "max", "validator",
        "validationLevel", "validationAction", "collation", "clusteredIndex", "timeseries", "expireAfterSeconds",
        "viewOn", "pipeline", "storageEngine", "indexOptionDefaults", "changeStreamPreAndPostImages", "encryptedFields");
    // idIndex is accepted as a member accepts it; the _id index the fake builds is always the default one.
    private static final List<String> IGNORED = List.of("create", "idIndex", "$db", "lsid", "$clusterTime", "writeConcern",
        "comment", "$readPreference", "txnNumber", "autocommit", "startTransaction", "apiVersion", "apiStrict");

    private final FakeMember member;

    CollectionCommands(FakeMember member) {
        this.member = member;
    }

    /** Returns the collection, creating and logging it first if it does not exist. */
    Catalog.Entry ensureCollection(String namespace) {
        Catalog.Entry entry = member.catalog().get(namespace);
        if (entry != null) {
            if (entry.view()) {
                throw new CommandException(166, "CommandNotSupportedOnView", "Namespace " + namespace + " is a view, not a collection");
            }
            return entry;
        }
        Names.checkCollection(namespace);
        return createEntry(namespace, new BsonDocument());
    }

    BsonDocument create(String database, BsonDocument command) {
        String namespace = database + "." + command.getString("create").getValue();
        Names.checkCollection(namespace);
        BsonDocument options = new BsonDocument();
        for (var entry : command.entrySet()) {
            if (CREATE_OPTIONS.contains(entry.getKey())) {
                options.append(entry.getKey(), entry.getValue());
            } else if (!IGNORED.contains(entry.getKey())) {
                throw new CommandException(40415, "Location40415", "BSON field 'create." + entry.getKey() + "' is an unknown field.");
            }
        }
        validate(namespace, options);
        if (member.catalog().exists(namespace)) {
            throw CommandException.namespaceExists("Collection " + namespace + " already exists.");
        }
        createEntry(namespace, options);
        return ok();
    }

    private void validate(String namespace, BsonDocument options) {
        boolean capped = options.getBoolean("capped", BsonBoolean.FALSE).getValue();
        if (capped && !options.containsKey("size")) {
            throw CommandException.invalidOptions("the 'size' field is required when 'capped' is true");
        }
        if (!capped && (options.containsKey("size") || options.containsKey("max"))) {
            throw CommandException.invalidOptions("the 'size' and 'max' fields are only allowed when 'capped' is true");
        }
        if (options.containsKey("pipeline") && !options.containsKey("viewOn")) {
            throw CommandException.invalidOptions("'pipeline' requires 'viewOn' to also be specified");
        }
        if (options.containsKey("viewOn") && (capped || options.containsKey("validator") || options.containsKey("clusteredIndex"))) {
            throw CommandException.invalidOptions("Cannot specify collection options with 'viewOn' on " + namespace);
        }
        if (options.containsKey("timeseries") && !options.getDocument("timeseries").containsKey("timeField")) {
            throw CommandException.invalidOptions("'timeseries' requires a 'timeField' on " + namespace);
        }
        String level = options.getString("validationLevel", new BsonString("strict")).getValue();
        String action = options.getString("validationAction", new BsonString("error")).getValue();
        if (!List.of("off", "strict", "moderate").contains(level) || !List.of("error", "warn").contains(action)) {
            throw CommandException.badValue("invalid validationLevel or validationAction on " + namespace);
        }
    }

    private Catalog.Entry createEntry(String namespace, BsonDocument options) {
        boolean view = options.containsKey("viewOn");
        Catalog.Entry entry = member.catalog().add(namespace, view, stored(options));
        BsonDocument o = new BsonDocument("create", new BsonString(entry.collection()));
        o.putAll(options);
        if (!view) {
            member.engine().run(entry.database(), new BsonDocument("create", new BsonString(entry.collection())));
            member.idIndex().create(namespace);
            if (!options.containsKey("clusteredIndex")) {
                BsonDocument idIndex = IndexCommands.idIndexSpec();
                member.catalog().putIndex(namespace, idIndex);
                o.append("idIndex", idIndex);
            } else {
                member.catalog().putIndex(namespace, clusteredSpec(options.getDocument("clusteredIndex")));
            }
        }
        member.oplogWriter().command(entry.database(), entry, o, null);
        return entry;
    }

    /** Options as a member reports them: capped sizes rounded up to 256 bytes, small numbers as int. */
    private static BsonDocument stored(BsonDocument options) {
        BsonDocument result = options.clone();
        for (String key : List.of("size", "max")) {
            if (result.containsKey(key) && result.get(key).isNumber()) {
                long value = result.getNumber(key).longValue();
                if (key.equals("size")) {
                    value = (value + 255) / 256 * 256;
                }
                result.put(key, value == (int) value ? new BsonInt32((int) value) : new org.bson.BsonInt64(value));
            }
        }
        return result;
    }

    private static BsonDocument clusteredSpec(BsonDocument clustered) {
        BsonDocument spec = new BsonDocument("v", new BsonInt32(2)).append("key", clustered.get("key"))
            .append("name", clustered.getString("name", new BsonString("_id_")));
        spec.append("unique", BsonBoolean.TRUE).append("clustered", BsonBoolean.TRUE);
        return spec;
    }

    BsonDocument drop(String database, BsonDocument command) {
        String namespace = database + "." + command.getString("drop").getValue();
        Catalog.Entry entry = member.catalog().get(namespace);
        if (entry == null) {
            return ok();
        }
        int count = entry.view() ? 0 : member.idIndex().documents(namespace).size();
        dropQuietly(entry);
        BsonDocument o2 = entry.view() ? null : new BsonDocument("numRecords", new BsonInt32(count));
        member.oplogWriter().command(database, entry, new BsonDocument("drop", new BsonString(entry.collection())), o2);
        return new BsonDocument("nIndexesWas", new BsonInt32(member.catalog().indexes(namespace).size()))
            .append("ns", new BsonString(namespace)).append("ok", new BsonDouble(1));
    }

    private void dropQuietly(Catalog.Entry entry) {
        member.constraints().dropCollection(entry.namespace());
        member.capped().dropped(entry.namespace());
        if (!entry.view()) {
            member.engine().run(entry.database(), new BsonDocument("drop", new BsonString(entry.collection())));
        }
        member.idIndex().drop(entry.namespace());
        member.catalog().remove(entry.namespace());
    }

    BsonDocument dropDatabase(String database) {
        for (Catalog.Entry entry : member.catalog().inDatabase(database)) {
            drop(database, new BsonDocument("drop", new BsonString(entry.collection())));
        }
        member.engine().dropDatabase(database);
        member.oplogWriter().command(database, null, new BsonDocument("dropDatabase", new BsonInt32(1)), null);
        return new BsonDocument("dropped", new BsonString(database)).append("ok", new BsonDouble(1));
    }

    BsonDocument renameCollection(BsonDocument command) {
        String from = command.getString("renameCollection").getValue();
        String to = command.getString("to").getValue();
        boolean dropTarget = command.getBoolean("dropTarget", BsonBoolean.FALSE).getValue();
        Catalog.Entry source = member.catalog().get(from);
        if (source == null) {
            throw CommandException.namespaceNotFound("Source collection " + from + " does not exist");
        }
        Names.checkCollection(to);
        Catalog.Entry target = member.catalog().get(to);
        if (target != null && !dropTarget) {
            throw CommandException.namespaceExists("target namespace exists");
        }
        if (target != null) {
            dropQuietly(target);
        }
        moveDocuments(source, to);
        Catalog.Entry renamed = member.catalog().rename(from, to);
        member.idIndex().rename(from, to);
        member.constraints().renamed(from, to);
        member.capped().renamed(from, to);
        BsonDocument o = new BsonDocument("renameCollection", new BsonString(from)).append("to", new BsonString(to))
            .append("stayTemp", BsonBoolean.FALSE);
        if (target != null) {
            o.append("dropTarget", target.uuidBinary());
        }
        member.oplogWriter().command(source.database(), renamed, o, null);
        return ok();
    }

    private void moveDocuments(Catalog.Entry source, String to) {
        String toDatabase = DocumentWrites.database(to);
        if (source.view()) {
            return;
        }
        if (toDatabase.equals(source.database())) {
            member.engine().run("admin", new BsonDocument("renameCollection", new BsonString(source.namespace()))
                .append("to", new BsonString(to)));
            return;
        }
        List<BsonDocument> documents = member.writes().find(source.namespace(), new BsonDocument(), null, 0);
        member.engine().run(toDatabase, new BsonDocument("create", new BsonString(DocumentWrites.collection(to))));
        for (BsonDocument index : member.catalog().indexes(source.namespace())) {
            if (!index.getString("name").getValue().equals("_id_")) {
                member.indexes().buildInEngine(to, index);
            }
        }
        if (!documents.isEmpty()) {
            member.engine().run(toDatabase, new BsonDocument("insert", new BsonString(DocumentWrites.collection(to)))
                .append("documents", new BsonArray(List.<BsonValue>copyOf(documents))));
        }
        member.engine().run(source.database(), new BsonDocument("drop", new BsonString(source.collection())));
    }

    BsonDocument collMod(String database, BsonDocument command) {
        String namespace = database + "." + command.getString("collMod").getValue();
        Catalog.Entry entry = member.catalog().get(namespace);
        if (entry == null) {
            throw CommandException.namespaceNotFound("ns does not exist: " + namespace);
        }
        BsonDocument o = new BsonDocument("collMod", new BsonString(entry.collection()));
        BsonDocument oldOptions = new BsonDocument("uuid", entry.uuidBinary());
        BsonDocument options = entry.options().clone();
        BsonDocument response = new BsonDocument();
        BsonDocument oldIndexOptions = new BsonDocument();
        for (var option : command.entrySet()) {
            String key = option.getKey();
            if (key.equals("collMod") || IGNORED.contains(key)) {
                continue;
            }
            if (key.equals("index")) {
                oldIndexOptions = member.indexes().modify(namespace, option.getValue().asDocument(), response);
            } else if (List.of("validator", "validationLevel", "validationAction", "viewOn", "pipeline",
                "expireAfterSeconds", "changeStreamPreAndPostImages").contains(key)) {
                if (options.containsKey(key)) {
                    oldOptions.append(key, options.get(key));
                }
                options.put(key, option.getValue());
            } else {
                throw CommandException.invalidOptions("unknown option to collMod: " + key);
            }
            o.append(key, option.getValue());
        }
        member.catalog().put(entry.withOptions(options));
        BsonDocument o2 = new BsonDocument("collectionOptions_old", oldOptions).append("indexOptions_old", oldIndexOptions);
        member.oplogWriter().command(database, entry, o, o2);
        response.append("ok", new BsonDouble(1));
        return response;
    }

    static BsonDocument ok() {
        return new BsonDocument("ok", new BsonDouble(1));
    }
}
