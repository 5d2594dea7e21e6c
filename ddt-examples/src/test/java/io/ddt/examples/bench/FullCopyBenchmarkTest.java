package io.ddt.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code full-copy} end to end on real child JVMs, at a size that takes seconds. */
class FullCopyBenchmarkTest {

    @TempDir
    static Path dir;
    static BsonDocument report;
    static String printed;

    @BeforeAll
    static void runFullCopyOnFiveThousandDocuments() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new BenchmarkHarness(new PrintStream(bytes, true, StandardCharsets.UTF_8)).run("--benchmark", "full-copy",
            "--documents", "5000", "--cluster-heap", "512m", "--verify-sample", "200", "--json", dir.resolve("copy.json").toString());
        printed = bytes.toString(StandardCharsets.UTF_8);
        report = BsonDocument.parse(Files.readString(dir.resolve("copy.json")));
    }

    @Test
    void recordsDdtsRateHeapAndTheClustersCpuBesideBothReferences() {
        Map<String, Double> figures = values("figures");
        Map<String, Double> references = values("references");

        assertThat(report.containsKey("error")).as("the run failed: %s", report.get("error")).isFalse();
        assertThat(figures).containsKeys("ddt-copy", "ddt-elapsed", "ddt-heap", "ddt-out-of-memory", "ddt-source-cpu",
            "ddt-target-cpu", "ddt-copier-cpu", "ddt-cores-busy", "verified-documents");
        assertThat(figures.get("ddt-copy")).isPositive();
        assertThat(figures.get("ddt-heap")).isBetween(1.0, 256.0);
        assertThat(figures.get("ddt-out-of-memory")).isZero();
        assertThat(figures.get("ddt-target-cpu")).isPositive();
        assertThat(figures.get("verified-documents")).isEqualTo(4 * 200.0);
        assertThat(references).containsKeys("source-fill", "plain-loop", "plain-loop-source-cpu", "plain-loop-target-cpu",
            "target-insertMany", "target-insertMany-target-cpu");
        assertThat(references.get("plain-loop")).isPositive();
        assertThat(references.get("target-insertMany")).isPositive();
        assertThat(references.get("copier-heap-limit")).isEqualTo(256.0);
    }

    @Test
    void recordsBothRatiosWithTheirGoalsAndTheHeapAgainstItsLimit() {
        Map<String, BsonDocument> ratios = report.getArray("ratios").stream().map(BsonValue::asDocument)
            .collect(Collectors.toMap(r -> r.getString("name").getValue(), r -> r));
        Map<String, Double> figures = values("figures");
        Map<String, Double> references = values("references");

        assertThat(ratios).containsOnlyKeys("ddt/target-insertMany", "ddt/plain-loop", "ddt-heap/limit");
        assertRatio(ratios.get("ddt/target-insertMany"), figures.get("ddt-copy") / references.get("target-insertMany"), 0.85,
            "atLeast");
        assertRatio(ratios.get("ddt/plain-loop"), figures.get("ddt-copy") / references.get("plain-loop"), 1.2, "atLeast");
        assertRatio(ratios.get("ddt-heap/limit"), figures.get("ddt-heap") / 256, 1.0, "atMost");
        assertThat(ratios.get("ddt-heap/limit").getBoolean("met").getValue()).isTrue();
    }

    @Test
    void reportsTheOptionsItRanWithDefaultsIncluded() {
        BsonDocument options = report.getDocument("options");

        assertThat(options.getString("documents").getValue()).isEqualTo("5000");
        assertThat(options.getString("threads").getValue()).isEqualTo("4");
        assertThat(options.getString("copier-heap").getValue()).isEqualTo("256m");
        assertThat(options.getString("collections").getValue()).isEqualTo("4");
    }

    @Test
    void printsTheRatiosBesideTheirReferences() {
        assertThat(printed).containsPattern("ddt-copy +[\\d,]+ docs/s +target-insertMany +[\\d,]+ docs/s +[\\d.,]+ +>= 0.85")
            .containsPattern("ddt-copy +[\\d,]+ docs/s +plain-loop +[\\d,]+ docs/s +[\\d.,]+ +>= 1.20")
            .contains("c0_int 2,000, c1_object_id 1,500, c2_string 1,000, c3_mixed 500");
    }

    private static void assertRatio(BsonDocument ratio, double expected, double goal, String goalIs) {
        double value = ratio.getDouble("value").getValue();
        assertThat(value).isCloseTo(expected, offset(1e-9));
        assertThat(ratio.getDouble("goal").getValue()).isEqualTo(goal);
        assertThat(ratio.getString("goalIs").getValue()).isEqualTo(goalIs);
        assertThat(ratio.getBoolean("met").getValue()).isEqualTo(goalIs.equals("atLeast") ? value >= goal : value <= goal);
    }

    private static Map<String, Double> values(String key) {
        return report.getArray(key).stream().map(BsonValue::asDocument)
            .collect(Collectors.toMap(d -> d.getString("name").getValue(), d -> d.getNumber("value").doubleValue()));
    }
}
