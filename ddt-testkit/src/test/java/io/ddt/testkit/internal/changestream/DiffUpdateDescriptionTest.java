package io.ddt.testkit.internal.changestream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.bson.BsonDocument;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.junit.jupiter.api.Test;

class DiffUpdateDescriptionTest {

    private static final JsonWriterSettings CANONICAL =
            JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();

    @Test
    void reportsUpdatesThenInsertsThenDeletesThenSubDiffsInDepthFirstOrder() {
        String diff = "{d: {gone: false}, u: {kept: 1}, i: {added: 'x'},"
                + " sobj: {d: {inner: false}, i: {deep: 2}, ssub: {u: {leaf: true}}}, sother: {u: {z: 3}}}";

        assertThat(describe(diff, false)).isEqualTo(json("{updatedFields: {kept: 1, added: 'x',"
                + " 'obj.deep': 2, 'obj.sub.leaf': true, 'other.z': 3},"
                + " removedFields: ['gone', 'obj.inner'], truncatedArrays: []}"));
    }

    @Test
    void turnsArrayDiffsIntoIndexedPathsAndTruncations() {
        String diff = "{sarr: {a: true, l: 6, s3: {a: true, l: 4, u2: [4]}, u5: 6, s1: {u: {x: 1}}}}";

        assertThat(describe(diff, false)).isEqualTo(json("{updatedFields: {'arr.3.2': [4],"
                + " 'arr.5': 6, 'arr.1.x': 1}, removedFields: [],"
                + " truncatedArrays: [{field: 'arr', newSize: 6}, {field: 'arr.3', newSize: 4}]}"));
    }

    @Test
    void arrayIndexesAloneAreNotAmbiguous() {
        String diff = "{u: {a: 1}, stop: {a: true, s0: {ssub: {a: true, u2: 3}}}}";

        BsonDocument description = DiffUpdateDescription.fromDiff(BsonDocument.parse(diff), true);

        assertThat(description.getDocument("disambiguatedPaths")).isEmpty();
        assertThat(description.getDocument("updatedFields").keySet())
                .containsExactly("a", "top.0.sub.2");
    }

    @Test
    void listsPathsWithNumericFieldNamesAsTheirComponents() {
        String diff = "{sobjectWithNumericField: {s0: {u: {'1': 'updated'}}},"
                + " sarr: {a: true, s0: {a: true, s0: {i: {'1': {'b.c': 1}}}}}, i: {'7': 1}}";

        BsonDocument paths = DiffUpdateDescription.fromDiff(BsonDocument.parse(diff), true)
                .getDocument("disambiguatedPaths");

        // A numeric name at the top is not ambiguous: no array holds it.
        assertThat(paths.toJson(CANONICAL)).isEqualTo(json("{'objectWithNumericField.0.1':"
                + " ['objectWithNumericField', '0', '1'], 'arr.0.0.1': ['arr', {$numberInt: '0'},"
                + " {$numberInt: '0'}, '1']}"));
    }

    @Test
    void listsDottedFieldNamesAndEverythingBelowThem() {
        String diff = "{u: {'top.level': 1, '01': 2}, sobj: {'ssub.obj': {'sa.b': {a: true, l: 1,"
                + " s0: {sa: {u: {'b.c': 2}}}}}}}";

        BsonDocument paths = DiffUpdateDescription.fromDiff(BsonDocument.parse(diff), true)
                .getDocument("disambiguatedPaths");

        assertThat(paths.toJson(CANONICAL)).isEqualTo(json("{'top.level': ['top.level'],"
                + " 'obj.sub.obj.a.b': ['obj', 'sub.obj', 'a.b'],"
                + " 'obj.sub.obj.a.b.0.a.b.c': ['obj', 'sub.obj', 'a.b', {$numberInt: '0'}, 'a', 'b.c']}"));
    }

    @Test
    void leavesOutDisambiguatedPathsWithoutExpandedEvents() {
        BsonDocument description = DiffUpdateDescription.fromDiff(
                BsonDocument.parse("{u: {'a.b': 1}}"), false);

        assertThat(description.keySet())
                .containsExactly("updatedFields", "removedFields", "truncatedArrays");
    }

    @Test
    void normalisesArrayIndexesAsTheServerPrintsThem() {
        assertThat(describe("{sarr: {a: true, u007: 1}}", false))
                .contains("\"arr.7\"");
    }

    @Test
    void rejectsDiffsOutsideTheFormat() {
        assertThatThrownBy(() -> describe("{x: {a: 1}}", false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'x'");
        assertThatThrownBy(() -> describe("{b: {f: {o: 1, d: {$binary: {base64: '', subType: '00'}}}}}", false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'b'");
        assertThatThrownBy(() -> describe("{sarr: {a: true, x1: 2}}", false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x1");
        assertThatThrownBy(() -> describe("{sarr: {a: true, l: {$numberLong: '2'}}}", false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("int32");
        assertThatThrownBy(() -> describe("{u: 5}", false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'u'");
    }

    private static String describe(String diff, boolean expanded) {
        return DiffUpdateDescription.fromDiff(BsonDocument.parse(diff), expanded).toJson(CANONICAL);
    }

    private static String json(String json) {
        return BsonDocument.parse(json).toJson(CANONICAL);
    }
}
