package io.ddt.testkit.internal.changestream;

import java.util.List;
import java.util.regex.Pattern;

import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * Decides which oplog ops a stream sees, by namespace, as the 7.0 server's
 * {@code change_stream_filter_helpers.cpp} does: CRUD ops whose {@code ns} is watched; commands
 * logged on a watched database's {@code $cmd} whose target collection is watched (a rename is
 * seen from both its source and its target); dropDatabase except on collection streams; and
 * which events end a stream. Database and cluster streams skip {@code system.*} collections and
 * cluster streams skip the admin, config and local databases.
 *
 * <p>Immutable and thread-safe.
 */
final class StreamNamespaces {

    /** Commands whose value names the collection they act on. */
    private static final List<String> COLLECTION_COMMANDS = List.of(
            "drop", "create", "createIndexes", "commitIndexBuild", "dropIndexes", "collMod");
    private static final String ALL_COLLECTIONS = "(?!(\\$|system\\.))";
    private static final String ALL_DBS = "^(?!(admin|config|local)\\.)[^.]+";

    private final ChangeStreamOptions.Level level;
    private final Pattern crudNs;
    private final Pattern commandNs;
    private final Pattern collection;

    StreamNamespaces(ChangeStreamOptions options) {
        this.level = options.level();
        switch (level) {
            case COLLECTION -> {
                crudNs = Pattern.compile("^" + Pattern.quote(options.db() + "." + options.coll())
                        + "$");
                commandNs = exactCommandNs(options.db());
                collection = Pattern.compile("^" + Pattern.quote(options.coll()) + "$");
            }
            case DATABASE -> {
                crudNs = Pattern.compile("^" + Pattern.quote(options.db()) + "\\." + ALL_COLLECTIONS);
                commandNs = exactCommandNs(options.db());
                collection = Pattern.compile("^" + ALL_COLLECTIONS);
            }
            default -> {
                crudNs = Pattern.compile(ALL_DBS + "\\." + ALL_COLLECTIONS);
                commandNs = Pattern.compile(ALL_DBS + "\\.\\$cmd$");
                collection = Pattern.compile("^" + ALL_COLLECTIONS);
            }
        }
    }

    /**
     * Returns whether an insert, update, delete or shardCollection no-op on {@code ns} is seen.
     */
    boolean showsOpOn(String ns) {
        return crudNs.matcher(ns).find();
    }

    /** Returns whether a command {@code o} logged on {@code ns} (a {@code db.$cmd}) is seen. */
    boolean showsCommand(String ns, BsonDocument o) {
        if (!commandNs.matcher(ns).find()) {
            return false;
        }
        for (String command : COLLECTION_COMMANDS) {
            if (o.containsKey(command)) {
                return matches(collection, o.get(command));
            }
        }
        if (o.containsKey("renameCollection")) {
            return matches(crudNs, o.get("renameCollection")) || matches(crudNs, o.get("to"));
        }
        return o.containsKey("dropDatabase") && level != ChangeStreamOptions.Level.COLLECTION;
    }

    /** Returns whether an event of this type ends the stream with an {@code invalidate}. */
    boolean invalidatedBy(String operationType) {
        return switch (level) {
            case COLLECTION -> operationType.equals("drop") || operationType.equals("rename")
                    || operationType.equals("dropDatabase");
            case DATABASE -> operationType.equals("dropDatabase");
            case CLUSTER -> false;
        };
    }

    private static Pattern exactCommandNs(String db) {
        return Pattern.compile("^" + Pattern.quote(db + ".$cmd") + "$");
    }

    private static boolean matches(Pattern pattern, BsonValue value) {
        return value != null && value.isString() && pattern.matcher(value.asString().getValue()).find();
    }
}
