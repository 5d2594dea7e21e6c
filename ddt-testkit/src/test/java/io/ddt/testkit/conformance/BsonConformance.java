package io.ddt.testkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoCollection;

/** Every BSON type is stored and returned byte for byte, in the collection and in the oplog. */
abstract class BsonConformance extends ConformanceSupport {

    @Test
    void everyBsonTypeRoundTripsByteForByte() {
        MongoCollection<RawBsonDocument> coll = freshDatabase().getCollection("types", RawBsonDocument.class);
        BsonDocument original = io.ddt.testkit.BsonSamples.everyType();
        RawBsonDocument raw = new RawBsonDocument(original, new BsonDocumentCodec());
        BsonTimestamp start = lastTs();
        coll.insertOne(raw);
        RawBsonDocument back = coll.find().first();
        assertThat(back.getByteBuffer().asNIO()).isEqualTo(raw.getByteBuffer().asNIO());
        BsonDocument logged = changesAfter(start, coll.getNamespace().getDatabaseName()).stream()
            .filter(e -> e.getString("op").getValue().equals("i")).findFirst().orElseThrow().getDocument("o");
        assertThat(logged).isEqualTo(original);
    }

    @Test
    void documentsAreFoundByExoticIdTypes() {
        MongoCollection<BsonDocument> coll = freshDatabase().getCollection("ids", BsonDocument.class);
        BsonDocument withBinaryId = new BsonDocument("_id", new BsonBinary((byte) 0x80, new byte[] {1}));
        BsonDocument withDocumentId = new BsonDocument("_id", new BsonDocument("a", new BsonInt32(1)).append("b", new BsonInt32(2)));
        coll.insertOne(withBinaryId);
        coll.insertOne(withDocumentId);
        assertThat(coll.find(new BsonDocument("_id", withBinaryId.get("_id"))).first()).isEqualTo(withBinaryId);
        assertThat(coll.find(new BsonDocument("_id", withDocumentId.get("_id"))).first()).isEqualTo(withDocumentId);
    }
}
