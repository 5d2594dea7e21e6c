package io.ddt.testkit.internal.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.bson.BsonBinary;
import org.bson.BsonBoolean;
import org.bson.BsonDateTime;
import org.bson.BsonDecimal128;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonMaxKey;
import org.bson.BsonMinKey;
import org.bson.BsonNull;
import org.bson.BsonObjectId;
import org.bson.BsonString;
import org.bson.BsonTimestamp;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.CountOptions;
import com.mongodb.client.model.Projections;

import io.ddt.testkit.BsonSamples;
import io.ddt.testkit.internal.bson.BsonOrder;

/**
 * Reads answered from the {@code _id} index give what the engine gives, batch for batch, for
 * every {@code _id} type the engine orders as MongoDB does; for the rest (NaN, symbols, binary
 * subtypes other than 0 and 4, DBPointer, JavaScript), MongoDB's answer, which the engine gets
 * wrong (see {@code IdQueryConformance} for those cases on a real server).
 */
class IndexedReadsTest {

    private static final BsonOrder ORDER = new BsonOrder();
    private static final String DB = "idx";
    private static final String NUMBERS = "['double', 'int', 'long', 'decimal']";
    private static final ObjectId FIRST_OID = new ObjectId("650000000000000000000001");
    private static final ObjectId SECOND_OID = new ObjectId("650000000000000000000002");

    private static ServedMember served;
    private static MongoCollection<BsonDocument> mixed;

    @BeforeAll
    static void fill() {
        served = new ServedMember();
        mixed = served.client().getDatabase(DB).getCollection("mixed", BsonDocument.class);
        int n = 0;
        for (BsonValue id : idsTheEngineOrdersRight()) {
            mixed.insertOne(new BsonDocument("_id", id).append("n", new BsonInt32(n++)).append("pad", new BsonString("x".repeat(n))));
        }
    }

    @AfterAll
    static void stop() {
        served.close();
    }

    /** Ids of every type whose order and comparisons the engine gets right; inserted out of order. */
    static List<BsonValue> idsTheEngineOrdersRight() {
        List<BsonValue> ids = new ArrayList<>(List.of(new BsonInt32(-7), new BsonInt32(0), new BsonInt32(3), new BsonInt32(100),
            new BsonInt64(1L << 40), new BsonInt64(5), new BsonDouble(1.5), new BsonDouble(-0.5),
            new BsonDecimal128(Decimal128.parse("3.14159")), new BsonString(""), new BsonString("a"), new BsonString("B"),
            new BsonString("é"), new BsonString("ab"), BsonDocument.parse("{}"), BsonDocument.parse("{a: 1}"),
            BsonDocument.parse("{a: 1, b: 1}"), BsonDocument.parse("{b: 'x'}"), new BsonObjectId(FIRST_OID),
            new BsonObjectId(SECOND_OID), BsonBoolean.FALSE, BsonBoolean.TRUE, new BsonDateTime(-1000), new BsonDateTime(0),
            new BsonDateTime(1_700_000_000_000L), new BsonTimestamp(1, 5), new BsonTimestamp(2, 0),
            new BsonBinary(new byte[] {1, 2, 3}), new BsonBinary((byte) 4, ByteBuffer.allocate(16).putLong(7).array()),
            BsonNull.VALUE, new BsonMinKey(), new BsonMaxKey()));
        Collections.shuffle(ids, new java.util.Random(7));
        return ids;
    }

    /** Filters on {@code _id} alone: the copier's range shapes, bounds of every kind, and the other operators. */
    static List<String> filters() {
        return List.of("{}", "{_id: 3}", "{_id: {$eq: 'a'}}", "{_id: null}", "{_id: {$minKey: 1}}", "{_id: {a: 1}}",
            "{_id: {$gte: 0}}", "{_id: {$gt: 0, $lt: 100}}", "{_id: {$lte: 'é'}}", "{_id: {$gte: {}}}",
            "{_id: {$gte: {$date: 0}}}", "{_id: {$lt: {$timestamp: {t: 2, i: 0}}}}", "{_id: {$gte: false}}",
            "{_id: {$gt: {$minKey: 1}}}", "{_id: {$gte: {$minKey: 1}, $lt: {$maxKey: 1}}}", "{_id: {$lt: {$maxKey: 1}}}",
            "{_id: {$lte: {$maxKey: 1}}}", "{_id: {$gt: {$maxKey: 1}}}", "{_id: {$lt: {$minKey: 1}}}",
            "{_id: {$type: " + NUMBERS + "}}", "{_id: {$type: 'number'}}", "{_id: {$type: 2}}",
            "{$and: [{_id: {$type: ['string']}}, {_id: {$gte: 'B'}}, {_id: {$not: {$gte: 'é'}}}]}",
            "{$and: [{_id: {$type: " + NUMBERS + "}}, {_id: {$not: {$gte: 3}}}]}",
            "{$and: [{_id: {$type: " + NUMBERS + "}}, {_id: {$gte: 3}}]}",
            "{_id: {$not: {$type: ['double', 'int', 'long', 'decimal', 'string', 'objectId', 'date']}}}",
            "{$or: [{_id: {$gt: 'a'}}, {_id: {$type: ['object', 'binData', 'objectId', 'bool', 'date', 'maxKey']}}]}",
            "{$and: [{_id: {$type: ['objectId']}}, {_id: {$gt: {$oid: '" + FIRST_OID.toHexString() + "'}}}]}",
            "{_id: {$in: [3, 'a', null, {a: 1}, 99]}}", "{_id: {$nin: [3, 'a']}}", "{_id: {$ne: 3}}", "{_id: {$in: []}}",
            "{_id: {$exists: true}}", "{$nor: [{_id: {$type: 'string'}}]}", "{_id: {$gte: 1.5, $lte: 1.5}}");
    }

