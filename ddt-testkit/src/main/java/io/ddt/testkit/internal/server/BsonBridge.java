package io.ddt.testkit.internal.server;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.BsonArray;
import org.bson.BsonBinary;
import org.bson.BsonBinarySubType;
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
import org.bson.BsonValue;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;

import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.MinKey;

/**
 * Converts between the driver's BSON values and mongo-java-server's Java objects.
 *
 * <p>mongo-java-server has no type for Symbol, DBPointer, JavaScript with scope, undefined or
 * binary subtypes other than 0 and 4; its own wire decoder drops or rejects them. We carry such
 * values through its storage as a one-key document whose key starts with a NUL character, which
 * no BSON document from a client can hold, and turn them back on the way out. Stored that way
 * they sort as documents rather than in their own type's place: a small infidelity that keeps
 * every value's bytes exact.
 */
public final class BsonBridge {

    private static final String SYMBOL = "\0symbol";
    private static final String DB_POINTER = "\0dbPointer";
    private static final String CODE_WITH_SCOPE = "\0codeWithScope";
    private static final String UNDEFINED = "\0undefined";
    private static final String BINARY = "\0binary";

    private BsonBridge() {
    }

    /** Converts a driver document to a mongo-java-server document, keeping field order. */
    public static Document toMjs(BsonDocument document) {
        Document result = new Document();
        for (Map.Entry<String, BsonValue> entry : document.entrySet()) {
            result.put(entry.getKey(), toMjs(entry.getValue()));
        }
        return result;
    }

    /** Converts one driver value to the Java object mongo-java-server stores for it. */
    public static Object toMjs(BsonValue value) {
        switch (value.getBsonType()) {
            case DOUBLE: return value.asDouble().getValue();
            case STRING: return value.asString().getValue();
            case DOCUMENT: return toMjs(value.asDocument());
            case ARRAY: return toMjsList(value.asArray());
            case BINARY: return binaryToMjs(value.asBinary());
            case UNDEFINED: return new Document(UNDEFINED, Boolean.TRUE);
            case OBJECT_ID: return new de.bwaldvogel.mongo.bson.ObjectId(value.asObjectId().getValue().toByteArray());
            case BOOLEAN: return value.asBoolean().getValue();
            case DATE_TIME: return Instant.ofEpochMilli(value.asDateTime().getValue());
            case NULL: return null;
            case REGULAR_EXPRESSION: return new de.bwaldvogel.mongo.bson.BsonRegularExpression(
                value.asRegularExpression().getPattern(), value.asRegularExpression().getOptions());
            case DB_POINTER: return dbPointerToMjs((BsonDbPointer) value);
            case JAVASCRIPT: return new de.bwaldvogel.mongo.bson.BsonJavaScript(value.asJavaScript().getCode());
            case SYMBOL: return new Document(SYMBOL, value.asSymbol().getSymbol());
            case JAVASCRIPT_WITH_SCOPE: return codeWithScopeToMjs(value.asJavaScriptWithScope());
            case INT32: return value.asInt32().getValue();
            case TIMESTAMP: return new de.bwaldvogel.mongo.bson.BsonTimestamp(value.asTimestamp().getValue());
            case INT64: return value.asInt64().getValue();
            case DECIMAL128: return decimalToMjs(value.asDecimal128().getValue());
            case MIN_KEY: return MinKey.getInstance();
            case MAX_KEY: return MaxKey.getInstance();
            default: throw new IllegalArgumentException("unsupported BSON type " + value.getBsonType());
        }
    }

    private static List<Object> toMjsList(BsonArray array) {
        List<Object> list = new ArrayList<>(array.size());
        for (BsonValue element : array) {
            list.add(toMjs(element));
        }
        return list;
    }

    private static Object binaryToMjs(BsonBinary binary) {
        byte type = binary.getType();
        if (type == BsonBinarySubType.BINARY.getValue()) {
            return new BinData(binary.getData());
        }
        if (type == BsonBinarySubType.UUID_STANDARD.getValue() && binary.getData().length == 16) {
            ByteBuffer buffer = ByteBuffer.wrap(binary.getData());
            return new UUID(buffer.getLong(), buffer.getLong());
        }
        Document inner = new Document("subtype", (int) type).append("data", new BinData(binary.getData()));
        return new Document(BINARY, inner);
    }

    private static Object dbPointerToMjs(BsonDbPointer pointer) {
        Document inner = new Document("ns", pointer.getNamespace())
            .append("id", new de.bwaldvogel.mongo.bson.ObjectId(pointer.getId().toByteArray()));
        return new Document(DB_POINTER, inner);
    }

    private static Object codeWithScopeToMjs(BsonJavaScriptWithScope code) {
        Document inner = new Document("code", code.getCode()).append("scope", toMjs(code.getScope()));
        return new Document(CODE_WITH_SCOPE, inner);
    }

    private static de.bwaldvogel.mongo.bson.Decimal128 decimalToMjs(Decimal128 value) {
        return new de.bwaldvogel.mongo.bson.Decimal128(value.getLow(), value.getHigh());
    }

    /** Converts a mongo-java-server document back to a driver document. */
    public static BsonDocument toBson(Document document) {
        BsonDocument result = new BsonDocument();
        for (Map.Entry<String, Object> entry : document.entrySet()) {
            if (!(entry.getValue() instanceof Missing)) {
                result.append(entry.getKey(), toBson(entry.getValue()));
            }
        }
        return result;
    }

