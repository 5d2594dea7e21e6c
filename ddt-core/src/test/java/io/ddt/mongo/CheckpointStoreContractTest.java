package io.ddt.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.ddt.spi.Checkpoint;
import io.ddt.spi.CheckpointStore;
import io.ddt.spi.SampleCheckpoints;

/** What every store promises, shown on the in-memory and the file store. */
class CheckpointStoreContractTest {

    private static final int SAVES = 100;

    @TempDir
    Path directory;

    static Stream<Arguments> stores() {
        return Stream.of(Arguments.of("in memory", (Function<Path, CheckpointStore>) dir -> CheckpointStores.inMemory()),
            Arguments.of("file", (Function<Path, CheckpointStore>) CheckpointStores::file));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void loadsWhatWasSavedLastAndNothingAfterADelete(String name, Function<Path, CheckpointStore> kind) {
        CheckpointStore store = kind.apply(directory);
        assertThat(store.load("orders-sync")).isEmpty();

        store.save(SampleCheckpoints.streaming("orders-sync", 1));
        store.save(SampleCheckpoints.streaming("orders-sync", 2));

        assertThat(store.load("orders-sync")).contains(SampleCheckpoints.streaming("orders-sync", 2));
        store.delete("orders-sync");
        store.delete("orders-sync");
        assertThat(store.load("orders-sync")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void concurrentSavesOfTwoJobsNeverShowReadersAMixOrAStepBack(String name, Function<Path, CheckpointStore> kind)
        throws Exception {
        CheckpointStore store = kind.apply(directory);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        AtomicBoolean writing = new AtomicBoolean(true);
        try {
            List<Future<?>> writers = List.of(threads.submit(() -> saveAll(store, "job-a")), threads.submit(() -> saveAll(store, "job-b")));
            List<Future<Integer>> readers = List.of(threads.submit(() -> readWhile(store, "job-a", writing)),
                threads.submit(() -> readWhile(store, "job-b", writing)));
            for (Future<?> writer : writers) {
                writer.get(30, TimeUnit.SECONDS);
            }
            writing.set(false);
            for (Future<Integer> reader : readers) {
                assertThat(reader.get(30, TimeUnit.SECONDS)).as("loads that saw a checkpoint").isPositive();
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(store.load("job-a")).contains(SampleCheckpoints.streaming("job-a", SAVES - 1));
        assertThat(store.load("job-b")).contains(SampleCheckpoints.streaming("job-b", SAVES - 1));
    }

    private static void saveAll(CheckpointStore store, String job) {
        for (int i = 0; i < SAVES; i++) {
            store.save(SampleCheckpoints.streaming(job, i));
        }
    }

    /** Loads until after the writers are done; each load must be a whole checkpoint of this job, never older than the last. */
    private static int readWhile(CheckpointStore store, String job, AtomicBoolean writing) {
        long last = -1;
        int seen = 0;
        boolean more;
        do {
            more = writing.get(); // read first, so that one load surely follows the last save
            Optional<Checkpoint> loaded = store.load(job);
            if (loaded.isPresent()) {
                long applied = SampleCheckpoints.appliedSeconds(loaded.get());
                assertThat(loaded.get()).isEqualTo(SampleCheckpoints.streaming(job, applied));
                assertThat(applied).isGreaterThanOrEqualTo(last);
                last = applied;
                seen++;
            }
        } while (more);
        return seen;
    }
}
