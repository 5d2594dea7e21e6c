package io.ddt.testkit.internal.server;

import java.util.ArrayList;
import java.util.List;

import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.bson.BsonValue;

import de.bwaldvogel.mongo.backend.DefaultQueryMatcher;

/**
 * Reads: find (the oplog through {@link OplogCursor}, views through their pipeline),
 * aggregate, listCollections and listDatabases from the catalog, count and distinct.
 * Results are served through the member's cursors in real batch sizes.
 */
final class QueryCommands {

    private static final List<String> FIND_OPTIONS = List.of("filter", "sort", "projection", "skip", "limit");

    private final FakeMember member;

    QueryCommands(FakeMember member) {
        this.member = member;
    }

    BsonDocument find(String database, BsonDocument command) {
        String collection = command.getString("find").getValue();
        String namespace = database + "." + collection;
        if (namespace.equals("local.oplog.rs")) {
            return member.cursors().open(new OplogCursor(member.oplog(), command), command, false, 0);
        }
        Catalog.Entry entry = member.catalog().get(namespace);
        if (entry == null) {
            return member.cursors().open(namespace, new ArrayList<>(), command, false);
        }
        if (entry.view()) {
            return findOnView(entry, command);
        }
        BsonDocument indexed = member.indexedReads().find(namespace, command);
        if (indexed != null) {
            return indexed;
        }
        BsonDocument find = new BsonDocument("find", new BsonString(collection));
        for (String option : FIND_OPTIONS) {
            if (command.containsKey(option)) {
                find.append(option, option.equals("limit") ? new BsonInt64(Math.abs(command.getNumber(option).longValue()))
                    : option.equals("filter") ? TypeAliases.rewrite(command.getDocument(option)) : command.get(option));
            }
        }
        List<BsonDocument> documents = member.engine().findAll(database, find);
        return member.cursors().open(namespace, documents, cursorOptions(command), false);
    }

    /** A find's options as its cursor reads them: a negative limit asks for a single batch. */
    static BsonDocument cursorOptions(BsonDocument command) {
        if (!command.containsKey("limit") || command.getNumber("limit").longValue() >= 0) {
            return command;
        }
        BsonDocument options = command.clone();
        options.put("singleBatch", BsonBoolean.TRUE);
        return options;
    }

    private BsonDocument findOnView(Catalog.Entry view, BsonDocument command) {
        BsonArray pipeline = new BsonArray();
        pipeline.add(new BsonDocument("$match", command.getDocument("filter", new BsonDocument())));
        for (String stage : List.of("sort", "skip", "limit", "projection")) {
            if (command.containsKey(stage)) {
                pipeline.add(new BsonDocument(stage.equals("projection") ? "$project" : "$" + stage, command.get(stage)));
            }
        }
        BsonDocument aggregate = new BsonDocument("aggregate", new BsonString(view.collection())).append("pipeline", pipeline)
            .append("cursor", new BsonDocument("batchSize", command.getNumber("batchSize", new BsonInt32(Cursors.DEFAULT_FIRST_BATCH))));
        BsonDocument reply = aggregate(view.database(), aggregate);
        return reply;
    }

