package io.ddt.testkit;

import java.nio.ByteBuffer;
import org.bson.BsonArray;
import org.bson.BsonBinary;
import org.bson.BsonBoolean;
import org.bson.BsonDateTime;
import org.bson.BsonDbPointer;
import org.bson.BsonDecimal128;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonJavaScript;
import org.bson.BsonJavaScriptWithScope;
import org.bson.BsonMaxKey;
import org.bson.BsonMinKey;
import org.bson.BsonNull;
import org.bson.BsonObjectId;
import org.bson.BsonRegularExpression;
import org.bson.BsonString;
import org.bson.BsonSymbol;
import org.bson.BsonTimestamp;
import org.bson.BsonUndefined;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;

/**
 * Sample BSON values for tests of code that must carry every value unchanged: copy, replay,
 * verification.
 */
public final class BsonSamples {

    private BsonSamples() {
    }

    /**
     * Returns a document holding one value of every BSON type, deprecated ones included
     * (undefined, DBPointer, symbol, JavaScript with scope) and binary subtypes 0, 3, 4, 5 and
     * the user-defined 0x80, with a new ObjectId as {@code _id}. Field names say the type.
     *
     * @return a new document
     */
    public static BsonDocument everyType() {
        return new BsonDocument("_id", new BsonObjectId(new ObjectId()))
            .append("double", new BsonDouble(1.5)).append("string", new BsonString("héllo ☃"))
            .append("document", new BsonDocument("nested", new BsonInt32(1)))
            .append("array", new BsonArray(java.util.List.of(new BsonInt32(1), new BsonString("two"), new BsonDocument())))
            .append("binary", new BsonBinary(new byte[] {1, 2, 3}))
            .append("binaryUserDefined", new BsonBinary((byte) 0x80, new byte[] {9, 8}))
            .append("binaryUuidLegacy", new BsonBinary((byte) 3, new byte[16]))
            .append("binaryUuid", new BsonBinary((byte) 4, ByteBuffer.allocate(16).putLong(7).putLong(9).array()))
            .append("binaryMd5", new BsonBinary((byte) 5, new byte[16]))
            .append("undefined", new BsonUndefined()).append("objectId", new BsonObjectId(new ObjectId()))
            .append("boolean", BsonBoolean.TRUE).append("date", new BsonDateTime(1_700_000_000_123L))
            .append("null", BsonNull.VALUE).append("regex", new BsonRegularExpression("^a.*b$", "im"))
            .append("dbPointer", new BsonDbPointer("db.coll", new ObjectId()))
            .append("javascript", new BsonJavaScript("function() { return 1; }"))
            .append("symbol", new BsonSymbol("sym"))
            .append("codeWithScope", new BsonJavaScriptWithScope("x + 1", new BsonDocument("x", new BsonInt32(2))))
            .append("int32", new BsonInt32(-7)).append("timestamp", new BsonTimestamp(1_700_000_000, 3))
            .append("int64", new BsonInt64(1L << 40)).append("decimal128", new BsonDecimal128(Decimal128.parse("3.14159")))
            .append("minKey", new BsonMinKey()).append("maxKey", new BsonMaxKey());
    }

}
