package io.ddt.testkit.selfcheck;

import org.bson.BsonDocument;

/** Where the fields of a whole-document replacement go when it is stored. */
enum ReplacementOrder {

    /**
     * In the replacement's own order, {@code _id} first: what MongoDB stores. The server logs a
     * replacement as the update made it (a pipeline may put {@code _id} anywhere) and then moves
     * {@code _id} to the front, on the primary and on a secondary that applies the entry
     * (update_stage.cpp, ensureIdFieldIsFirst).
     */
    AS_LOGGED {
        @Override
        BsonDocument store(BsonDocument before, BsonDocument replacement) {
            return idFirst(replacement);
        }
    };

    /** The document stored when {@code replacement} replaces {@code before}; neither is modified. */
    abstract BsonDocument store(BsonDocument before, BsonDocument replacement);

    private static BsonDocument idFirst(BsonDocument document) {
        if (document.isEmpty() || document.getFirstKey().equals("_id")) {
            return document;
        }
        BsonDocument result = new BsonDocument("_id", document.get("_id"));
        document.forEach((name, value) -> {
            if (!name.equals("_id")) {
                result.append(name, value);
            }
        });
        return result;
    }
}
