package io.ddt.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchmarkHarnessTest {

    @TempDir
    static Path dir;
    static BenchmarkHarness.Outcome outcome;
    static String printed;

    @BeforeAll
    static void runFakeInsertOnRealChildJvms() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        outcome = new BenchmarkHarness(new PrintStream(bytes, true, StandardCharsets.UTF_8)).run("--benchmark", "fake-insert",
            "--documents", "2000", "--cluster-heap", "256m", "--json", dir.resolve("insert.json").toString());
        printed = bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void writesAJsonReportWithFiguresReferencesAndTheRatio() throws Exception {
        BsonDocument report = BsonDocument.parse(Files.readString(dir.resolve("insert.json")));

        assertThat(report.getString("benchmark").getValue()).isEqualTo("fake-insert");
        assertThat(report.getDocument("options").getString("documents").getValue()).isEqualTo("2000");
        assertThat(report.getDocument("machine").getInt32("cores").getValue()).isPositive();
        Map<String, Double> figures = values(report, "figures");
        Map<String, Double> references = values(report, "references");
        assertThat(figures).containsKeys("insertMany", "child-heap", "child-insertMany");
        assertThat(figures.get("insertMany")).isPositive();
        assertThat(figures.get("child-heap")).isBetween(1.0, 128.0);
        assertThat(references.get("insertOne")).isPositive();
        BsonDocument ratio = report.getArray("ratios").get(0).asDocument();
        assertThat(ratio.getString("name").getValue()).isEqualTo("insertMany/insertOne");
        assertThat(ratio.getDouble("value").getValue()).isCloseTo(figures.get("insertMany") / references.get("insertOne"),
            org.assertj.core.data.Offset.offset(1e-9));
        assertThat(ratio.getBoolean("met").getValue()).isEqualTo(ratio.getDouble("value").getValue() >= 2);
    }

    @Test
    void printsEachFigureBesideItsReferenceAndGoal() {
        assertThat(printed).containsPattern("insertMany +[\\d,]+ docs/s +insertOne +[\\d,]+ docs/s +[\\d.,]+ +>= 2 +(yes|NO)")
            .containsPattern("child-heap +[\\d.]+ MB");
    }

    @Test
    void stopsEveryChildJvmWhenTheRunEnds() {
        assertThat(outcome.children()).hasSize(2).noneMatch(ProcessHandle::isAlive);
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
            .map(h -> h.info().commandLine().orElse(""))).noneMatch(line -> line.contains("FakeClusterLauncher"));
    }

    @Test
    void drainsTheChildrensOutputToTheLogBesideTheReport() throws Exception {
        assertThat(outcome.log()).contains(dir.resolve("insert.log"));
        assertThat(Files.readString(dir.resolve("insert.log"))).contains("[cluster-1-out] READY mongodb://127.0.0.1:")
            .contains("[insert-child-out] FIGURES {");
    }

    @Test
    void listsTheBenchmarksByName() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BenchmarkHarness.Outcome listed = new BenchmarkHarness(new PrintStream(bytes, true, StandardCharsets.UTF_8)).run("--list");

        assertThat(bytes.toString(StandardCharsets.UTF_8)).startsWith("fake-insert ").contains("1 cluster(s)");
        assertThat(listed.json()).isEmpty();
    }

    @Test
    void rejectsAnUnknownBenchmarkNamingTheKnownOnes() {
        assertThatThrownBy(() -> new BenchmarkHarness(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
            .run("--benchmark", "fake-insret")).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("no benchmark named 'fake-insret'; there are [fake-insert, full-copy, apply]");
    }

    private static Map<String, Double> values(BsonDocument report, String key) {
        List<BsonValue> list = report.getArray(key);
        return list.stream().map(BsonValue::asDocument)
            .collect(Collectors.toMap(d -> d.getString("name").getValue(), d -> d.getNumber("value").doubleValue()));
    }
}
