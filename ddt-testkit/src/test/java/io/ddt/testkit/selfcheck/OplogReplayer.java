package io.ddt.testkit.selfcheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.bson.BsonDocument;
import org.bson.BsonTimestamp;
import org.bson.BsonValue;

import io.ddt.testkit.internal.oplog.DocDiff;

/**
 * Rebuilds collections in memory from oplog entries, applied in order from nothing: a check of
 * an oplog's completeness that shares no code with the server that wrote it, except the
 * {@code $v:2} diff applier.
 *
 * <p>It understands the entries a MongoDB 7.0 member writes: {@code i} (an insert, or an
 * overwrite), {@code u} ({@code $v:2} diffs and whole-document replacements), {@code d},
 * {@code n} (ignored) and {@code c}: create (views kept apart), drop, renameCollection (also
 * across databases and with {@code dropTarget}), dropDatabase, {@code applyOps} (nested, as
 * {@code partialTxn} chains, prepared and later committed or aborted), and the index and
 * collMod commands, which change no document and are ignored.
 *
 * <p><b>Failures.</b> An entry of a shape it does not understand ({@code $v:1} updates, unknown
 * commands, missing fields) throws {@link IllegalArgumentException} naming the entry's
 * {@code ts}, {@code op} and {@code ns}; the replayer is then in an undefined state. An entry that
 * is well formed but does not fit the history so far (an update of a missing document, an insert
 * of an existing {@code _id}, a write to a collection that no create entry made, a {@code ui}
 * that is not the collection's) is applied as a secondary would and recorded in
 * {@link #anomalies()}, since a complete oplog replayed from empty has none.
 *
 * <p>Not thread-safe.
 */
final class OplogReplayer {

    private static final Set<String> DOCUMENTLESS_COMMANDS = Set.of("createIndexes", "startIndexBuild",
        "commitIndexBuild", "abortIndexBuild", "dropIndexes", "deleteIndexes", "collMod");

    private final ReplacementOrder replacementOrder;
    private final ReplayedCatalog catalog = new ReplayedCatalog();
    private final TransactionBuffer transactions = new TransactionBuffer();
    private final List<String> anomalies = new ArrayList<>();
    private long applied;
    private BsonTimestamp lastTs;

    /** A replayer that stores replacements as MongoDB does. */
    OplogReplayer() {
        this(ReplacementOrder.AS_LOGGED);
    }

    OplogReplayer(ReplacementOrder replacementOrder) {
        this.replacementOrder = replacementOrder;
    }

    /**
     * Applies one top-level oplog entry.
     *
     * @param entry an entry as read from {@code local.oplog.rs}
     * @throws IllegalArgumentException if the entry's shape is not one the replayer understands
     */
    void apply(BsonDocument entry) {
        checkOrder(entry);
        applyOp(entry, entry, false);
        applied++;
    }

    /** Entries must come in strictly increasing {@code ts}, as the oplog's order is the history's. */
    private void checkOrder(BsonDocument entry) {
        BsonValue ts = entry.get("ts");
        if (ts != null && ts.isTimestamp()) {
            if (lastTs != null && ts.asTimestamp().compareTo(lastTs) <= 0) {
                anomaly(entry, entry, "ts is not after the previous entry's, " + text(lastTs));
            }
            lastTs = ts.asTimestamp();
        }
    }

    /** The namespaces of the collections (not views) that exist now, in order. */
    Set<String> namespaces() {
        return catalog.namespaces();
    }

    /** The namespaces of the views that exist now, in order. */
    Set<String> views() {
        return catalog.views();
    }

    /**
     * The documents of one collection by {@code _id}, in the order they were first inserted.
     *
     * @throws IllegalArgumentException if no such collection exists now
     */
    Map<IdKey, BsonDocument> documents(String namespace) {
        ReplayedCollection collection = catalog.get(namespace);
        if (collection == null) {
            throw new IllegalArgumentException("no collection " + namespace + "; the replayed ones are " + namespaces());
        }
        return collection.documents();
    }

    /** What did not fit the history so far, one line per entry, oldest first; empty when all fit. */
    List<String> anomalies() {
        return List.copyOf(anomalies);
    }

    /** The {@code lsid} and {@code txnNumber} of transactions begun but neither committed nor aborted. */
    List<BsonDocument> openTransactions() {
        return transactions.open();
    }

    /** How many top-level entries were applied. */
    long entriesApplied() {
        return applied;
    }

    private void applyOp(BsonDocument op, BsonDocument entry, boolean nested) {
        try {
            switch (op.getString("op").getValue()) {
                case "i" -> insert(op, entry);
                case "u" -> update(op, entry);
                case "d" -> delete(op, entry);
                case "c" -> command(op, entry, nested);
                case "n" -> { }
                default -> throw new IllegalArgumentException("unknown op");
            }
        } catch (UnreadableEntryException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new UnreadableEntryException("cannot replay the entry at " + where(op, entry) + ": " + e.getMessage()
                + "; entry " + abbreviated(op), e);
        }
    }

    private void insert(BsonDocument op, BsonDocument entry) {
        BsonDocument document = op.getDocument("o");
        IdKey id = IdKey.of(document.get("_id"));
        if (op.containsKey("o2") && !IdKey.of(op.getDocument("o2").get("_id")).equals(id)) {
            anomaly(op, entry, "o2._id " + op.getDocument("o2").get("_id") + " is not the inserted _id " + id);
        }
        if (collectionFor(op, entry).put(id, document) != null) {
            anomaly(op, entry, "insert of an _id that exists, " + id);
        }
    }

