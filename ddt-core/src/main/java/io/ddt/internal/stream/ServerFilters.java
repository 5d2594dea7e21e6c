package io.ddt.internal.stream;

import java.util.List;
import java.util.Optional;

import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonRegularExpression;
import org.bson.BsonString;
import org.bson.BsonTimestamp;
import org.bson.BsonValue;

import io.ddt.NamespaceFilter;

/**
 * The server's share of the namespace filter: the oplog query and the change stream's
 * {@code $match}. Both select at least what the filter selects (the client filters again), and
 * both are left wide open when the filter has no include globs or has an include regex.
 */
final class ServerFilters {

    private static final BsonDocument EXISTS = new BsonDocument("$exists", BsonBoolean.TRUE);

    private ServerFilters() {
    }

    /**
     * Returns the oplog query for the entries after {@code after}: no {@code fromMigrate}
     * entries; with include globs, only CRUD on matching namespaces (with their views catalog
     * and time-series buckets), the commands of databases that may match, renames from anywhere
     * (one side may match), everything on {@code admin.$cmd} ({@code applyOps} transactions and
     * their parts, {@code commitTransaction}, {@code abortTransaction}, whose operations are
     * filtered after parsing) and every no-op (which moves the position on a quiet source).
     */
    static BsonDocument oplog(BsonTimestamp after, NamespaceFilter filter) {
        BsonDocument query = new BsonDocument("ts", new BsonDocument("$gt", after))
            .append("fromMigrate", new BsonDocument("$ne", BsonBoolean.TRUE));
        Optional<List<GlobPattern>> globs = GlobPattern.of(filter);
        if (globs.isEmpty() || globs.get().isEmpty()) {
            return query;
        }
        List<String> databases = globs.get().stream().map(GlobPattern::database).distinct().toList();
        List<String> namespaces = globs.get().stream()
            .map(g -> g.database() + "\\.(?:system\\.buckets\\.)?" + g.collection()).toList();
        String views = "(?:" + String.join("|", databases) + ")\\.system\\.views";
        return query.append("$or", new BsonArray(List.of(
            new BsonDocument("ns", regex(GlobPattern.anyOf(concat(namespaces, views)))),
            new BsonDocument("op", new BsonString("n")),
            new BsonDocument("op", new BsonString("c")).append("ns", new BsonString("admin.$cmd")),
            new BsonDocument("op", new BsonString("c")).append("o.renameCollection", EXISTS),
            new BsonDocument("op", new BsonString("c")).append("ns",
                regex("^(?:" + String.join("|", databases) + ")\\.\\$cmd$")))));
    }

    /**
     * Returns the change stream's {@code $match} stage, or empty for none: with include globs,
     * the events whose {@code ns} or rename target {@code to} matches a glob, the
     * {@code dropDatabase} of a database that may match, and any {@code invalidate}.
     */
    static Optional<BsonDocument> changeStreamMatch(NamespaceFilter filter) {
        Optional<List<GlobPattern>> globs = GlobPattern.of(filter);
        if (globs.isEmpty() || globs.get().isEmpty()) {
            return Optional.empty();
        }
        BsonArray any = new BsonArray();
        for (GlobPattern glob : globs.get()) {
            BsonValue db = regex(GlobPattern.whole(glob.database()));
            BsonValue coll = regex(GlobPattern.whole(glob.collection()));
            any.add(new BsonDocument("ns.db", db).append("ns.coll", coll));
            any.add(new BsonDocument("to.db", db).append("to.coll", coll));
            any.add(new BsonDocument("ns.db", db).append("ns.coll", new BsonDocument("$exists", BsonBoolean.FALSE)));
        }
        any.add(new BsonDocument("operationType", new BsonString("invalidate")));
        return Optional.of(new BsonDocument("$match", new BsonDocument("$or", any)));
    }

    private static BsonValue regex(String pattern) {
        return new BsonRegularExpression(pattern);
    }

    private static List<String> concat(List<String> list, String last) {
        return java.util.stream.Stream.concat(list.stream(), java.util.stream.Stream.of(last)).toList();
    }
}
