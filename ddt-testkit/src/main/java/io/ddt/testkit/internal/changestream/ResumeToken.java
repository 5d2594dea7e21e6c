package io.ddt.testkit.internal.changestream;

import java.util.Comparator;

import org.bson.BsonBinary;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonTimestamp;
import org.bson.BsonValue;

/**
 * Change-stream resume tokens, {@code {_data: "<uppercase hex>"}}, as a MongoDB 7.0 server
 * shapes them.
 *
 * <p>The server ({@code src/mongo/db/pipeline/resume_token.cpp}) writes a KeyString of
 * {@code clusterTime, version, tokenType, txnOpIndex, fromInvalidate, uuid|null,
 * eventIdentifier[, fragmentNum]}. We write the same KeyString types and values up to and
 * including the uuid: {@code 82 <ts, 8 bytes>} {@code 2B04} (version 2), {@code 2C0100} (event)
 * or {@code 29} (high-water mark), the txnOpIndex as a KeyString integer, {@code 6E}/{@code 6F}
 * for fromInvalidate, then {@code 5A 10 04 <16 bytes>} for the collection UUID or {@code 14} for
 * none. A high-water mark stops there, exactly as the server's does:
 * {@code 82<ts>2B0429296E1404}.
 *
 * <p>Where we differ: the server's event identifier is the KeyString of the document
 * {@code {operationType, documentKey|operationDescription}}; ours is the position of the op in
 * the oplog, {@code 82 <entry ts>} followed by two KeyString integers, the op's index inside its
 * entry's applyOps and the fragment (1 for the invalidate that follows a drop). We never write
 * {@code _typeBits}. So a real server rejects our event tokens, and a token from a real server
 * decodes here only up to its uuid ({@link ResumeTokenData#entryTs()} is then null). Order is
 * kept all the same: events never share the fields before the identifier, so the {@code _data}
 * strings of two tokens compare (as strings) in stream order, as the server's do.
 *
 * <p>Stateless and thread-safe. Malformed tokens raise {@link IllegalArgumentException}.
 */
public final class ResumeToken {

    /** Field of the token document that holds the hex string. */
    public static final String DATA = "_data";

    private static final int VERSION = 2;
    private static final int EVENT_TOKEN = 128;
    private static final int HIGH_WATER_MARK_TOKEN = 0;

    /** Orders token documents as the server orders events: by their {@code _data} strings. */
    public static final Comparator<BsonDocument> ORDER =
            Comparator.comparing(ResumeToken::dataOf);

    private ResumeToken() {
    }

    /**
     * Encodes token data into a token document.
     *
     * @param data what the token says
     * @return a new {@code {_data: hex}} document
     */
    public static BsonDocument encode(ResumeTokenData data) {
        KeyStringBytes bytes = KeyStringBytes.writer()
                .timestamp(data.clusterTime())
                .integer(VERSION)
                .integer(data.highWaterMark() ? HIGH_WATER_MARK_TOKEN : EVENT_TOKEN)
                .integer(data.txnOpIndex())
                .bool(data.fromInvalidate());
        BsonBinary uuid = data.collectionUuid();
        if (uuid == null) {
            bytes.nul();
        } else {
            bytes.binary(uuid.getType(), uuid.getData());
        }
        if (!data.highWaterMark()) {
            bytes.timestamp(data.entryTs()).integer(data.indexInEntry()).integer(data.fragment());
        }
        return new BsonDocument(DATA, new BsonString(bytes.endAndHex()));
    }

    /**
     * Returns the high-water mark token for a cluster time: what a server reports as
     * {@code postBatchResumeToken} when a batch holds no event.
     *
     * @param clusterTime the newest cluster time the stream has looked at
     * @return a new token document
     */
    public static BsonDocument highWaterMark(BsonTimestamp clusterTime) {
        return encode(ResumeTokenData.highWaterMark(clusterTime));
    }

    /**
     * Decodes a token document written by {@link #encode} or by a real server (version 1 or 2).
     *
     * @param token a {@code {_data: hex}} document
     * @return what the token says
     * @throws IllegalArgumentException if the token is not one
     */
    public static ResumeTokenData decode(BsonDocument token) {
        KeyStringBytes in = KeyStringBytes.reader(dataOf(token));
        BsonTimestamp clusterTime = in.readTimestamp();
        long version = in.readInteger();
        if (version != 1 && version != VERSION) {
            throw new IllegalArgumentException("resume token version " + version
                    + " is not supported (1 or 2): " + token.toJson());
        }
        boolean highWaterMark = readTokenType(in, token);
        int txnOpIndex = toInt(in.readInteger());
        boolean fromInvalidate = in.readBool();
        BsonBinary uuid = readUuid(in);
        if (highWaterMark) {
            in.expectEnd();
            return ResumeTokenData.highWaterMark(clusterTime);
        }
        if (in.peek() != KeyStringBytes.TIMESTAMP) {
            // A real server's token: its event identifier is a document we need not read.
            return new ResumeTokenData(clusterTime, false, txnOpIndex, fromInvalidate, uuid, null,
                    0, 0);
        }
        BsonTimestamp entryTs = in.readTimestamp();
        int indexInEntry = toInt(in.readInteger());
        int fragment = toInt(in.readInteger());
        in.expectEnd();
        return new ResumeTokenData(clusterTime, false, txnOpIndex, fromInvalidate, uuid, entryTs,
                indexInEntry, fragment);
    }

    /**
     * Compares two tokens in stream order.
     *
     * @param a a token document
     * @param b another
     * @return negative, zero or positive as {@code a} comes before, with or after {@code b}
     */
    public static int compare(BsonDocument a, BsonDocument b) {
        return ORDER.compare(a, b);
    }

    private static boolean readTokenType(KeyStringBytes in, BsonDocument token) {
        long type = in.readInteger();
        if (type != EVENT_TOKEN && type != HIGH_WATER_MARK_TOKEN) {
            throw new IllegalArgumentException("resume token type " + type + " is unknown: "
                    + token.toJson());
        }
        return type == HIGH_WATER_MARK_TOKEN;
    }

    private static BsonBinary readUuid(KeyStringBytes in) {
        int next = in.peek();
        if (next == KeyStringBytes.NULL) {
            in.skip();
            return null;
        }
        if (next != KeyStringBytes.BIN_DATA) {
            return null;
        }
        byte[] subtypeAndData = in.readBinary();
        byte[] data = new byte[subtypeAndData.length - 1];
        System.arraycopy(subtypeAndData, 1, data, 0, data.length);
        return new BsonBinary(subtypeAndData[0], data);
    }

    private static String dataOf(BsonDocument token) {
        BsonValue data = token == null ? null : token.get(DATA);
        if (data == null || !data.isString()) {
            throw new IllegalArgumentException("a resume token is {_data: <hex string>}, got "
                    + (token == null ? "null" : token.toJson()));
        }
        return data.asString().getValue();
    }

    private static int toInt(long value) {
        if (value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("resume token position too large: " + value);
        }
        return (int) value;
    }
}
