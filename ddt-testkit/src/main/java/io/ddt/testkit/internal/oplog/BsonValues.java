package io.ddt.testkit.internal.oplog;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.bson.BsonArray;
import org.bson.BsonBinary;
import org.bson.BsonBinarySubType;
import org.bson.BsonDbPointer;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonJavaScriptWithScope;
import org.bson.BsonRegularExpression;
import org.bson.BsonType;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;

/**
 * What the server learns from a value's encoded bytes, worked out from the decoded value: its
 * encoded size and whether two values encode to the same bytes; and deep copies, so that diffs
 * and documents built here share no mutable value with their inputs.
 *
 * <p>The diff algorithm decides between a sub-diff and a whole-value update by comparing encoded
 * sizes, and treats values as equal only when their bytes are ({@code BSONElement::binaryEqual}):
 * int 1, long 1 and double 1.0 differ, as do documents with the same fields in another order.
 * {@link BsonDocument#equals} ignores field order, so it cannot be used here.
 *
 * <p>Stateless; safe from any thread.
 */
final class BsonValues {

    /** An encoded document's length prefix (int32) plus its terminating zero byte. */
    static final int EMPTY_DOCUMENT_SIZE = 5;

    private BsonValues() {}

    /** Returns the encoded size of {@code document}, as {@code BSONObj::objsize()} would. */
    static int documentSize(BsonDocument document) {
        if (document instanceof RawBsonDocument raw) {
            return raw.getByteBuffer().remaining();
        }
        int size = EMPTY_DOCUMENT_SIZE;
        for (Map.Entry<String, BsonValue> field : document.entrySet()) {
            size += elementSize(cStringSize(field.getKey()), field.getValue());
        }
        return size;
    }

    /** Returns the encoded size of {@code array}, whose field names are "0", "1", ... */
    static int arraySize(BsonArray array) {
        int size = EMPTY_DOCUMENT_SIZE;
        List<BsonValue> values = array.getValues();
        for (int i = 0; i < values.size(); i++) {
            size += elementSize(decimalDigits(i) + 1, values.get(i));
        }
        return size;
    }

    /** Returns the size of a value without its type byte and field name ({@code valuesize()}). */
    static int valueSize(BsonValue value) {
        switch (value.getBsonType()) {
            case DOUBLE: case DATE_TIME: case TIMESTAMP: case INT64:
                return 8;
            case INT32:
                return 4;
            case BOOLEAN:
                return 1;
            case NULL: case UNDEFINED: case MIN_KEY: case MAX_KEY:
                return 0;
            case OBJECT_ID:
                return 12;
            case DECIMAL128:
                return 16;
            case STRING:
                return stringSize(value.asString().getValue());
            case SYMBOL:
                return stringSize(value.asSymbol().getSymbol());
            case JAVASCRIPT:
                return stringSize(value.asJavaScript().getCode());
            case DOCUMENT:
                return documentSize(value.asDocument());
            case ARRAY:
                return arraySize(value.asArray());
            case BINARY:
                return binarySize(value.asBinary());
            case REGULAR_EXPRESSION:
                BsonRegularExpression regex = value.asRegularExpression();
                return cStringSize(regex.getPattern()) + cStringSize(regex.getOptions());
            case DB_POINTER:
                BsonDbPointer pointer = value.asDBPointer();
                return stringSize(pointer.getNamespace()) + 12;
            case JAVASCRIPT_WITH_SCOPE:
                BsonJavaScriptWithScope code = value.asJavaScriptWithScope();
                return 4 + stringSize(code.getCode()) + documentSize(code.getScope());
            default:
                throw new IllegalArgumentException("no BSON size for type " + value.getBsonType());
        }
    }

    /** Returns {@code value}, deep-copied if it is a (mutable) document or array. */
    static BsonValue copy(BsonValue value) {
        if (value instanceof RawBsonDocument) {
            return value;
        }
        if (value.isDocument()) {
            return value.asDocument().clone();
        }
        return value.isArray() ? value.asArray().clone() : value;
    }

    /** Returns the number of decimal digits of a non-negative {@code n}. */
    static int decimalDigits(long n) {
        int digits = 1;
        for (long rest = n / 10; rest > 0; rest /= 10) {
            digits++;
        }
        return digits;
    }

    /** Returns the UTF-8 length of {@code s} plus its terminating zero byte. */
    static int cStringSize(String s) {
        return utf8Length(s) + 1;
    }

    /**
     * Returns true when {@code a} and {@code b} encode to the same bytes (same type, same value,
     * and for documents the same fields in the same order).
     */
    static boolean binaryEqual(BsonValue a, BsonValue b) {
        BsonType type = a.getBsonType();
        if (type != b.getBsonType()) {
            return false;
        }
        switch (type) {
            case DOCUMENT:
                return documentsBinaryEqual(a.asDocument(), b.asDocument());
            case ARRAY:
                return arraysBinaryEqual(a.asArray(), b.asArray());
            case DOUBLE:
                // Raw bits: -0.0 and 0.0 differ, as do NaNs with different payloads.
                return Double.doubleToRawLongBits(((BsonDouble) a).getValue())
                        == Double.doubleToRawLongBits(((BsonDouble) b).getValue());
            case JAVASCRIPT_WITH_SCOPE:
                BsonJavaScriptWithScope x = a.asJavaScriptWithScope();
                BsonJavaScriptWithScope y = b.asJavaScriptWithScope();
                return x.getCode().equals(y.getCode())
                        && documentsBinaryEqual(x.getScope(), y.getScope());
            default:
                return a.equals(b);
        }
    }

    private static boolean documentsBinaryEqual(BsonDocument a, BsonDocument b) {
        if (a instanceof RawBsonDocument rawA && b instanceof RawBsonDocument rawB) {
            return rawA.getByteBuffer().asNIO().equals(rawB.getByteBuffer().asNIO());
        }
        if (a.size() != b.size()) {
            return false;
        }
        Iterator<Map.Entry<String, BsonValue>> itA = a.entrySet().iterator();
        Iterator<Map.Entry<String, BsonValue>> itB = b.entrySet().iterator();
        while (itA.hasNext()) {
            Map.Entry<String, BsonValue> fieldA = itA.next();
            Map.Entry<String, BsonValue> fieldB = itB.next();
            if (!fieldA.getKey().equals(fieldB.getKey())
                    || !binaryEqual(fieldA.getValue(), fieldB.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static boolean arraysBinaryEqual(BsonArray a, BsonArray b) {
        List<BsonValue> valuesA = a.getValues();
        List<BsonValue> valuesB = b.getValues();
        if (valuesA.size() != valuesB.size()) {
            return false;
        }
        for (int i = 0; i < valuesA.size(); i++) {
            if (!binaryEqual(valuesA.get(i), valuesB.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static int elementSize(int nameSize, BsonValue value) {
        return 1 + nameSize + valueSize(value);
    }

    private static int stringSize(String s) {
        return 4 + utf8Length(s) + 1;
    }

    private static int binarySize(BsonBinary binary) {
        int length = binary.getData().length;
        // The deprecated subtype 2 repeats the length inside the payload, and the driver writes it.
        boolean oldBinary = binary.getType() == BsonBinarySubType.OLD_BINARY.getValue();
        return 4 + 1 + (oldBinary ? 4 : 0) + length;
    }

    /** UTF-8 length by code point, which is also how the driver encodes lone surrogates. */
    private static int utf8Length(String s) {
        int length = 0;
        for (int i = 0; i < s.length(); ) {
            int codePoint = s.codePointAt(i);
            i += Character.charCount(codePoint);
            length += codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
        }
        return length;
    }
}
