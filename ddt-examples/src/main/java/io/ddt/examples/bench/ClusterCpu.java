package io.ddt.examples.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The CPU time each fake cluster's JVM spends over one step of a benchmark, garbage collection
 * included: on a small machine the clusters, not the code under test, may be what runs out of
 * cores, and this says so with figures. Started by {@link #start}; not thread-safe.
 */
final class ClusterCpu {

    private final BenchmarkContext context;
    private final List<Duration> start = new ArrayList<>();

    private ClusterCpu(BenchmarkContext context) {
        this.context = context;
        for (int i = 0; i < context.connectionStrings().size(); i++) {
            start.add(context.clusterCpu(i));
        }
    }

    /** Reads every cluster's CPU time now, as the start of a step. */
    static ClusterCpu start(BenchmarkContext context) {
        return new ClusterCpu(context);
    }

    /** Seconds of CPU that cluster {@code index} used since {@link #start}. */
    double seconds(int index) {
        return context.clusterCpu(index).minus(start.get(index)).toNanos() / 1e9;
    }

    /** Microseconds of CPU that cluster {@code index} used since {@link #start}, per document of the step. */
    double microsPerDocument(int index, long documents) {
        return seconds(index) * 1e6 / documents;
    }
}
