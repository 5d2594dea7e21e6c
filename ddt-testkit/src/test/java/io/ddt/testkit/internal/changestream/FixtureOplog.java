package io.ddt.testkit.internal.changestream;

import java.util.List;
import java.util.Map;

import org.bson.BsonBinary;
import org.bson.BsonBoolean;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.bson.BsonTimestamp;
import org.bson.BsonValue;

/**
 * The 7.0 oplog entries behind each changeStream fixture. Three fixtures have their real entry
 * in the file (same ts); one uses a real entry of the same command; for the others the entry is
 * built from what the event shows, in the layout a 7.0 member writes, with the update diffs
 * written by hand as the server computes them (checked against the fixtures' pre and post).
 */
final class FixtureOplog {

    /** changeStream fixture name to the oplog fixture holding the same operation's entry. */
    static final Map<String, String> REAL_ENTRIES = Map.of(
            "changeStream.capture.4.2.drop", "ddl.capture.4.2.drop",
            "changeStream.capture.4.2.rename", "ddl.capture.4.2.renameCollection",
            "changeStream.capture.4.2.dropDatabase", "ddl.capture.4.2.dropDatabase");

    /** The $v:2 diff a 7.0 server logs for each update fixture's operation. */
    static final Map<String, String> UPDATE_DIFFS = Map.of(
            "changeStream.update.pipeline-set", "{u: {a: 2.0}}",
            "changeStream.update.pipeline-replaceRoot-small-delta", "{sobj: {u: {a: 2.0}}}",
            "changeStream.disambiguatedPaths.nonDottedPathsNotReported",
            "{u: {arrayForReplacement: [0.0]}, i: {a: 2.0}, stopLevelArray: {a: true, s0: {ssubArray:"
                    + " {a: true, s1: {a: true, s1: {a: true, s0: {sbottomArray: {a: true, u2: 3.0}}}}}}}}",
            "changeStream.disambiguatedPaths.numericFieldInArray",
            "{sarrayWithNumericField: {a: true, s0: {a: true, s0: {i: {'1': {'b.c': 1.0}}}}}}",
            "changeStream.disambiguatedPaths.numericFieldInObject",
            "{sobjectWithNumericField: {s0: {u: {'1': 'updated'}}}}",
            "changeStream.disambiguatedPaths.topLevelDottedFields",
            "{u: {'d.o.t.t.e.d.o.b.j.': {subObj: 1.0}}, i: {'new.Field.': 1.0}}",
            "changeStream.disambiguatedPaths.dottedFieldsAndArrayIndices",
            "{sobj: {'ssub.obj': {'sd.o.t.t.e.d.a.r.r.a.y..': {a: true, s0: {a: true, l: 1,"
                    + " s0: {sa: {u: {'b.c': 2.0}}}}}}}}",
            "changeStream.docs.update.truncatedArrays-updateLookup",
            "{d: {phoneNumber: false}, u: {email: 'alice@10gen.com'}, svacation_time: {a: true, l: 36}}",
            "changeStream.capture.4.2.update-set-unset", "{d: {ok: false}, i: {plus_field: 2.0}}");

    private FixtureOplog() {
    }

    /** The entries to feed, in order, for a changeStream fixture. */
    static List<BsonDocument> entriesFor(BsonDocument fixture) {
        String name = fixture.getString("name").getValue();
        if (REAL_ENTRIES.containsKey(name)) {
            return List.of(Fixtures.named(REAL_ENTRIES.get(name)).getDocument("entry"));
        }
        BsonDocument event = fixture.getDocument("entry");
        return List.of(built(name, fixture.getString("ns").getValue(), event,
                fixture.getString("serverVersion").getValue()));
    }