    BsonDocument aggregate(String database, BsonDocument command) {
        BsonValue target = command.get("aggregate");
        BsonArray pipeline = command.getArray("pipeline", new BsonArray());
        for (BsonValue stage : pipeline) {
            String name = stage.asDocument().getFirstKey();
            if (name.equals("$out") || name.equals("$merge")) {
                throw CommandException.notImplemented("the fake cluster does not support " + name
                    + ": its writes would bypass the oplog");
            }
        }
        if (!target.isString()) {
            BsonDocument reply = member.engine().run(database, command);
            return member.cursors().open(database + ".$cmd.aggregate",
                MjsEngine.documents(reply.getDocument("cursor").getArray("firstBatch")), command, true);
        }
        String namespace = database + "." + target.asString().getValue();
        if (namespace.equals("local.oplog.rs")) {
            return aggregateOplog(command, pipeline);
        }
        Catalog.Entry entry = member.catalog().get(namespace);
        BsonArray full = new BsonArray();
        String source = target.asString().getValue();
        while (entry != null && entry.view()) {
            BsonArray viewPipeline = entry.options().getArray("pipeline", new BsonArray());
            BsonArray combined = new BsonArray(new ArrayList<>(viewPipeline));
            combined.addAll(full);
            full = combined;
            source = entry.options().getString("viewOn").getValue();
            entry = member.catalog().get(database + "." + source);
        }
        for (BsonValue stage : pipeline) {
            BsonDocument document = stage.asDocument();
            full.add(document.containsKey("$match")
                ? new BsonDocument("$match", TypeAliases.rewrite(document.getDocument("$match"))) : document);
        }
        if (entry == null) {
            return member.cursors().open(namespace, new ArrayList<>(), command, true);
        }
        List<BsonDocument> indexed = entry.namespace().equals(namespace) ? member.indexedReads().aggregate(namespace, pipeline) : null;
        if (indexed != null) {
            return member.cursors().open(namespace, indexed, command, true);
        }
        List<BsonDocument> results = new SampledAggregation(member.engine()).run(database, source, Pipelines.normalize(full));
        return member.cursors().open(namespace, results, command, true);
    }

    /**
     * Aggregations over the oplog (a count, a group by namespace) run on a scratch copy of it:
     * slow for a large oplog, but oplog readers use find, which is not.
     */
    private synchronized BsonDocument aggregateOplog(BsonDocument command, BsonArray pipeline) {
        String scratch = "oplog_aggregate";
        MjsEngine engine = member.engine();
        engine.dropIfExists(Updates.SCRATCH_DATABASE, scratch);
        BsonArray batch = new BsonArray();
        for (org.bson.RawBsonDocument entry : member.oplog().after(Long.MIN_VALUE, true).values()) {
            batch.add(entry.decode(new org.bson.codecs.BsonDocumentCodec()).append("_id", entry.get("ts")));
            if (batch.size() == 1000) {
                engine.run(Updates.SCRATCH_DATABASE, new BsonDocument("insert", new BsonString(scratch)).append("documents", batch));
                batch = new BsonArray();
            }
        }
        if (!batch.isEmpty()) {
            engine.run(Updates.SCRATCH_DATABASE, new BsonDocument("insert", new BsonString(scratch)).append("documents", batch));
        }
        BsonArray stages = new BsonArray();
        stages.add(new BsonDocument("$project", new BsonDocument("_id", new BsonInt32(0))));
        stages.addAll(Pipelines.normalize(pipeline));
        try {
            BsonDocument reply = engine.run(Updates.SCRATCH_DATABASE, new BsonDocument("aggregate", new BsonString(scratch))
                .append("pipeline", stages).append("cursor", new BsonDocument()));
            return member.cursors().open("local.oplog.rs", MjsEngine.documents(reply.getDocument("cursor").getArray("firstBatch")),
                command, true);
        } finally {
            engine.dropIfExists(Updates.SCRATCH_DATABASE, scratch);
        }
    }

    BsonDocument listCollections(String database, BsonDocument command) {
        BsonDocument filter = command.getDocument("filter", new BsonDocument());
        boolean nameOnly = command.getBoolean("nameOnly", BsonBoolean.FALSE).getValue();
        List<BsonDocument> result = new ArrayList<>();
        List<BsonDocument> infos = new ArrayList<>();
        for (Catalog.Entry entry : member.catalog().inDatabase(database)) {
            infos.add(info(entry));
        }
        if (database.equals("local")) {
            infos.add(oplogInfo());
        }
        for (BsonDocument info : infos) {
            if (filter.isEmpty() || new DefaultQueryMatcher().matches(BsonBridge.toMjs(info), BsonBridge.toMjs(filter))) {
                result.add(nameOnly ? new BsonDocument("name", info.get("name")).append("type", info.get("type")) : info);
            }
        }
        return member.cursors().open(database + ".$cmd.listCollections", result, command, true);
    }

