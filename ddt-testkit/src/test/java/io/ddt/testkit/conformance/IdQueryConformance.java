package io.ddt.testkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

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
import org.bson.BsonMaxKey;
import org.bson.BsonMinKey;
import org.bson.BsonNull;
import org.bson.BsonObjectId;
import org.bson.BsonString;
import org.bson.BsonTimestamp;
import org.bson.BsonValue;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Projections;

/**
 * Queries on {@code _id} as a splitter and a range copy send them: MongoDB's order across
 * every type, comparisons held to the operand's type bracket, MinKey and MaxKey bounds that
 * cross brackets, NaN and null, and {@code _id}s of different types that are one key.
 */
abstract class IdQueryConformance extends ConformanceSupport {

    /** One {@code _id} of each type, in the order MongoDB sorts them. */
    private static List<BsonValue> idsInServerOrder() {
        return List.of(new BsonMinKey(), BsonNull.VALUE, new BsonDouble(Double.NaN), new BsonDouble(Double.NEGATIVE_INFINITY),
            new BsonInt32(-7), new BsonDouble(1.5), new BsonDecimal128(Decimal128.parse("3.14159")), new BsonInt64(1L << 40),
            new BsonString(""), new BsonString("héllo"), new BsonDocument(), BsonDocument.parse("{a: 1}"),
            new BsonBinary((byte) 0x80, new byte[] {9, 8}), new BsonBinary(new byte[] {1, 2, 3}),
            new BsonBinary((byte) 3, new byte[16]), new BsonBinary((byte) 4, new byte[16]),
            new BsonObjectId(new ObjectId("650000000000000000000001")), BsonBoolean.FALSE, BsonBoolean.TRUE,
            new BsonDateTime(1_700_000_000_123L), new BsonTimestamp(1_700_000_000, 3),
            new BsonDbPointer("db.coll", new ObjectId("650000000000000000000002")), new BsonJavaScript("f()"), new BsonMaxKey());
    }

    private MongoCollection<BsonDocument> filled() {
        MongoCollection<BsonDocument> coll = freshDatabase().getCollection("ids", BsonDocument.class);
        List<BsonValue> shuffled = new ArrayList<>(idsInServerOrder());
        Collections.shuffle(shuffled, new Random(3));
        for (BsonValue id : shuffled) {
            coll.insertOne(new BsonDocument("_id", id));
        }
        return coll;
    }

    private static List<BsonValue> ids(Iterable<BsonDocument> documents) {
        List<BsonValue> ids = new ArrayList<>();
        documents.forEach(d -> ids.add(d.get("_id")));
        return ids;
    }

    private static List<BsonValue> sorted(MongoCollection<BsonDocument> coll, String filter) {
        return ids(coll.find(BsonDocument.parse(filter)).sort(BsonDocument.parse("{_id: 1}")).batchSize(5));
    }

    @Test
    void idsOfEveryTypeSortInServerOrderBothWays() {
        MongoCollection<BsonDocument> coll = filled();
        List<BsonValue> descending = new ArrayList<>(idsInServerOrder());
        Collections.reverse(descending);

        assertThat(sorted(coll, "{}")).containsExactlyElementsOf(idsInServerOrder());
        assertThat(ids(coll.find().sort(BsonDocument.parse("{_id: -1}")).batchSize(3))).containsExactlyElementsOf(descending);
    }

    @Test
    void comparisonsKeepToTheOperandsTypeBracket() {
        MongoCollection<BsonDocument> coll = filled();

        assertThat(sorted(coll, "{_id: {$gte: -100}}")).containsExactly(new BsonInt32(-7), new BsonDouble(1.5),
            new BsonDecimal128(Decimal128.parse("3.14159")), new BsonInt64(1L << 40));
        assertThat(sorted(coll, "{_id: {$lt: 'z'}}")).containsExactly(new BsonString(""), new BsonString("héllo"));
        assertThat(sorted(coll, "{_id: {$gt: {$date: 0}, $lt: {$maxKey: 1}}}")).containsExactly(new BsonDateTime(1_700_000_000_123L));
    }

    @Test
    void minKeyAndMaxKeyBoundsCrossEveryBracket() {
        MongoCollection<BsonDocument> coll = filled();
        List<BsonValue> all = idsInServerOrder();

        assertThat(sorted(coll, "{_id: {$gte: {$minKey: 1}}}")).containsExactlyElementsOf(all);
        assertThat(sorted(coll, "{_id: {$gt: {$minKey: 1}, $lt: {$maxKey: 1}}}")).containsExactlyElementsOf(all.subList(1, all.size() - 1));
        assertThat(sorted(coll, "{_id: {$lte: {$maxKey: 1}}}")).containsExactlyElementsOf(all);
        assertThat(sorted(coll, "{_id: {$lt: {$minKey: 1}}}")).isEmpty();
        assertThat(sorted(coll, "{_id: {$gt: {$maxKey: 1}}}")).isEmpty();
    }

    @Test
    void nanEqualsOnlyNaNAndNullOnlyNull() {
        MongoCollection<BsonDocument> coll = filled();
        BsonDouble nan = new BsonDouble(Double.NaN);

        assertThat(sorted(coll, "{_id: {$gte: NaN}}")).containsExactly(nan);
        assertThat(sorted(coll, "{_id: {$gt: NaN}}")).isEmpty();
        assertThat(sorted(coll, "{_id: {$lt: 100}}")).doesNotContain(nan);
        assertThat(sorted(coll, "{_id: {$type: 'number', $not: {$gte: 100}}}")).startsWith(nan, new BsonDouble(Double.NEGATIVE_INFINITY));
        assertThat(sorted(coll, "{_id: {$gte: null}}")).containsExactly(BsonNull.VALUE);
        assertThat(sorted(coll, "{_id: {$lt: null}}")).isEmpty();
    }

    @Test
    void idsEqualUnderServerOrderAreOneKey() {
        MongoCollection<BsonDocument> coll = freshDatabase().getCollection("dups", BsonDocument.class);
        coll.insertOne(BsonDocument.parse("{_id: 1}"));
        coll.insertOne(BsonDocument.parse("{_id: {a: 1}}"));

        for (String twin : List.of("{_id: 1.0}", "{_id: {$numberLong: '1'}}", "{_id: {a: 1.0}}")) {
            assertThat(catchThrowableOfType(MongoWriteException.class, () -> coll.insertOne(BsonDocument.parse(twin))).getCode())
                .as(twin).isEqualTo(11000);
        }
        assertThat(coll.find(BsonDocument.parse("{_id: {$numberDecimal: '1.00'}}")).first()).isEqualTo(BsonDocument.parse("{_id: 1}"));
    }

    @Test
    void countsAndSamplesOfAnIdRange() {
        MongoCollection<BsonDocument> coll = filled();
        BsonDocument numbers = BsonDocument.parse("{$and: [{_id: {$type: ['double', 'int', 'long', 'decimal']}}, {_id: {$gte: 0}}]}");

        assertThat(coll.countDocuments(numbers)).isEqualTo(3);
        assertThat(ids(coll.aggregate(List.of(Aggregates.match(numbers), Aggregates.sample(2),
            Aggregates.project(Projections.include("_id")))))).hasSize(2).doesNotHaveDuplicates()
            .isSubsetOf(new BsonDouble(1.5), new BsonDecimal128(Decimal128.parse("3.14159")), new BsonInt64(1L << 40));
    }
}
