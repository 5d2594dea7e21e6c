package io.ddt.examples.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bson.BsonDocument;
import org.bson.BsonString;

/**
 * Runs one {@link Benchmark}: starts the fake clusters it asks for, each in a JVM of its own,
 * runs it, stops the clusters, prints the table of figures beside their references and writes
 * the JSON report.
 *
 * <pre>
 * mvn -q -B -pl ddt-examples -am compile exec:java -Dexec.mainClass=io.ddt.examples.bench.BenchmarkHarness \
 *     -Dexec.args="--benchmark fake-insert --documents 200000"
 * </pre>
 *
 * <p>Options: {@code --benchmark NAME} or {@code --list}; {@code --json PATH} (default
 * {@code target/bench/<name>-<timestamp>.json}, the children's output going to the same name
 * ending in {@code .log}); {@code --cluster-heap} (each cluster JVM's {@code -Xmx}, by default
 * the benchmark's {@link Benchmark#clusterHeap()});
 * {@code --cluster-ready-timeout-s 60}; every other {@code --key value} goes to the benchmark.
 * The children are stopped however the run ends, also on Ctrl-C. One run at a time per instance.
 */
public final class BenchmarkHarness {

    /** The directory of reports when {@code --json} is not given; exec:java sets it to the module's target/bench. */
    static final String DIR_PROPERTY = "ddt.bench.dir";

    private final PrintStream out;
    private final List<Benchmark> benchmarks;

    /** A harness that knows every benchmark of this module and prints to {@code out}. */
    public BenchmarkHarness(PrintStream out) {
        this(out, Benchmarks.all());
    }

    BenchmarkHarness(PrintStream out, List<Benchmark> benchmarks) {
        this.out = out;
        this.benchmarks = List.copyOf(benchmarks);
    }

    /** What a run left: the report and log files (empty for {@code --list}), the figures and the child processes. */
    public record Outcome(Optional<Path> json, Optional<Path> log, Figures figures, List<ProcessHandle> children) {
    }

    private static final String USAGE =
        "usage: BenchmarkHarness --benchmark NAME [--json PATH] [--cluster-heap 4g] [--key value ...] | --list";

    /** Runs the harness; exit code 2 for bad options, 1 for a failed run. */
    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("--help")) {
            System.out.println(USAGE);
            return;
        }
        try {
            new BenchmarkHarness(System.out).run(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
        } catch (BenchmarkException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
        }
    }

    /**
     * Runs the benchmark that the options name, or lists the benchmarks for {@code --list}.
     * Blocks until the run is over and its children are stopped.
     *
     * @throws IllegalArgumentException for bad or missing options, or an unknown benchmark
     * @throws BenchmarkException if a cluster does not start; the message holds its command and stderr
     * @throws Exception whatever the benchmark throws; the report is written all the same
     */
    public Outcome run(String... args) throws Exception {
        Options options = Options.parse(args);
        if (options.has("list")) {
            benchmarks.forEach(b -> out.printf("%-16s %d cluster(s)  %s%n", b.name(), b.clusters(), b.description()));
            return new Outcome(Optional.empty(), Optional.empty(), new Figures(), List.of());
        }
        Benchmark benchmark = find(options.getString("benchmark", null));
        String heap = options.getString("cluster-heap", benchmark.clusterHeap());
        if (!heap.matches("\\d+[kKmMgG]?")) {
            throw new IllegalArgumentException("--cluster-heap takes an -Xmx value such as 4g or 512m, not '" + heap + "'");
        }
        Duration readyTimeout = Duration.ofSeconds(options.getLong("cluster-ready-timeout-s", 60));
        Instant startedAt = Instant.now();
        Path json = Path.of(options.getString("json", defaultJson(benchmark.name())));
        Path logFile = json.resolveSibling(json.getFileName().toString().replaceFirst("\\.json$", "") + ".log");
        Figures figures = new Figures();
        List<ProcessHandle> handles;
        try (LogSink log = new LogSink(logFile)) {
            ChildProcesses children = new ChildProcesses(Duration.ofSeconds(10));
            String error = null;
            try {
                out.printf("%s: %s%n  %d fake cluster(s) of -Xmx%s; their output goes to %s%n", benchmark.name(),
                    benchmark.description(), benchmark.clusters(), heap, logFile);
                List<ClusterProcess> clusters = startClusters(benchmark, heap, readyTimeout, log, children);
                benchmark.run(new BenchmarkContext(clusters.stream().map(ClusterProcess::connectionString).toList(),
                    clusters.stream().map(ClusterProcess::handle).toList(), options, figures, out, log, children));
            } catch (Exception | Error e) {
                error = e.toString();
                throw e;
            } finally {
                children.close();
                handles = children.handles();
                finish(benchmark, startedAt, options, figures, json, error);
            }
        }
        return new Outcome(Optional.of(json), Optional.of(logFile), figures, handles);
    }

    private Benchmark find(String name) {
        if (name == null) {
            throw new IllegalArgumentException("say which benchmark to run with --benchmark NAME, or see them all with --list");
        }
        return benchmarks.stream().filter(b -> b.name().equals(name)).findFirst().orElseThrow(() -> new IllegalArgumentException(
            "no benchmark named '" + name + "'; there are " + benchmarks.stream().map(Benchmark::name).toList()));
    }

    /** Launches every cluster before waiting for any, so that they start in parallel; returns them ready. */
    private static List<ClusterProcess> startClusters(Benchmark benchmark, String heap, Duration readyTimeout, LogSink log,
                                                      ChildProcesses children) throws InterruptedException {
        List<ClusterProcess> clusters = new ArrayList<>();
        for (int i = 1; i <= benchmark.clusters(); i++) {
            clusters.add(ClusterProcess.launch("cluster-" + i, heap, benchmark.clusterArgs(), log, children));
        }
        for (ClusterProcess cluster : clusters) {
            cluster.awaitReady(readyTimeout);
        }
        return clusters;
    }

    private void finish(Benchmark benchmark, Instant startedAt, Options options, Figures figures, Path json, String error) {
        Report.print(out, benchmark.name(), figures);
        BsonDocument report = Report.toBson(benchmark.name(), startedAt, options.used(), figures);
        if (error != null) {
            report.append("error", new BsonString(error));
            out.println("  the run failed: " + error.lines().findFirst().orElse(error));
        }
        Report.write(json, report);
        out.println("  report: " + json);
        if (!options.unused().isEmpty()) {
            out.println("  warning: options nobody read (typos?): " + options.unused());
        }
    }

    private static String defaultJson(String name) {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        return Path.of(System.getProperty(DIR_PROPERTY, "target/bench"), name + "-" + stamp + ".json").toString();
    }
}
