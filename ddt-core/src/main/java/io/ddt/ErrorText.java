package io.ddt;

import java.time.Instant;
import java.util.Collection;
import java.util.StringJoiner;
import java.util.stream.Collectors;

import org.bson.BsonDocument;
import org.bson.BsonTimestamp;
import org.bson.BsonValue;

/**
 * How exception messages render keys, namespaces, positions and durations, so that every ddt
 * message reads the same way.
 */
final class ErrorText {

    /** A key longer than this is cut: a binary {@code _id} can be large, a message should not. */
    static final int MAX_KEY_CHARS = 200;

    /** A message lists at most this many namespaces, then says how many more there are. */
    static final int MAX_NAMES = 10;

    private ErrorText() {
    }

    /** Renders a document key as relaxed extended JSON, cut to {@link #MAX_KEY_CHARS}. */
    static String key(BsonDocument key) {
        String json = key.toJson();
        return json.length() <= MAX_KEY_CHARS ? json : json.substring(0, MAX_KEY_CHARS) + "...}";
    }

    /** Renders an {@code _id} value as the key {@code {"_id": ...}}. */
    static String id(BsonValue id) {
        return key(new BsonDocument("_id", id));
    }

    /** Lists namespaces in the order given, at most {@link #MAX_NAMES} of them. */
    static String names(Collection<Namespace> namespaces) {
        String shown = namespaces.stream().limit(MAX_NAMES).map(Namespace::fullName)
            .collect(Collectors.joining(", "));
        int rest = namespaces.size() - MAX_NAMES;
        return rest > 0 ? shown + " and " + rest + " more" : shown;
    }

    /** Renders a cluster time both as the server writes it and as a wall-clock instant. */
    static String timestamp(BsonTimestamp time) {
        return "Timestamp(" + time.getTime() + ", " + time.getInc() + ") = "
            + Instant.ofEpochSecond(time.getTime());
    }

    /** Renders a number of seconds the way a person says it: {@code 2d 3h 4m 5s}. */
    static String duration(long seconds) {
        long[] amounts = {seconds / 86_400, seconds % 86_400 / 3_600, seconds % 3_600 / 60, seconds % 60};
        String[] units = {"d", "h", "m", "s"};
        StringJoiner parts = new StringJoiner(" ");
        for (int i = 0; i < amounts.length; i++) {
            if (amounts[i] > 0) {
                parts.add(amounts[i] + units[i]);
            }
        }
        return parts.length() == 0 ? "0s" : parts.toString();
    }
}
