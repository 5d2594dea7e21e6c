package io.ddt.testkit.internal.server;

import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * Top-level inclusion and exclusion projections, for the documents findAndModify returns
 * (which the engine cannot project because they may no longer be stored).
 */
final class Projections {

    private Projections() {
    }

    static BsonDocument apply(BsonDocument document, BsonDocument projection) {
        if (projection == null || projection.isEmpty()) {
            return document;
        }
        boolean inclusion = false;
        for (var entry : projection.entrySet()) {
            if (!entry.getKey().equals("_id") && truthy(entry.getValue())) {
                inclusion = true;
            }
        }
        boolean keepId = !projection.containsKey("_id") || truthy(projection.get("_id"));
        BsonDocument result = new BsonDocument();
        for (var entry : document.entrySet()) {
            String key = entry.getKey();
            boolean keep = key.equals("_id") ? keepId
                : inclusion ? projection.containsKey(key) && truthy(projection.get(key))
                : !projection.containsKey(key) || truthy(projection.get(key));
            if (keep) {
                result.append(key, entry.getValue());
            }
        }
        return result;
    }

    private static boolean truthy(BsonValue value) {
        return value.isBoolean() ? value.asBoolean().getValue() : !value.isNumber() || value.asNumber().doubleValue() != 0;
    }
}
