package io.ddt.examples.bench;

import java.util.List;

/** The benchmarks that {@link BenchmarkHarness} knows by name. Add new ones here. */
final class Benchmarks {

    private Benchmarks() {
    }

    /** New instances each time, so runs never share state. */
    static List<Benchmark> all() {
        return List.of(new FakeInsertBenchmark(), new FullCopyBenchmark(), new ApplyBenchmark());
    }
}
