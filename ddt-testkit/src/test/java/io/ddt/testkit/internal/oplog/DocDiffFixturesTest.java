package io.ddt.testkit.internal.oplog;

import static io.ddt.testkit.internal.oplog.BsonAssertions.assertBinaryEqual;
import static io.ddt.testkit.internal.oplog.BsonAssertions.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every $v:2 case of shared/fixtures/oplog-cases.jsonl, against the server's own results. */
class DocDiffFixturesTest {

    private static final List<BsonDocument> CASES = Fixtures.all();

    static Stream<Arguments> v2DiffCases() {
        return CASES.stream()
                .filter(c -> c.getString("kind").getValue().equals("oplog"))
                .filter(c -> c.getString("category").getValue().equals("update-v2-diff"))
                .filter(c -> !c.getBoolean("prePostUnknown", org.bson.BsonBoolean.FALSE).getValue())
                .map(c -> Arguments.of(c.getString("name").getValue(), c));
    }

    static Stream<Arguments> calculatorCases() {
        return CASES.stream()
                .filter(c -> c.getString("name").getValue().startsWith("v2diff.calculator."))
                .map(c -> Arguments.of(c.getString("name").getValue(), c));
    }

    @Test
    void fixtureFileHoldsTheExpectedCases() {
        assertThat(v2DiffCases().count()).isGreaterThanOrEqualTo(60);
        assertThat(calculatorCases().count()).isEqualTo(13);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("v2DiffCases")
    void applyingTheLoggedDiffToPreGivesPostExactly(String name, BsonDocument fixture) {
        BsonDocument actual = fixture.getDocument("pre");
        for (BsonDocument diff : v2Diffs(fixture)) {
            actual = DocDiff.apply(actual, diff);
        }
        assertBinaryEqual(actual, fixture.getDocument("post"), name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("v2DiffCases")
    void reapplyingTheLoggedDiffToPostChangesNothing(String name, BsonDocument fixture) {
        List<BsonDocument> diffs = v2Diffs(fixture);
        BsonDocument post = fixture.getDocument("post");
        assertBinaryEqual(DocDiff.apply(post, diffs.get(diffs.size() - 1)), post, name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("v2DiffCases")
    void everyLoggedDiffIsWellFormed(String name, BsonDocument fixture) {
        v2Diffs(fixture).forEach(DocDiff::validate);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("v2DiffCases")
    void diffComputedFromPreAndPostRoundTrips(String name, BsonDocument fixture) {
        BsonDocument pre = fixture.getDocument("pre");
        BsonDocument post = fixture.getDocument("post");
        BsonDocument diff = DocDiff.compute(pre, post);
        if (diff == null) {
            return; // the server would log the whole post image
        }
        if (diff.isEmpty()) {
            assertBinaryEqual(pre, post, name + ": empty diff, so nothing may have changed");
        } else {
            assertBinaryEqual(DocDiff.apply(pre, diff), post, name + " with diff " + json(diff));
        }
    }

    /**
     * The server's calculator tests pass a padding of 0, 5, 10 or 15 (the fixtures do not say
     * which), and a lower padding only lets more diffs through, so 0 must give the server's diff.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("calculatorCases")
    void computedDiffEqualsTheServersDiff(String name, BsonDocument fixture) {
        BsonDocument expected = fixture.getDocument("entry").getDocument("o").getDocument("diff");
        BsonDocument actual = DocDiff.compute(fixture.getDocument("pre"),
                fixture.getDocument("post"), 0);
        if (fixture.getString("note").getValue().contains("replacement")) {
            assertThat(actual).as(name).isNull();
        } else {
            assertThat(actual).as(name).isNotNull();
            assertBinaryEqual(actual, expected, name);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("calculatorCases")
    void productionPaddingGivesTheSameDiffOrAReplacement(String name, BsonDocument fixture) {
        BsonDocument expected = fixture.getDocument("entry").getDocument("o").getDocument("diff");
        BsonDocument actual = DocDiff.compute(fixture.getDocument("pre"),
                fixture.getDocument("post"));
        if (actual != null) {
            assertBinaryEqual(actual, expected, name);
        }
    }

    /** The $v:2 diffs of the fixture's entry or entries, in oplog order; others are skipped. */
    private static List<BsonDocument> v2Diffs(BsonDocument fixture) {
        BsonValue entry = fixture.get("entry");
        List<BsonValue> entries = entry.isArray() ? entry.asArray().getValues() : List.of(entry);
        List<BsonDocument> diffs = new ArrayList<>();
        for (BsonValue value : entries) {
            BsonDocument e = value.asDocument();
            BsonDocument o = e.getDocument("o", new BsonDocument());
            boolean v2 = o.containsKey("$v") && o.get("$v").isNumber()
                    && o.get("$v").asNumber().intValue() == 2;
            if (e.getString("op").getValue().equals("u") && v2) {
                diffs.add(o.getDocument("diff"));
            }
        }
        assertThat(diffs).as("$v:2 entries of " + fixture.getString("name").getValue())
                .isNotEmpty();
        return diffs.stream().collect(Collectors.toList());
    }
}
