package io.ddt.internal.stream;

import org.bson.BsonDocument;
import org.bson.BsonTimestamp;
import org.bson.BsonValue;

import io.ddt.Position;

/** Small arithmetic on positions and the cluster times inside resume tokens. */
final class Positions {

    /** The KeyString type byte of a timestamp: how a resume token's {@code _data} begins. */
    private static final String TIMESTAMP_TYPE = "82";

    private Positions() {
    }

    static Position max(Position a, Position b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    static Position min(Position a, Position b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** The cluster time just before {@code ts}: a position that a restart reads {@code ts} again from. */
    static Position justBefore(Position position) {
        return Position.of(new BsonTimestamp(position.clusterTime().getValue() - 1));
    }

    /** The cluster time just after {@code ts}: the first a stream that starts after {@code ts} may return. */
    static BsonTimestamp justAfter(BsonTimestamp ts) {
        return new BsonTimestamp(ts.getValue() + 1);
    }

    /**
     * Reads the cluster time a resume token starts with: MongoDB 4.2 and later write {@code _data}
     * as hexadecimal KeyString whose first value is the timestamp (type byte {@code 82}, then
     * seconds and increment, big-endian).
     *
     * @return the cluster time, or null for a token of another shape
     */
    static BsonTimestamp clusterTime(BsonDocument token) {
        BsonValue data = token.get("_data");
        if (data == null || !data.isString()) {
            return null;
        }
        String hex = data.asString().getValue();
        if (hex.length() < 18 || !hex.regionMatches(true, 0, TIMESTAMP_TYPE, 0, 2)) {
            return null;
        }
        try {
            return new BsonTimestamp(Long.parseUnsignedLong(hex.substring(2, 18), 16));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