    @Test
    void sortedFindsReturnWhatTheEngineReturnsBatchForBatch() {
        for (String filter : filters()) {
            for (int direction : new int[] {1, -1}) {
                for (long[] window : new long[][] {{0, 0, 101}, {2, 0, 3}, {0, 5, 2}, {1, -4, 10}, {0, 0, 1}, {3, 7, 0}}) {
                    BsonDocument find = find(filter, window).append("sort", new BsonDocument("_id", new BsonInt32(direction)));
                    assertThat(served.batches(DB, find)).as(find.toJson()).isEqualTo(served.batchesFromEngine(DB, find));
                }
            }
        }
    }

    /** An empty filter without a sort stays with the engine: its natural order is insertion order. */
    @Test
    void unsortedFindsReturnTheEnginesDocumentsInIdOrder() {
        for (String filter : filters().subList(1, filters().size())) {
            BsonDocument find = find(filter, new long[] {0, 0, 4});
            List<List<RawBsonDocument>> indexed = served.batches(DB, find);
            List<List<RawBsonDocument>> engine = served.batchesFromEngine(DB, find);
            assertThat(indexed.stream().map(List::size)).as(filter).containsExactlyElementsOf(engine.stream().map(List::size).toList());
            List<RawBsonDocument> expected = engine.stream().flatMap(List::stream).sorted((a, b) -> ORDER.compare(a.get("_id"), b.get("_id"))).toList();
            assertThat(indexed.stream().flatMap(List::stream).toList()).as(filter).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void idProjectionsAndCountsReturnWhatTheEngineReturns() {
        for (String filter : filters()) {
            BsonDocument find = find(filter, new long[] {0, 0, 5}).append("projection", BsonDocument.parse("{_id: 1}"))
                .append("sort", BsonDocument.parse("{_id: 1}"));
            assertThat(served.batches(DB, find)).as(filter).isEqualTo(served.batchesFromEngine(DB, find));
            BsonDocument query = BsonDocument.parse(filter);
            CountOptions window = new CountOptions().skip(1).limit(6);
            long indexedCount = mixed.countDocuments(query);
            long indexedWindow = mixed.countDocuments(query, window);
            long indexedCommand = served.client().getDatabase(DB).runCommand(new BsonDocument("count", new BsonString("mixed"))
                .append("query", query), BsonDocument.class).getNumber("n").longValue();
            served.member().indexedReads().enabled(false);
            try {
                assertThat(indexedCount).as(filter).isEqualTo(mixed.countDocuments(query));
                assertThat(indexedWindow).as(filter).isEqualTo(mixed.countDocuments(query, window));
                assertThat(indexedCommand).as(filter).isEqualTo(indexedCount);
            } finally {
                served.member().indexedReads().enabled(true);
            }
        }
    }

    @Test
    void samplesOfAnIdRangeAreDistinctMatchesOfTheRightSize() {
        BsonDocument range = BsonDocument.parse("{$and: [{_id: {$type: " + NUMBERS + "}}, {_id: {$gte: 0}}]}");
        List<BsonValue> matching = mixed.find(range).map(d -> d.get("_id")).into(new ArrayList<>());
        for (int size : new int[] {1, 3, 100}) {
            List<BsonDocument> whole = mixed.aggregate(List.of(Aggregates.match(range), Aggregates.sample(size))).into(new ArrayList<>());
            List<BsonDocument> ids = mixed.aggregate(List.of(Aggregates.match(range), Aggregates.sample(size),
                Aggregates.project(Projections.include("_id")))).into(new ArrayList<>());
            assertThat(whole).hasSize(Math.min(size, matching.size())).doesNotHaveDuplicates()
                .allSatisfy(d -> assertThat(mixed.find(new BsonDocument("_id", d.get("_id"))).first()).isEqualTo(d));
            assertThat(ids).hasSize(Math.min(size, matching.size())).doesNotHaveDuplicates()
                .allSatisfy(d -> assertThat(d.keySet()).containsExactly("_id"))
                .allSatisfy(d -> assertThat(matching).contains(d.get("_id")));
        }
    }

    @Test
    void everyIdTypeSortsAsMongoDbSortsIt() {
        MongoCollection<BsonDocument> all = served.client().getDatabase(DB).getCollection("everyType", BsonDocument.class);
        List<BsonValue> ids = new ArrayList<>();
        for (BsonValue value : BsonSamples.everyType().values()) {
            if (!value.isArray() && !value.isRegularExpression() && !value.isJavaScriptWithScope() && value.getBsonType() != org.bson.BsonType.UNDEFINED) {
                ids.add(value);
            }
        }
        ids.addAll(List.of(new BsonDouble(Double.NaN), new BsonString("sym!"), new BsonDouble(Double.NEGATIVE_INFINITY)));
        for (BsonValue id : ids) {
            all.insertOne(new BsonDocument("_id", id));
        }
        ids.sort(ORDER);

        assertThat(all.find().sort(BsonDocument.parse("{_id: 1}")).map(d -> d.get("_id")).into(new ArrayList<>()))
            .containsExactlyElementsOf(ids);
        Collections.reverse(ids);
        assertThat(all.find().sort(BsonDocument.parse("{_id: -1}")).map(d -> d.get("_id")).into(new ArrayList<>()))
            .containsExactlyElementsOf(ids);
    }

    private static BsonDocument find(String filter, long[] window) {
        BsonDocument find = ServedMember.find("mixed").append("filter", BsonDocument.parse(filter));
        if (window[0] != 0) {
            find.append("skip", new BsonInt64(window[0]));
        }
        if (window[1] != 0) {
            find.append("limit", new BsonInt64(window[1]));
        }
        return find.append("batchSize", new BsonInt32((int) window[2]));
    }
}
