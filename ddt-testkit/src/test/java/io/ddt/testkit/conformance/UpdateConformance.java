package io.ddt.testkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.bson.BsonArray;
import org.bson.BsonDecimal128;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;

/**
 * Updates as a 7.0 member applies them where the result's field order or types show it:
 * operator paths in the server's path order, values of another type stored even when they
 * compare equal, and the pipeline expressions that rebuild a document field by field.
 */
abstract class UpdateConformance extends ConformanceSupport {

    @Test
    void setCreatesNewFieldsInTheServersPathOrderNotInTheOrderGiven() {
        MongoCollection<BsonDocument> coll = collection();
        coll.insertOne(new BsonDocument("_id", new BsonInt32(1)));
        coll.updateOne(Filters.eq("_id", 1), BsonDocument.parse("{$set: {b: 1, '10': 1, a: 1, '9': 1, '09': 1}}"));
        assertThat(coll.find().first().keySet()).containsExactly("_id", "09", "9", "10", "a", "b");
    }

    @Test
    void setOfAnEqualValueOfAnotherTypeStoresTheNewType() {
        MongoCollection<BsonDocument> coll = collection();
        coll.insertOne(BsonDocument.parse("{_id: 1, a: 5}"));
        BsonDecimal128 five = new BsonDecimal128(Decimal128.parse("5.0"));
        coll.updateOne(Filters.eq("_id", 1), new BsonDocument("$set", new BsonDocument("a", five)));
        assertThat(coll.find().first().get("a")).isEqualTo(five);
    }

    @Test
    void mergeObjectsKeepsExistingFieldsInPlaceAndAppendsNewOnesWithAnyName() {
        MongoCollection<BsonDocument> coll = collection();
        coll.insertOne(BsonDocument.parse("{_id: 1, a: 1, b: 2, c: 3}"));
        BsonDocument replaceWith = BsonDocument.parse("{$replaceWith: {$mergeObjects: ["
            + "{$arrayToObject: [{$filter: {input: {$objectToArray: '$$ROOT'}, as: 'f', cond: {$not: [{$in: ['$$f.k', ['a']]}]}}}]},"
            + "{$setField: {field: {$literal: 'c'}, input: {}, value: {$literal: 30}}},"
            + "{$literal: {b: 20, 'x.y': 1, '$z': 2, a: 10}}]}}");
        coll.updateOne(Filters.eq("_id", 1), List.of(replaceWith));
        assertThat(coll.find().first().toJson()).isEqualTo(
            "{\"_id\": 1, \"b\": 20, \"c\": 30, \"x.y\": 1, \"$z\": 2, \"a\": 10}");
    }

    @Test
    void expressionsSeeMissingValuesAsMissing() {
        MongoCollection<BsonDocument> coll = collection();
        coll.insertOne(BsonDocument.parse("{_id: 1, arr: [1, 2], n: 5}"));
        BsonDocument set = BsonDocument.parse("{$set: {"
            + "types: [{$type: '$nothing'}, {$type: {$getField: {field: {$literal: 'n'}, input: '$$ROOT'}}}],"
            + "kept: {$let: {vars: {v: '$nothing'}, in: {$switch: {branches: [{case: {$eq: [{$type: '$$v'}, 'missing']},"
            + " then: 'gone'}], default: 'there'}}}},"
            + "padded: {$map: {input: {$range: [0, {$max: [{$size: '$arr'}, 4]}]}, as: 'i', in: {$cond: ["
            + " {$lt: ['$$i', {$size: '$arr'}]}, {$arrayElemAt: ['$arr', '$$i']}, null]}}},"
            + "removed: '$$REMOVE'}}");
        coll.updateOne(Filters.eq("_id", 1), List.of(set));
        BsonDocument after = coll.find().first();
        assertThat(after.get("types")).isEqualTo(new BsonArray(List.of(new BsonString("missing"), new BsonString("int"))));
        assertThat(after.getString("kept").getValue()).isEqualTo("gone");
        assertThat(after.getArray("padded")).isEqualTo(BsonArray.parse("[1, 2, null, null]"));
        assertThat(after.containsKey("removed")).isFalse();
    }

    private MongoCollection<BsonDocument> collection() {
        return freshDatabase().getCollection("u", BsonDocument.class);
    }
}
