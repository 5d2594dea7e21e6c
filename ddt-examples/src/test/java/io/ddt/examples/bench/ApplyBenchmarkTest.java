package io.ddt.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;

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

/** {@code apply} end to end on real child JVMs, at a size that takes seconds. */
class ApplyBenchmarkTest {

    @TempDir
    static Path dir;
    static BsonDocument report;
    static String printed;

    @BeforeAll
    static void runApplyOnFiveThousandEvents() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new BenchmarkHarness(new PrintStream(bytes, true, StandardCharsets.UTF_8)).run("--benchmark", "apply",
            "--events", "5000", "--seeded", "500", "--loop-events", "1000", "--lag-seconds", "2", "--cluster-heap", "512m",
            "--json", dir.resolve("apply.json").toString());
        printed = bytes.toString(StandardCharsets.UTF_8);
        report = BsonDocument.parse(Files.readString(dir.resolve("apply.json")));
    }

    @Test
    void recordsDdtsRateAndLagBesideBothReferencesAfterCheckingTheTarget() {
        Map<String, Double> figures = values("figures");
        Map<String, Double> references = values("references");

        assertThat(report.containsKey("error")).as("the run failed: %s\n%s", report.get("error"), printed).isFalse();
        assertThat(figures).containsKeys("ddt-apply", "ddt-apply-elapsed", "lag-p50", "lag-p99", "lag-max", "lag-samples",
            "lag-workload", "ddt-apply-source-cores", "ddt-apply-target-cores", "ddt-apply-harness-cores", "lag-source-cores",
            "lag-target-cores", "lag-harness-cores");
        assertThat(figures.get("ddt-apply-target-cores")).isPositive();
        assertThat(figures.get("ddt-apply")).isPositive();
        assertThat(figures.get("lag-samples")).isPositive();
        assertThat(figures.get("lag-p99")).isBetween(0.0, 60.0).isGreaterThanOrEqualTo(figures.get("lag-p50"));
        assertThat(references).containsKeys("source-bulkWrite", "one-write-loop", "target-bulkWrite", "lag-goal");
        assertThat(references.get("one-write-loop")).isPositive();
        assertThat(references.get("target-bulkWrite")).isPositive();
    }

    @Test
    void recordsTheThreeGoals() {
        Map<String, BsonDocument> ratios = report.getArray("ratios").stream().map(BsonValue::asDocument)
            .collect(Collectors.toMap(r -> r.getString("name").getValue(), r -> r));

        assertThat(ratios).containsOnlyKeys("ddt/one-write-loop", "ddt/target-bulkWrite", "lag-p99/goal");
        assertThat(ratios.get("ddt/one-write-loop").getDouble("goal").getValue()).isEqualTo(5.0);
        assertThat(ratios.get("ddt/target-bulkWrite").getDouble("goal").getValue()).isEqualTo(0.8);
        assertThat(ratios.get("lag-p99/goal").getString("goalIs").getValue()).isEqualTo("atMost");
    }

    private static Map<String, Double> values(String key) {
        return report.getArray(key).stream().map(BsonValue::asDocument)
            .collect(Collectors.toMap(d -> d.getString("name").getValue(), d -> d.getNumber("value").doubleValue()));
    }
}
