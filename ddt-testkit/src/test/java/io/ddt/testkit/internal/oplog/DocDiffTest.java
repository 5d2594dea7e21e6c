package io.ddt.testkit.internal.oplog;

import static io.ddt.testkit.internal.oplog.BsonAssertions.assertBinaryEqual;
import static io.ddt.testkit.internal.oplog.BsonAssertions.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DocDiffTest {

    private static BsonDocument doc(String json) {
        return BsonDocument.parse(json);
    }

    private static void assertComputes(String pre, String post, int padding, String expected) {
        BsonDocument actual = DocDiff.compute(doc(pre), doc(post), padding);
        String context = pre + " -> " + post + " (padding " + padding + ")";
        if (expected == null) {
            assertThat(actual).as(context).isNull();
        } else {
            assertThat(actual).as(context).isNotNull();
            assertBinaryEqual(actual, doc(expected), context);
        }
    }

    private static void assertApplies(String pre, String diff, String expected) {
        assertBinaryEqual(DocDiff.apply(doc(pre), doc(diff)), doc(expected), pre + " + " + diff);
    }

    // Calculator cases from the server's document_diff_calculator_test.cpp, with its paddings.

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{a: {b: 1}, c: 1}               | {a: {b: 1}, c: 2}          | 0  | {u: {c: 2}}",
        "{a: {b: 1}, c: 1}               | {a: {b: 1}}                | 0  | {d: {c: false}}",
        "{a: 1, g: 1, h: 1} | {a: {b: 2, c: [2], d: {e: 2}, f: 1}, g: 1, h: 1} | 0"
            + " | {u: {a: {b: 2, c: [2], d: {e: 2}, f: 1}}}",
        "{a: {b: {c: {d: 1}, e: 1, f: 1}}} | {a: {b: {c: {}, e: 1, f: 1}}} | 0"
            + " | {sa: {sb: {u: {c: {}}}}}",
        "{field1: 'abcd', field2: [1, 2, 3]} | {field1: 'abcd', field2: [1, 2, 3, 4]} | 5"
            + " | {sfield2: {a: true, 'u3': 4}}",
        "{field1: 'abcd', field2: [1, 2, 3, {'field3': ['largeString', 2, 3, 4, 5]}]}"
            + " | {field1: 'abcd', field2: [1, 2, 3, {'field3': ['largeString', 2, 3, 5]}]} | 15"
            + " | {sfield2: {a: true, 's3': {sfield3: {a: true, l: 4, 'u3': 5}} }}",
        "{field1: 'abcd', field2: [1, 2, 3, {field3: [2, 3, 4, 5]}]}"
            + " | {field1: 'abcd', field2: [1, 2, 3, {field3: [1, 2, 3, 4, 5]}]} | 15"
            + " | {sfield2: {a: true, 'u3': {field3: [1, 2, 3, 4, 5]}} }",
        "{field1: [1, 2, 3, 4, 5, 6, {a: 1, b: 2, c: 3, d: 4}, 7]}"
            + " | {field1: [1, 2, 3, 4, 5, 6, {p: 1, q: 2}, 7]} | 0"
            + " | {sfield1: {a: true, 'u6': {p: 1, q: 2}} }",
        "{field: {p: 'someString', q: 2, r: {a: 1, b: 2, c: 3, 'd': 4}, s: 3}}"
            + " | {field: {p: 'someString', q: 2, r: {p: 1, q: 2}, s: 3}} | 0"
            + " | {sfield: {u: {r: {p: 1, q: 2} }} }",
        "{b: 1, a: 2, c: 3, d: 4, e: 'valueString'} | {c: 3, d: 4, e: 'valueString'} | 15"
            + " | {d: {a: false, b: false}}",
        "{b: 1, a: 2, c: 'value', d: 'valueString', e: 'valueString', g: 1, f: 1}"
            + " | {c: 'value', d: 'valueString', e: 'valueString'} | 15"
            + " | {d: {g: false, f: false, a: false, b: false}}",
        "{a: 'valueString', b: 2, c: {subField1: 1, subField2: 3.0}, d: 4}"
            + " | {a: 'valueString', b: 2, c: {subField1: 1, subField2: 3}, d: 4} | 15"
            + " | {sc: {u: {subField2: 3}}}",
        "{a: 'valueString', b: 2, c: {subField1: 1, subField2: 3}, d: 4}"
            + " | {a: 'valueString', b: 2, c: {subField1: 1, subField2: NumberLong(3)}, d: 4} | 15"
            + " | {sc: {u: {subField2: NumberLong(3)}}}",
        "{a: 'valueString', b: 2, c: {subField1: 1, subField2: NumberLong(3)}, d: 4}"
            + " | {a: 'valueString', b: 2, c: {subField1: 1, subField2: 3.0}, d: 4} | 15"
            + " | {sc: {u: {subField2: 3.0}}}",
    })
    void computesTheServersDiff(String pre, String post, int padding, String expected) {
        assertComputes(pre, post, padding, expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{a: 1, b: 2, c: 3}      | {A: 1, B: 2, C: 3}    | 0",
        "{b: 1, c: 1, d: 1}      | {a: 1, b: 1, c: 1, d: 1} | 0",
        "{b: 1}                  | {}                    | 0",
        "{a: {b: 1}}             | {}                    | 0",
        "{b: [1, 2, 3]}          | {}                    | 0",
        "{}                      | {b: 1}                | 0",
        "{}                      | {a: {b: 1}}           | 0",
        "{}                      | {}                    | 0",
        "{a: null}               | {}                    | 15",
    })
    void logsAReplacementWhenTheDiffIsNotSmallerThanThePostImage(String pre, String post,
            int padding) {
        assertComputes(pre, post, padding, null);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{field1: 1}", "{field1: []}", "{field1: [{}]}", "{field1: [0, 1, 2, 3, 4]}",
        "{field1: null}", "{'0': [0]}", "{'0': [[{'0': [[{'0': [[]]} ]]}]]}",
    })
    void identicalDocumentsGiveAnEmptyDiff(String document) {
        assertComputes(document, document, 5, "{}");
    }

    @Test
    void productionPaddingTurnsASmallNestedChangeIntoAReplacement() {
        String pre = "{a: {b: {c: {d: 1, e: 1, f: 1}}}}";
        String post = "{a: {b: {c: {d: 2, e: 1, f: 1}}}}";
        assertComputes(pre, post, 0, "{sa: {sb: {sc: {u: {d: 2}}}}}");
        assertThat(DocDiff.compute(doc(pre), doc(post))).isNull();
    }

    @Test
    void withoutSizeLimitNeverFallsBackToAReplacement() {
        BsonDocument pre = doc("{_id: 59, a: 5}");
        BsonDocument post = doc("{_id: 59}");
        assertThat(DocDiff.compute(pre, post)).isNull();
        assertBinaryEqual(DocDiff.computeWithoutSizeLimit(pre, post), doc("{d: {a: false}}"),
                "unset on a small document, as a real server logs it");
    }

    @Test
    void withoutSizeLimitKeepsSubDiffsLargerThanTheValue() {
        BsonDocument pre = doc("{field: {p: 'someString', q: 2, r: [1, 3, 4, 5], s: 3}}");
        BsonDocument post = doc("{field: {p: 'someString', q: 2, r: [1, 2, 3, 4], s: 3}}");
        assertBinaryEqual(DocDiff.computeWithoutSizeLimit(pre, post),
                doc("{sfield: {sr: {a: true, u1: 2, u2: 3, u3: 4}}}"), "unlimited");
        assertComputes(json(pre), json(post), 0, "{sfield: {u: {r: [1, 2, 3, 4]}}}");
    }

    @Test
    void negativeZeroAndNumericTypesCountAsChanges() {
        assertComputes("{x: 'a long enough string', a: 0.0}",
                "{x: 'a long enough string', a: -0.0}", 15, "{u: {a: -0.0}}");
        assertComputes("{x: 'a long enough string', a: 1}",
                "{x: 'a long enough string', a: NumberLong(1)}", 15, "{u: {a: NumberLong(1)}}");
    }

    @Test
    void deletesOfMovedFieldsAreSortedByUtf8BytesNotUtf16Units() {
        // U+FF21 sorts before U+1F600 in UTF-8 but after its surrogates in UTF-16.
        String pre = "{'\\uff21': 1, '\\ud83d\\ude00': 2, z: 'a fairly long value here', y: 3}";
        String post = "{z: 'a fairly long value here', y: 3}";
        assertComputes(pre, post, 0, "{d: {'\\uff21': false, '\\ud83d\\ude00': false}}");
    }

    @Test
    void deeplyNestedChangeGivesADiffAtFullDepth() {
        String big = "'" + String.join("", Collections.nCopies(50, "a")) + "'";
        StringBuilder pre = new StringBuilder();
        StringBuilder post = new StringBuilder();
        StringBuilder expected = new StringBuilder();
        for (int depth = 0; depth < 100; depth++) {
            pre.append("{largeField: ").append(big).append(", subObj: ");
            post.append("{largeField: ").append(big).append(", subObj: ");
            expected.append("{ssubObj: ");
        }
        pre.append("{largeField: ").append(big).append(", field: 1}").append("}".repeat(100));
        post.append("{largeField: ").append(big).append(", field: 2}").append("}".repeat(100));
        expected.append("{u: {field: 2}}").append("}".repeat(100));
        assertComputes(pre.toString(), post.toString(), 0, expected.toString());
        assertBinaryEqual(DocDiff.apply(doc(pre.toString()), doc(expected.toString())),
                doc(post.toString()), "deep apply");
    }

    @Test
    void computeSharesNoMutableValueWithPost() {
        BsonDocument post = doc("{a: 'some longer string value', b: {c: [1, 2, 3]}}");
        BsonDocument diff = DocDiff.compute(doc("{a: 'some longer string value'}"), post);
        diff.getDocument("i").getDocument("b").getArray("c").add(new BsonInt32(4));
        assertThat(json(post)).isEqualTo(json(doc(
                "{a: 'some longer string value', b: {c: [1, 2, 3]}}")));
    }

    // Applier behaviour (document_diff_applier.cpp) beyond the fixture cases.

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{a: 1, b: 2}          | {d: {zz: false}}                 | {a: 1, b: 2}",
        "{a: 1, b: 2}          | {sz: {u: {x: 1}}}                | {a: 1, b: 2}",
        "{a: 1, b: 2}          | {u: {b: 3, c: 4}, i: {a: 5}}     | {b: 3, c: 4, a: 5}",
        "{arr: [1]}            | {sarr: {a: true, l: 4}}          | {arr: [1, null, null, null]}",
        "{arr: [1, 2, 3]}      | {sarr: {a: true, l: 0}}          | {arr: []}",
        "{arr: {x: 1}, b: 1}   | {sarr: {a: true, u0: 1}}         | {arr: null, b: 1}",
        "{o: [1], b: 1}        | {so: {u: {x: 1}}}                | {o: null, b: 1}",
        "{arr: [1]}            | {sarr: {a: true, s3: {u: {x: 1}}}} | {arr: [1, null, null, null]}",
        "{arr: [[1, 2], {}]}   | {sarr: {a: true, s0: {a: true, l: 1}, s1: {i: {y: 2}}}}"
            + " | {arr: [[1], {y: 2}]}",
        "{arr: [1, 2]}         | {sarr: {a: true, u00: 7}}        | {arr: [7, 2]}",
    })
    void appliesLikeTheServer(String pre, String diff, String expected) {
        assertApplies(pre, diff, expected);
    }

    @Test
    void binaryPatchPastTheEndLeavesTheValueAlone() {
        assertApplies("{b: {$binary: {base64: 'YWJj', subType: '00'}}}",
                "{b: {b: {o: 9, d: {$binary: {base64: 'ZGVm', subType: '00'}}}}}",
                "{b: {$binary: {base64: 'YWJj', subType: '00'}}}");
    }

    @Test
    void binaryPatchOffsetMayBeAnyNumericType() {
        assertApplies("{b: {$binary: {base64: 'YWJj', subType: '80'}}}",
                "{b: {b: {o: {$numberDecimal: '1'}, d: {$binary: {base64: 'eg==', subType: '00'}}}}}",
                "{b: {$binary: {base64: 'YXo=', subType: '80'}}}");
        assertApplies("{b: {$binary: {base64: 'YWJj', subType: '00'}}}",
                "{b: {b: {o: {$numberLong: '3'}, d: {$binary: {base64: '', subType: '00'}}}}}",
                "{b: {$binary: {base64: 'YWJj', subType: '00'}}}");
    }

    @Test
    void applyNeverModifiesPre() {
        BsonDocument pre = doc("{a: {b: [1, {c: 2}]}, d: 1}");
        String before = json(pre);
        BsonDocument post = DocDiff.apply(pre,
                doc("{d: {d: false}, sa: {sb: {a: true, s1: {u: {c: 3}}}}}"));
        post.getDocument("a").getArray("b").add(new BsonInt32(9));
        assertThat(json(pre)).isEqualTo(before);
        assertThat(json(post)).isEqualTo(json(doc("{a: {b: [1, {c: 3}, 9]}}")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "{}                                   | the top level",
        "{x: {a: 1}}                          | 'x'",
        "{u: {a: 1}, d: {b: false}}           | 'd'",
        "{u: 1}                               | 'u'",
        "{u: {a: 1}, d2: {a: false}}          | 'd2'",
        "{d: {a: false}, u: {a: 1}}           | 'u'",
        "{sa: {a: true}, u: {b: 1}}           | 'u'",
        "{sa: {}}                             | 'sa'",
        "{sa: 1}                              | 'sa'",
        "{sa: {a: false}}                     | 'sa.a'",
        "{sa: {a: true, l: 2.0}}              | 'sa.l'",
        "{sa: {a: true, l: -1}}               | 'sa.l'",
        "{sa: {a: true, x1: 1}}               | 'sa.x1'",
        "{sa: {a: true, u: 1}}                | 'sa.u'",
        "{sa: {a: true, 'u-1': 1}}            | 'sa.u-1'",
        "{sa: {a: true, u2: 1, u1: 1}}        | 'sa.u1'",
        "{sa: {a: true, u1: 1, s1: {u: {}}}}  | 'sa.s1'",
        "{sa: {a: true, l: 2, u2: 1}}         | 'sa.u2'",
        "{sa: {a: true, s0: 5}}               | 'sa.s0'",
        "{sa: {a: true, u99999999999: 1}}     | 'sa.u99999999999'",
        "{sa: {l: 3}}                         | 'sa.l'",
    })
    void rejectsAMalformedDiffNamingTheKey(String diff, String where) {
        BsonDocument pre = doc("{a: [1, 2, 3], b: 1}");
        assertThatThrownBy(() -> DocDiff.apply(pre, doc(diff)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at " + where);
        assertThatThrownBy(() -> DocDiff.validate(doc(diff)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at " + where);
    }

    @Test
    void rejectsBinaryPatchesThatDoNotFit() {
        BsonDocument pre = doc("{s: 'text', b: {$binary: {base64: 'YWJj', subType: '00'}}}");
        String bytes = "{$binary: {base64: 'ZGVm', subType: '00'}}";
        assertThatThrownBy(() -> DocDiff.apply(pre, doc("{b: {s: {o: 0, d: " + bytes + "}}}")))
                .hasMessageContaining("'b.s'").hasMessageContaining("STRING");
        assertThatThrownBy(() -> DocDiff.apply(pre, doc("{b: {b: {o: -1, d: " + bytes + "}}}")))
                .hasMessageContaining("'b.b.o'");
        assertThatThrownBy(() -> DocDiff.apply(pre, doc("{b: {b: {o: 1, d: 'x'}}}")))
                .hasMessageContaining("'b.b.d'");
    }

    @Test
    void validateReadsPartsTheApplierSkips() {
        BsonDocument diff = doc("{smissing: {sdeeper: {x: {}}}}");
        BsonDocument pre = doc("{a: 1}");
        assertBinaryEqual(DocDiff.apply(pre, diff), pre, "a sub-diff for a missing field");
        assertThatThrownBy(() -> DocDiff.validate(diff))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'smissing.sdeeper.x'");
    }
}