    private static BsonDocument built(String name, String ns, BsonDocument event, String version) {
        String type = event.getString("operationType").getValue();
        BsonDocument description = event.getDocument("operationDescription", new BsonDocument());
        String db = ns.isEmpty() ? "test" : ns.split("\\.", 2)[0];
        String coll = ns.contains(".") ? ns.split("\\.", 2)[1] : "coll";
        BsonDocument key = event.getDocument("documentKey", null);
        return switch (type) {
            case "insert" -> entry(event, "i", ns, event.getDocument("fullDocument"),
                    version.compareTo("5.3") < 0 ? null : key);
            case "delete" -> entry(event, "d", ns, key, null);
            case "replace" -> entry(event, "u", ns, event.getDocument("fullDocument"), key);
            case "update" -> entry(event, "u", ns, new BsonDocument("$v", new BsonInt32(2))
                    .append("diff", BsonDocument.parse(UPDATE_DIFFS.get(name))), key);
            case "drop", "invalidate" -> entry(event, "c", db + ".$cmd",
                    doc("drop", coll), new BsonDocument("numRecords", new BsonInt32(0)));
            case "rename" -> entry(event, "c", db + ".$cmd", doc("renameCollection", ns)
                    .append("to", target(event)).append("stayTemp", BsonBoolean.FALSE), null);
            case "dropDatabase" -> without(entry(event, "c", db + ".$cmd",
                    new BsonDocument("dropDatabase", new BsonInt32(1)), null), "ui");
            case "create" -> entry(event, "c", db + ".$cmd", name.equals("changeStream.create.capped")
                    ? Fixtures.named("ddl.create.capped").getDocument("entry").getDocument("o")
                    : merge(doc("create", coll), description), null);
            case "createIndexes" -> entry(event, "c", db + ".$cmd",
                    merge(doc("createIndexes", coll), firstIndex(description)), null);
            case "dropIndexes" -> entry(event, "c", db + ".$cmd", doc("dropIndexes", coll)
                    .append("index", firstIndex(description).get("name")), firstIndex(description));
            case "modify" -> entry(event, "c", db + ".$cmd", merge(doc("collMod", coll), description),
                    oldState(event.getDocument("stateBeforeChange")));
            case "shardCollection" -> entry(event, "n", ns, new BsonDocument("msg", doc("shardCollection", ns)),
                    merge(doc("shardCollection", ns), description));
            default -> throw new IllegalArgumentException("no oplog entry for " + name);
        };
    }

    /** {op, ns, ui, o, o2, ts, t, v, wall} with ts, wall and ui taken from the event. */
    private static BsonDocument entry(BsonDocument event, String op, String ns, BsonDocument o,
            BsonDocument o2) {
        BsonTimestamp ts = event.getTimestamp("clusterTime");
        BsonDocument entry = new BsonDocument("op", new BsonString(op)).append("ns", new BsonString(ns))
                .append("ui", uuidOf(event)).append("o", o);
        if (o2 != null) {
            entry.append("o2", o2);
        }
        BsonValue wall = event.containsKey("wallTime") ? event.get("wallTime")
                : new BsonDateTime(ts.getTime() * 1000L + 456);
        return entry.append("ts", ts).append("t", new BsonInt64(1)).append("v", new BsonInt64(2))
                .append("wall", wall);
    }

    private static BsonBinary uuidOf(BsonDocument event) {
        if (event.containsKey("collectionUUID")) {
            return event.getBinary("collectionUUID");
        }
        BsonBinary inToken = ResumeToken.decode(event.getDocument("_id")).collectionUuid();
        return inToken != null ? inToken : Entries.UUID_A;
    }

    private static BsonString target(BsonDocument event) {
        BsonDocument to = event.getDocument("to");
        return new BsonString(to.getString("db").getValue() + "." + to.getString("coll").getValue());
    }

    private static BsonDocument firstIndex(BsonDocument description) {
        return description.getArray("indexes").get(0).asDocument();
    }

    private static BsonDocument oldState(BsonDocument stateBeforeChange) {
        BsonDocument o2 = new BsonDocument();
        stateBeforeChange.forEach((field, value) -> o2.append(field + "_old", value));
        return o2;
    }

    private static BsonDocument doc(String field, String value) {
        return new BsonDocument(field, new BsonString(value));
    }

    private static BsonDocument merge(BsonDocument first, BsonDocument rest) {
        BsonDocument merged = first.clone();
        rest.forEach(merged::append);
        return merged;
    }

    private static BsonDocument without(BsonDocument doc, String field) {
        doc.remove(field);
        return doc;
    }
}
