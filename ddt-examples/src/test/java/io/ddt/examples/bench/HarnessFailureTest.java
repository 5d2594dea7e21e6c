package io.ddt.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HarnessFailureTest {

    @TempDir
    Path dir;

    @Test
    void aClusterThatCannotStartFailsTheRunWithItsCommandAndStderr() throws Exception {
        TestBenchmark benchmark = new TestBenchmark(List.of("--oplog-size", "lots"), null);
        Path json = dir.resolve("bad.json");

        assertThatThrownBy(() -> harness(benchmark).run("--benchmark", "test", "--cluster-heap", "64m", "--json", json.toString()))
            .isInstanceOf(BenchmarkException.class)
            .hasMessageContaining("fake cluster cluster-1 exited with code 2 before it was ready")
            .hasMessageContaining("-Xmx64m -cp <class path of ")
            .hasMessageContaining("io.ddt.testkit.FakeClusterLauncher --port 0 --oplog-size lots")
            .hasMessageContaining("error: --oplog-size takes a number, not 'lots'")
            .hasMessageContaining(dir.resolve("bad.log").toString());
        assertThat(benchmark.ran).isFalse();
        assertThat(BsonDocument.parse(Files.readString(json)).getString("error").getValue()).contains("exited with code 2");
    }

    @Test
    void stopsTheClustersWhenTheBenchmarkFails() throws Exception {
        TestBenchmark benchmark = new TestBenchmark(List.of(), new IllegalStateException("measurement broke"));

        assertThatThrownBy(() -> harness(benchmark).run("--benchmark", "test", "--cluster-heap", "128m", "--json",
            dir.resolve("fail.json").toString())).hasMessage("measurement broke");
        assertThat(benchmark.ran).isTrue();
        assertThat(benchmark.handles).hasSize(1).noneMatch(ProcessHandle::isAlive);
    }

    @Test
    void givesUpOnAClusterThatIsNotReadyInTimeAndStopsIt() throws Exception {
        try (LogSink log = new LogSink(dir.resolve("slow.log")); ChildProcesses children = new ChildProcesses(Duration.ofSeconds(5))) {
            ClusterProcess cluster = ClusterProcess.launch("cluster-1", "64m", List.of(), log, children);

            assertThatThrownBy(() -> cluster.awaitReady(Duration.ofMillis(1))).isInstanceOf(BenchmarkException.class)
                .hasMessageContaining("fake cluster cluster-1 printed no READY line within 1 ms")
                .hasMessageContaining("FakeClusterLauncher --port 0");
            assertThat(cluster.handle().isAlive()).isFalse();
        }
    }

    private static BenchmarkHarness harness(Benchmark benchmark) {
        return new BenchmarkHarness(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), List.of(benchmark));
    }

    /** One cluster with the given launcher flags; records that it ran and which children were up, then throws if told. */
    private static final class TestBenchmark implements Benchmark {
        private final List<String> clusterArgs;
        private final RuntimeException failure;
        private final List<ProcessHandle> handles = new ArrayList<>();
        private boolean ran;

        TestBenchmark(List<String> clusterArgs, RuntimeException failure) {
            this.clusterArgs = clusterArgs;
            this.failure = failure;
        }

        @Override
        public String name() {
            return "test";
        }

        @Override
        public String description() {
            return "a benchmark for the harness's own tests";
        }

        @Override
        public int clusters() {
            return 1;
        }

        @Override
        public List<String> clusterArgs() {
            return clusterArgs;
        }

        @Override
        public void run(BenchmarkContext context) {
            ran = true;
            assertThat(context.connectionString(0)).startsWith("mongodb://127.0.0.1:");
            ProcessHandle.current().children().filter(ProcessHandle::isAlive).forEach(handles::add);
            if (failure != null) {
                throw failure;
            }
        }
    }
}
