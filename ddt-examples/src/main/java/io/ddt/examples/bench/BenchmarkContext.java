package io.ddt.examples.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

/**
 * What {@link BenchmarkHarness} hands a {@link Benchmark}: the connection strings of the fake
 * clusters it started (each in its own JVM), the run's options, the figures recorder, a stream
 * for progress lines, and {@link #childJvm} for measuring a piece of the benchmark in a JVM of
 * its own. Thread-safe; valid only during {@link Benchmark#run}.
 */
public final class BenchmarkContext {

    private final List<String> connectionStrings;
    private final List<ProcessHandle> clusters;
    private final Options options;
    private final Figures figures;
    private final PrintStream out;
    private final LogSink log;
    private final ChildProcesses children;

    BenchmarkContext(List<String> connectionStrings, List<ProcessHandle> clusters, Options options, Figures figures,
                     PrintStream out, LogSink log, ChildProcesses children) {
        this.connectionStrings = List.copyOf(connectionStrings);
        this.clusters = List.copyOf(clusters);
        this.options = options;
        this.figures = figures;
        this.out = out;
        this.log = log;
        this.children = children;
    }

    /** One connection string per cluster asked for by {@link Benchmark#clusters()}, in order. */
    public List<String> connectionStrings() {
        return connectionStrings;
    }

    /**
     * The connection string of cluster {@code index} (from 0).
     *
     * @throws IllegalArgumentException if the benchmark did not ask for that many clusters
     */
    public String connectionString(int index) {
        if (index < 0 || index >= connectionStrings.size()) {
            throw new IllegalArgumentException("cluster " + index + " does not exist; the benchmark asked for "
                + connectionStrings.size() + " (see Benchmark.clusters())");
        }
        return connectionStrings.get(index);
    }

    /**
     * The CPU time that the JVM of cluster {@code index} (from 0) has used since it started, all
     * its threads (the garbage collector's too) counted: read it before and after a step to see
     * what the step cost the cluster. Zero where the operating system does not say.
     *
     * @throws IllegalArgumentException if the benchmark did not ask for that many clusters
     */
    public Duration clusterCpu(int index) {
        connectionString(index);
        return clusters.get(index).info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /** The run's {@code --key value} options. */
    public Options options() {
        return options;
    }

    /** Where figures, references and ratios are recorded. */
    public Figures figures() {
        return figures;
    }

    /** Where progress lines go (standard output, or the test's stream). */
    public PrintStream out() {
        return out;
    }

    /**
     * A child JVM running {@code mainClass} with this program's class path, its output in the
     * run's log under {@code tag}, and stopped with the clusters if the run is interrupted.
     */
    public ChildJvm childJvm(Class<?> mainClass, String tag) {
        return ChildJvm.of(mainClass).log(log, tag).trackedBy(children);
    }
}
