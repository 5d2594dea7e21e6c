package io.ddt.testkit.internal.oplog;

import static io.ddt.testkit.internal.oplog.BsonAssertions.assertBinaryEqual;
import static io.ddt.testkit.internal.oplog.BsonAssertions.bytes;
import static io.ddt.testkit.internal.oplog.BsonAssertions.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import java.util.function.Supplier;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

/**
 * Random documents and edits: whatever compute logs, apply must turn back into post, in order
 * and type. A failure names the seed and case, with pre, post and diff.
 */
class DocDiffPropertyTest {

    private static final long SEED = 20_240_611L;
    private static final int CASES = 2_000;

    private int diffs;
    private int replacements;
    private int unchanged;

    @Test
    void applyingTheComputedDiffToPreGivesPostExactly() {
        Random random = new Random(SEED);
        RandomDocuments documents = new RandomDocuments(random);
        for (int i = 0; i < CASES; i++) {
            BsonDocument pre = documents.document(0);
            BsonDocument post = documents.edit(pre);
            int caseNumber = i;
            Supplier<String> context = () -> "seed " + SEED + ", case " + caseNumber + ": pre "
                    + json(pre) + ", post " + json(post);
            checkSizes(pre, post, context);
            for (int padding : new int[] {0, DocDiff.OPLOG_ENTRY_PADDING}) {
                BsonDocument diff = DocDiff.compute(pre, post, padding);
                Supplier<String> withPadding = () -> context.get() + ", padding " + padding;
                checkSmallerThanPost(post, diff, withPadding);
                check(pre, post, diff, withPadding);
            }
            BsonDocument unlimited = DocDiff.computeWithoutSizeLimit(pre, post);
            assertThat(unlimited).as(context).isNotNull();
            check(pre, post, unlimited, () -> context.get() + ", without size limit");
        }
        // The generator must exercise all three outcomes, or this test proves little.
        String counts = "diffs " + diffs + ", replacements " + replacements + ", unchanged "
                + unchanged;
        assertThat(diffs).as(counts).isGreaterThan(2 * CASES);
        assertThat(replacements).as(counts).isGreaterThan(CASES / 10);
        assertThat(unchanged).as(counts).isPositive();
    }

    private void check(BsonDocument pre, BsonDocument post, BsonDocument diff,
            Supplier<String> context) {
        if (diff == null) {
            replacements++;
            return;
        }
        Supplier<String> withDiff = () -> context.get() + ", diff " + json(diff);
        byte[] preBytes = bytes(pre);
        if (diff.isEmpty()) {
            unchanged++;
            assertSameBytes(pre, post, withDiff);
            return;
        }
        diffs++;
        DocDiff.validate(diff);
        assertSameBytes(DocDiff.apply(pre, diff), post, withDiff);
        // Oplog application must be idempotent: a secondary may apply an entry twice.
        assertSameBytes(DocDiff.apply(post, diff), post, () -> "re-applied: " + withDiff.get());
        assertThat(bytes(pre)).as(() -> "pre unchanged: " + withDiff.get()).isEqualTo(preBytes);
    }

    /** A diff the server would log must be smaller than the post image. */
    private static void checkSmallerThanPost(BsonDocument post, BsonDocument diff,
            Supplier<String> context) {
        if (diff != null) {
            assertThat(bytes(diff).length).as(context).isLessThan(bytes(post).length);
        }
    }

    private static void checkSizes(BsonDocument pre, BsonDocument post, Supplier<String> context) {
        assertThat(BsonValues.documentSize(pre)).as(context).isEqualTo(bytes(pre).length);
        assertThat(BsonValues.documentSize(post)).as(context).isEqualTo(bytes(post).length);
    }

    /** Compares bytes first, building the (costly) failure report only when they differ. */
    private static void assertSameBytes(BsonDocument actual, BsonDocument expected,
            Supplier<String> context) {
        if (!Arrays.equals(bytes(actual), bytes(expected))) {
            assertBinaryEqual(actual, expected, context.get());
        }
    }
}