    /** Converts one mongo-java-server value back to the driver's value. */
    public static BsonValue toBson(Object value) {
        if (value == null || value instanceof Missing) {
            return BsonNull.VALUE;
        }
        if (value instanceof Document) {
            return documentToBson((Document) value);
        }
        if (value instanceof String) {
            return new BsonString((String) value);
        }
        if (value instanceof Integer) {
            return new BsonInt32((Integer) value);
        }
        if (value instanceof Long) {
            return new BsonInt64((Long) value);
        }
        if (value instanceof Double) {
            return new BsonDouble((Double) value);
        }
        if (value instanceof Boolean) {
            return BsonBoolean.valueOf((Boolean) value);
        }
        if (value instanceof Collection) {
            return listToBson((Collection<?>) value);
        }
        return scalarToBson(value);
    }

    private static BsonValue scalarToBson(Object value) {
        if (value instanceof de.bwaldvogel.mongo.bson.ObjectId) {
            return new BsonObjectId(new ObjectId(((de.bwaldvogel.mongo.bson.ObjectId) value).toByteArray()));
        }
        if (value instanceof Instant) {
            return new BsonDateTime(((Instant) value).toEpochMilli());
        }
        if (value instanceof de.bwaldvogel.mongo.bson.BsonTimestamp) {
            return new BsonTimestamp(((de.bwaldvogel.mongo.bson.BsonTimestamp) value).getValue());
        }
        if (value instanceof de.bwaldvogel.mongo.bson.Decimal128) {
            de.bwaldvogel.mongo.bson.Decimal128 d = (de.bwaldvogel.mongo.bson.Decimal128) value;
            return new BsonDecimal128(Decimal128.fromIEEE754BIDEncoding(d.getHigh(), d.getLow()));
        }
        if (value instanceof BinData) {
            return new BsonBinary(((BinData) value).getData());
        }
        if (value instanceof UUID) {
            UUID uuid = (UUID) value;
            ByteBuffer buffer = ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
                .putLong(uuid.getLeastSignificantBits());
            return new BsonBinary(BsonBinarySubType.UUID_STANDARD, buffer.array());
        }
        if (value instanceof de.bwaldvogel.mongo.bson.BsonRegularExpression) {
            de.bwaldvogel.mongo.bson.BsonRegularExpression regex = (de.bwaldvogel.mongo.bson.BsonRegularExpression) value;
            return new BsonRegularExpression(regex.getPattern(), regex.getOptions());
        }
        if (value instanceof de.bwaldvogel.mongo.bson.BsonJavaScript) {
            return new BsonJavaScript(((de.bwaldvogel.mongo.bson.BsonJavaScript) value).getCode());
        }
        if (value instanceof MinKey) {
            return new BsonMinKey();
        }
        if (value instanceof MaxKey) {
            return new BsonMaxKey();
        }
        if (value instanceof Float || value instanceof Short || value instanceof Byte) {
            return new BsonDouble(((Number) value).doubleValue());
        }
        if (value instanceof java.util.regex.Pattern) {
            java.util.regex.Pattern pattern = (java.util.regex.Pattern) value;
            return new BsonRegularExpression(pattern.pattern());
        }
        if (value instanceof de.bwaldvogel.mongo.bson.LegacyUUID) {
            UUID uuid = ((de.bwaldvogel.mongo.bson.LegacyUUID) value).getUuid();
            ByteBuffer buffer = ByteBuffer.allocate(16).order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
            return new BsonBinary(BsonBinarySubType.UUID_LEGACY, buffer.array());
        }
        throw new IllegalArgumentException("cannot convert " + value.getClass().getName() + " to BSON");
    }

    private static BsonArray listToBson(Collection<?> list) {
        BsonArray array = new BsonArray(new ArrayList<>(list.size()));
        for (Object element : list) {
            array.add(element instanceof Missing ? BsonNull.VALUE : toBson(element));
        }
        return array;
    }

    private static BsonValue documentToBson(Document document) {
        if (document.size() == 1) {
            String key = document.keySet().iterator().next();
            if (!key.isEmpty() && key.charAt(0) == '\0') {
                return wrappedToBson(key, document.get(key));
            }
        }
        return toBson(document);
    }

    private static BsonValue wrappedToBson(String key, Object inner) {
        switch (key) {
            case SYMBOL: return new BsonSymbol((String) inner);
            case UNDEFINED: return new BsonUndefined();
            case DB_POINTER: {
                Document pointer = (Document) inner;
                return new BsonDbPointer((String) pointer.get("ns"),
                    new ObjectId(((de.bwaldvogel.mongo.bson.ObjectId) pointer.get("id")).toByteArray()));
            }
            case CODE_WITH_SCOPE: {
                Document code = (Document) inner;
                return new BsonJavaScriptWithScope((String) code.get("code"), toBson((Document) code.get("scope")));
            }
            case BINARY: {
                Document binary = (Document) inner;
                int subtype = (Integer) binary.get("subtype");
                return new BsonBinary((byte) subtype, ((BinData) binary.get("data")).getData());
            }
            default: throw new IllegalArgumentException("unknown wrapped value " + key.substring(1));
        }
    }
}
