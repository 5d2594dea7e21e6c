package io.ddt.examples.bench;

import java.util.List;

/**
 * One benchmark that {@link BenchmarkHarness} can run: it names itself, says how many fake
 * clusters it needs, and records its figures through the {@link BenchmarkContext} it is given.
 *
 * <p>The harness calls every method from its main thread. {@link #run} may start its own
 * threads but must end them before it returns. An exception from {@code run} fails the run:
 * the harness still stops the clusters, prints what was recorded and exits non-zero.
 * Implementations must have no static mutable state, so two runs in one JVM (as in the tests)
 * never see each other.
 */
public interface Benchmark {

    /** The name given to {@code --benchmark}: lower case, words joined by '-'. */
    String name();

    /** One line saying what is measured against what, for {@code --list} and the report. */
    String description();

    /** How many fake clusters the harness starts, each in its own JVM, before {@link #run}. */
    int clusters();

    /**
     * Extra flags for each {@code FakeClusterLauncher} child, such as
     * {@code --oplog-size 1073741824}. None by default.
     */
    default List<String> clusterArgs() {
        return List.of();
    }

    /**
     * The {@code -Xmx} of each fake-cluster JVM when {@code --cluster-heap} is not given:
     * {@code 4g} unless the benchmark's data needs more.
     */
    default String clusterHeap() {
        return "4g";
    }

    /**
     * Measures and records figures. Blocks until the measurement is done.
     *
     * @param context the clusters' connection strings, the options and the figures recorder
     * @throws Exception anything that ends the measurement; the harness reports it
     */
    void run(BenchmarkContext context) throws Exception;
}
