package io.ddt.testkit.internal.server;

import java.util.HashMap;
import java.util.Map;

import org.bson.BsonDocument;

/**
 * Hides a document's top-level field names that hold a dot from the engine, which refuses to
 * update any document that has one (a member stores and updates such documents since 5.0; no
 * operator path can name them, so the update never touches them). Each is renamed to a
 * private-use placeholder in place, and named back afterwards. One instance serves one update.
 */
final class DottedNames {

    private static final char PLACEHOLDER = '\uE000';

    private final Map<String, String> hidden = new HashMap<>();

    /** Returns the document with its dotted top-level names replaced, in their places. */
    BsonDocument hide(BsonDocument document) {
        if (document.keySet().stream().noneMatch(name -> name.indexOf('.') >= 0)) {
            return document;
        }
        BsonDocument result = new BsonDocument();
        document.forEach((name, value) -> {
            String stored = name;
            if (name.indexOf('.') >= 0) {
                stored = PLACEHOLDER + Integer.toString(hidden.size()) + PLACEHOLDER;
                hidden.put(stored, name);
            }
            result.append(stored, value);
        });
        return result;
    }

    /** Returns the document with the names {@link #hide} replaced put back, in their places. */
    BsonDocument restore(BsonDocument document) {
        if (hidden.isEmpty()) {
            return document;
        }
        BsonDocument result = new BsonDocument();
        document.forEach((name, value) -> result.append(hidden.getOrDefault(name, name), value));
        return result;
    }
}
