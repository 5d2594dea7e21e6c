package io.ddt.testkit.selfcheck;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * Names the kinds of entry an oplog holds, so that a self-check can show it exercised what it
 * claims to: an oplog without renames proves nothing about renames. Stateless.
 */
final class OplogCensus {

    /** What the self-check's workload and interludes must leave in the oplog. */
    static final Set<String> EXPECTED = Set.of("i", "u diff", "u replacement", "d", "create", "create capped",
        "create view", "drop", "renameCollection", "renameCollection across databases", "renameCollection dropTarget",
        "dropDatabase", "startIndexBuild", "commitIndexBuild", "dropIndexes", "collMod", "applyOps",
        "applyOps partialTxn", "applyOps count", "i in applyOps", "u diff in applyOps", "d in applyOps");

    private OplogCensus() {
    }

    static Set<String> of(List<? extends BsonDocument> oplog) {
        Set<String> kinds = new TreeSet<>();
        oplog.forEach(entry -> collect(entry, "", kinds));
        return kinds;
    }

    private static void collect(BsonDocument op, String suffix, Set<String> kinds) {
        String kind = op.getString("op").getValue();
        BsonDocument o = op.getDocument("o");
        switch (kind) {
            case "u" -> kinds.add((o.containsKey("$v") ? "u diff" : "u replacement") + suffix);
            case "c" -> command(o, kinds);
            default -> kinds.add(kind + suffix);
        }
    }

    private static void command(BsonDocument o, Set<String> kinds) {
        String name = o.getFirstKey();
        kinds.add(name);
        if (name.equals("create") && o.containsKey("capped")) {
            kinds.add("create capped");
        }
        if (name.equals("create") && o.containsKey("viewOn")) {
            kinds.add("create view");
        }
        if (name.equals("renameCollection")) {
            rename(o, kinds);
        }
        if (name.equals("applyOps")) {
            o.keySet().stream().filter(key -> !key.equals("applyOps")).forEach(key -> kinds.add("applyOps " + key));
            for (BsonValue inner : o.getArray("applyOps")) {
                collect(inner.asDocument(), " in applyOps", kinds);
            }
        }
    }

    private static void rename(BsonDocument o, Set<String> kinds) {
        String from = o.getString("renameCollection").getValue();
        String to = o.getString("to").getValue();
        if (!from.substring(0, from.indexOf('.')).equals(to.substring(0, to.indexOf('.')))) {
            kinds.add("renameCollection across databases");
        }
        if (o.containsKey("dropTarget")) {
            kinds.add("renameCollection dropTarget");
        }
    }
}
