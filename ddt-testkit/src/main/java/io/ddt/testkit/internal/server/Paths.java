package io.ddt.testkit.internal.server;

import org.bson.BsonDocument;
import org.bson.BsonValue;

/** Reads dotted paths through embedded documents. */
final class Paths {

    private Paths() {
    }

    /** Returns the value at {@code path}, or null where any step is missing or not a document. */
    static BsonValue get(BsonDocument document, String path) {
        BsonValue current = document;
        for (String step : path.split("\\.")) {
            if (current == null || !current.isDocument()) {
                return null;
            }
            current = current.asDocument().get(step);
        }
        return current;
    }
}
