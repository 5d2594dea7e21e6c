package io.ddt.testkit.internal.oplog;

import static io.ddt.testkit.internal.oplog.BsonAssertions.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import org.bson.BsonArray;
import org.bson.BsonBinary;
import org.bson.BsonDbPointer;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonJavaScript;
import org.bson.BsonJavaScriptWithScope;
import org.bson.BsonMaxKey;
import org.bson.BsonMinKey;
import org.bson.BsonObjectId;
import org.bson.BsonRegularExpression;
import org.bson.BsonString;
import org.bson.BsonSymbol;
import org.bson.BsonTimestamp;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

class BsonValuesTest {

    @Test
    void documentSizeMatchesTheEncodedBytesForEveryType() {
        BsonDocument document = BsonDocument.parse("{d: 1.5, s: '\u00e9\ud83d\ude00', o: {x: 1},"
                + " a: [1, 'two', [3]], u: {$undefined: true}, b: true, t: {$date: 1},"
                + " n: null, i: 1, l: {$numberLong: '1'}, m: {$numberDecimal: '1.0'}}");
        document.put("bin", new BsonBinary(new byte[] {1, 2, 3}));
        document.put("old", new BsonBinary((byte) 2, new byte[] {1, 2, 3}));
        document.put("oid", new BsonObjectId(new ObjectId()));
        document.put("re", new BsonRegularExpression("^a.*", "im"));
        document.put("ptr", new BsonDbPointer("db.c\u00e9", new ObjectId()));
        document.put("js", new BsonJavaScript("function() {}"));
        document.put("sym", new BsonSymbol("sym"));
        document.put("jsws",
                new BsonJavaScriptWithScope("f()", new BsonDocument("x", new BsonInt32(1))));
        document.put("ts", new BsonTimestamp(1, 2));
        document.put("min", new BsonMinKey());
        document.put("max", new BsonMaxKey());
        document.put("\u00e9\ud83d\ude00", new BsonArray());
        assertThat(BsonValues.documentSize(document)).isEqualTo(bytes(document).length);
        RawBsonDocument raw = new RawBsonDocument(document, new BsonDocumentCodec());
        assertThat(BsonValues.documentSize(raw)).isEqualTo(bytes(document).length);
    }

    @Test
    void binaryEqualitySeesTypesFieldOrderAndNegativeZero() {
        assertThat(BsonValues.binaryEqual(new BsonInt32(1), new BsonInt64(1))).isFalse();
        assertThat(BsonValues.binaryEqual(new BsonDouble(0.0), new BsonDouble(-0.0))).isFalse();
        assertThat(BsonValues.binaryEqual(new BsonDouble(Double.NaN), new BsonDouble(Double.NaN)))
                .isTrue();
        BsonDocument ab = BsonDocument.parse("{a: 1, b: [1, {c: 'x'}]}");
        BsonDocument ba = BsonDocument.parse("{b: [1, {c: 'x'}], a: 1}");
        assertThat(ab).isEqualTo(ba); // the driver's equals ignores field order...
        assertThat(BsonValues.binaryEqual(ab, ba)).isFalse(); // ...the server's bytes do not
        assertThat(BsonValues.binaryEqual(ab, ab.clone())).isTrue();
        assertThat(BsonValues.binaryEqual(ab, new RawBsonDocument(ab, new BsonDocumentCodec())))
                .isTrue();
        assertThat(BsonValues.binaryEqual(new BsonString("a"), new BsonSymbol("a"))).isFalse();
    }
}