    private BsonDocument info(Catalog.Entry entry) {
        BsonDocument info = new BsonDocument("name", new BsonString(entry.collection()))
            .append("type", new BsonString(entry.view() ? "view" : entry.options().containsKey("timeseries") ? "timeseries" : "collection"))
            .append("options", entry.options())
            .append("info", new BsonDocument("readOnly", BsonBoolean.valueOf(entry.view()))
                .append("uuid", entry.uuidBinary()));
        if (!entry.view() && !entry.options().containsKey("clusteredIndex")) {
            info.append("idIndex", IndexCommands.idIndexSpec());
        }
        if (entry.view()) {
            info.getDocument("info").remove("uuid");
        }
        return info;
    }

    private BsonDocument oplogInfo() {
        return new BsonDocument("name", new BsonString("oplog.rs")).append("type", new BsonString("collection"))
            .append("options", new BsonDocument("capped", BsonBoolean.TRUE)
                .append("size", new BsonInt64(member.oplog().maxBytes())).append("autoIndexId", BsonBoolean.FALSE))
            .append("info", new BsonDocument("readOnly", BsonBoolean.FALSE));
    }

    BsonDocument listDatabases(BsonDocument command) {
        boolean nameOnly = command.getBoolean("nameOnly", BsonBoolean.FALSE).getValue();
        BsonDocument filter = command.getDocument("filter", new BsonDocument());
        List<String> names = new ArrayList<>(member.catalog().databases());
        for (String always : List.of("admin", "config", "local")) {
            if (!names.contains(always)) {
                names.add(always);
            }
        }
        names.sort(String::compareTo);
        BsonArray databases = new BsonArray();
        for (String name : names) {
            BsonDocument info = new BsonDocument("name", new BsonString(name));
            if (!nameOnly) {
                info.append("sizeOnDisk", new BsonInt64(8192)).append("empty", BsonBoolean.FALSE);
            }
            if (filter.isEmpty() || new DefaultQueryMatcher().matches(BsonBridge.toMjs(info), BsonBridge.toMjs(filter))) {
                databases.add(info);
            }
        }
        BsonDocument response = new BsonDocument("databases", databases);
        if (!nameOnly) {
            response.append("totalSize", new BsonInt64(8192L * databases.size()))
                .append("totalSizeMb", new BsonInt64(0));
        }
        return response.append("ok", new BsonDouble(1));
    }

    BsonDocument passThrough(String database, BsonDocument command) {
        String namespace = database + "." + command.get(command.getFirstKey()).toString();
        if (command.get(command.getFirstKey()).isString()) {
            namespace = database + "." + command.getString(command.getFirstKey()).getValue();
            if (!member.catalog().exists(namespace) && command.getFirstKey().equals("count")) {
                return new BsonDocument("n", new BsonInt32(0)).append("ok", new BsonDouble(1));
            }
            BsonDocument indexed = command.getFirstKey().equals("count") ? member.indexedReads().count(namespace, command) : null;
            if (indexed != null) {
                return indexed;
            }
        }
        return member.engine().run(database, clean(command));
    }

    /** Removes the session and routing fields the engine does not understand. */
    static BsonDocument clean(BsonDocument command) {
        BsonDocument result = new BsonDocument();
        for (var entry : command.entrySet()) {
            String key = entry.getKey();
            if (!key.startsWith("$") && !List.of("lsid", "txnNumber", "autocommit", "startTransaction", "readConcern",
                "writeConcern", "maxTimeMS", "apiVersion", "apiStrict", "apiDeprecationErrors", "comment").contains(key)) {
                result.append(key, entry.getValue());
            }
        }
        return result;
    }
}
