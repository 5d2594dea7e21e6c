package io.ddt.event;

import java.util.List;

import org.bson.BsonDocument;

/**
 * How events describe themselves in {@code toString()}: sizes and names, never values, so that
 * an event can be logged without leaking a document's content.
 */
final class EventText {

    /** Index and operator lists longer than this are cut in a description. */
    static final int MAX_NAMES = 5;

    private EventText() {
    }

    /** Renders a document key as {@code documentKey of N fields}. */
    static String key(BsonDocument key) {
        return "documentKey of " + fields(key);
    }

    /** Renders the number of a document's fields, as {@code 1 field} or {@code 3 fields}. */
    static String fields(BsonDocument document) {
        return count(document.size(), "field");
    }

    /** Renders a count with its noun, singular or plural. */
    static String count(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    /** Lists the {@code $}-prefixed keys (operators, options are not values), counting the rest. */
    static String operators(BsonDocument document) {
        List<String> operators = document.keySet().stream().filter(k -> k.startsWith("$")).toList();
        int others = document.size() - operators.size();
        return names(operators) + (others == 0 ? "" : " and " + count(others, "other field"));
    }

    /** Lists names, at most {@link #MAX_NAMES} of them, then says how many more there are. */
    static String names(List<String> names) {
        if (names.size() <= MAX_NAMES) {
            return names.toString();
        }
        return names.subList(0, MAX_NAMES).toString().replace("]", ", ") + (names.size() - MAX_NAMES) + " more]";
    }
}
