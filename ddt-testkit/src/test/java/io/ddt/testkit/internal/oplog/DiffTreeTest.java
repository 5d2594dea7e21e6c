package io.ddt.testkit.internal.oplog;

import static io.ddt.testkit.internal.oplog.BsonAssertions.assertBinaryEqual;
import static org.assertj.core.api.Assertions.assertThat;

import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.junit.jupiter.api.Test;

/**
 * The size estimate of the server's ApproxBSONSizeTracker, term by term: it decides between
 * sub-diffs and whole values, so an error of one byte changes the diffs logged.
 */
class DiffTreeTest {

    @Test
    void documentNodeEstimatesAsTheServersTracker() {
        DiffTree.DocumentNode node = new DiffTree.DocumentNode(15);
        assertThat(node.estimatedSize()).isEqualTo(15 + 5); // padding + empty document
        node.addDelete("ab");
        // type byte, "ab", its zero byte, the boolean, and 8 to open the d section
        assertThat(node.estimatedSize()).isEqualTo(20 + 1 + 2 + 1 + 1 + 8);
        node.addDelete("c");
        assertThat(node.estimatedSize()).isEqualTo(33 + 1 + 1 + 1 + 1);
        node.addUpdate("\u00e9", new BsonInt32(1)); // a two-byte name, an int32
        assertThat(node.estimatedSize()).isEqualTo(37 + 1 + 2 + 1 + 4 + 8);
        node.addInsert("i", new BsonString("xy")); // string: length, bytes, zero byte
        assertThat(node.estimatedSize()).isEqualTo(53 + 1 + 1 + 1 + (4 + 2 + 1) + 8);
        node.addInsert("j", new BsonInt32(2)); // the i section is open already
        assertThat(node.estimatedSize()).isEqualTo(71 + 1 + 1 + 1 + 4);
    }

    @Test
    void arrayNodeEstimatesAsTheServersTracker() {
        DiffTree.ArrayNode node = new DiffTree.ArrayNode();
        assertThat(node.estimatedSize()).isEqualTo(9); // {a: true}
        node.setResize(3);
        assertThat(node.estimatedSize()).isEqualTo(9 + 7); // l: int32
        node.addUpdate(10, new BsonInt32(1)); // type byte, 'u', "10", zero byte, int32
        assertThat(node.estimatedSize()).isEqualTo(16 + 1 + 1 + 2 + 1 + 4);
    }

    @Test
    void subDiffAddsItsEstimateAndThePrefixByte() {
        DiffTree.ArrayNode child = new DiffTree.ArrayNode();
        child.setResize(0);
        DiffTree.DocumentNode parent = new DiffTree.DocumentNode(0);
        parent.addSubDiff("x", child);
        // type byte, "x", zero byte, the child's 16, and the 's' prefix
        assertThat(parent.estimatedSize()).isEqualTo(5 + 1 + 1 + 1 + 16 + 1);
    }

    @Test
    void serializesSectionsInTheServersOrder() {
        DiffTree.DocumentNode node = new DiffTree.DocumentNode(0);
        DiffTree.ArrayNode child = new DiffTree.ArrayNode();
        child.addUpdate(2, new BsonInt32(7));
        child.setResize(3);
        node.addSubDiff("arr", child);
        node.addInsert("n", new BsonInt32(1));
        node.addUpdate("m", new BsonInt32(2));
        node.addDelete("z");
        node.addDelete("y");
        assertBinaryEqual(node.serialize(), BsonDocument.parse(
                "{d: {z: false, y: false}, u: {m: 2}, i: {n: 1}, sarr: {a: true, l: 3, u2: 7}}"),
                "section order");
    }

    @Test
    void subDiffIsKeptOnlyWhenStrictlySmallerThanTheValue() {
        String big = "'" + "x".repeat(60) + "'";
        // {u: {x: 2}} is estimated at 5 + 8 + 3 + 4 = 20 bytes; {p: '', x: 2} is 20 bytes.
        assertThat(DocDiff.compute(BsonDocument.parse("{big: " + big + ", o: {p: '', x: 1}}"),
                BsonDocument.parse("{big: " + big + ", o: {p: '', x: 2}}")))
                .isEqualTo(BsonDocument.parse("{u: {o: {p: '', x: 2}}}"));
        assertThat(DocDiff.compute(BsonDocument.parse("{big: " + big + ", o: {p: 'a', x: 1}}"),
                BsonDocument.parse("{big: " + big + ", o: {p: 'a', x: 2}}")))
                .isEqualTo(BsonDocument.parse("{so: {u: {x: 2}}}"));
    }

    @Test
    void arrayResizeIsKeptOnlyWhenStrictlySmallerThanTheArray() {
        String big = "'" + "x".repeat(60) + "'";
        // {a: true, l: 1} is estimated at 16 bytes; ['abc'] is 16 bytes, ['abcd'] 17.
        assertThat(DocDiff.compute(BsonDocument.parse("{big: " + big + ", r: ['abc', 1]}"),
                BsonDocument.parse("{big: " + big + ", r: ['abc']}")))
                .isEqualTo(BsonDocument.parse("{u: {r: ['abc']}}"));
        assertThat(DocDiff.compute(BsonDocument.parse("{big: " + big + ", r: ['abcd', 1]}"),
                BsonDocument.parse("{big: " + big + ", r: ['abcd']}")))
                .isEqualTo(BsonDocument.parse("{sr: {a: true, l: 1}}"));
    }
}