    private void update(BsonDocument op, BsonDocument entry) {
        IdKey id = IdKey.of(op.getDocument("o2").get("_id"));
        ReplayedCollection collection = collectionFor(op, entry);
        BsonDocument before = collection.get(id);
        if (before == null) {
            anomaly(op, entry, "update of a missing document, _id " + id);
            return;
        }
        collection.put(id, updated(before, op.getDocument("o"), id, op, entry));
    }

    private BsonDocument updated(BsonDocument before, BsonDocument o, IdKey id, BsonDocument op, BsonDocument entry) {
        if (o.containsKey("$v")) {
            if (o.getNumber("$v").intValue() != 2) {
                throw new IllegalArgumentException("only $v:2 diffs are understood, not $v:" + o.get("$v"));
            }
            return DocDiff.apply(before, o.getDocument("diff"));
        }
        if (o.keySet().stream().anyMatch(key -> key.startsWith("$"))) {
            throw new IllegalArgumentException("a modifier-style ($v:1) update is not understood");
        }
        if (!o.containsKey("_id") || !IdKey.of(o.get("_id")).equals(id)) {
            anomaly(op, entry, "replacement whose _id " + o.get("_id") + " is not o2._id " + id);
            return o;
        }
        return replacementOrder.store(before, o);
    }

    private void delete(BsonDocument op, BsonDocument entry) {
        IdKey id = IdKey.of(op.getDocument("o").get("_id"));
        if (collectionFor(op, entry).remove(id) == null) {
            anomaly(op, entry, "delete of a missing document, _id " + id);
        }
    }

    /** The collection a CRUD entry writes, made (and the gap noted) if no create entry made it. */
    private ReplayedCollection collectionFor(BsonDocument op, BsonDocument entry) {
        String namespace = op.getString("ns").getValue();
        ReplayedCollection collection = catalog.get(namespace);
        if (collection == null) {
            anomaly(op, entry, "write to a collection that no create entry made");
            collection = catalog.createImplicitly(namespace, op.get("ui"));
        } else if (op.containsKey("ui") && collection.uuid() != null && !collection.uuid().equals(op.get("ui"))) {
            anomaly(op, entry, "ui " + op.get("ui") + " is not the collection's " + collection.uuid());
        }
        return collection;
    }

    private void command(BsonDocument op, BsonDocument entry, boolean nested) {
        String ns = op.getString("ns").getValue();
        if (!ns.endsWith(".$cmd")) {
            throw new IllegalArgumentException("a command entry's ns must be <db>.$cmd");
        }
        String database = ns.substring(0, ns.length() - ".$cmd".length());
        BsonDocument o = op.getDocument("o");
        String name = o.getFirstKey();
        Consumer<String> problems = what -> anomaly(op, entry, what);
        switch (name) {
            case "create" -> catalog.create(database, o, op.get("ui"), problems);
            case "drop" -> catalog.drop(database + "." + o.getString("drop").getValue(), problems);
            case "renameCollection" -> catalog.rename(o, op.get("ui"), problems);
            case "dropDatabase" -> catalog.dropDatabase(database, problems);
            case "applyOps" -> applyAll(transactions.applyOps(entry, o, nested), entry);
            case "commitTransaction" -> commit(op, entry);
            case "abortTransaction" -> abort(entry, problems);
            default -> documentless(name, database, o, problems);
        }
    }

    /** Index and collMod commands: they change no document, but their collection must exist. */
    private void documentless(String name, String database, BsonDocument o, Consumer<String> problems) {
        if (!DOCUMENTLESS_COMMANDS.contains(name)) {
            throw new IllegalArgumentException("unknown command " + name);
        }
        if (!catalog.exists(database + "." + o.getString(name).getValue())) {
            problems.accept(name + " on a collection that does not exist");
        }
    }

    private void commit(BsonDocument op, BsonDocument entry) {
        List<BsonValue> ops = transactions.commit(entry);
        if (ops == null) {
            anomaly(op, entry, "commitTransaction of no prepared transaction");
            return;
        }
        applyAll(ops, entry);
    }

    private void abort(BsonDocument entry, Consumer<String> problems) {
        if (!transactions.abort(entry)) {
            problems.accept("abortTransaction of no open transaction");
        }
    }

    private void applyAll(List<BsonValue> ops, BsonDocument entry) {
        for (BsonValue op : ops) {
            applyOp(op.asDocument(), entry, true);
        }
    }

    private void anomaly(BsonDocument op, BsonDocument entry, String what) {
        anomalies.add(where(op, entry) + ": " + what);
    }

    /** Names an entry: its ts (the enclosing entry's, for an operation inside applyOps), op and ns. */
    static String where(BsonDocument op, BsonDocument entry) {
        String place = "ts " + text(entry.get("ts")) + ", op " + text(op.get("op")) + ", ns " + text(op.get("ns"));
        return op == entry ? place : place + " (inside applyOps)";
    }

    private static String text(BsonValue value) {
        if (value == null) {
            return "(none)";
        }
        if (value.isTimestamp()) {
            return "Timestamp(" + value.asTimestamp().getTime() + ", " + value.asTimestamp().getInc() + ")";
        }
        return value.isString() ? value.asString().getValue() : value.toString();
    }

    private static String abbreviated(BsonDocument op) {
        String json = op.toJson();
        return json.length() <= 600 ? json : json.substring(0, 600) + "...";
    }

    /** An entry whose shape the replayer does not understand; the message names ts, op and ns. */
    static final class UnreadableEntryException extends IllegalArgumentException {
        UnreadableEntryException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
