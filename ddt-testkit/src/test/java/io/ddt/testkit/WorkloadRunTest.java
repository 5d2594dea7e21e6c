package io.ddt.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How a workload runs: rate, limits, its own thread and the handle that stops it. */
class WorkloadRunTest {

    private final PlainMongoServer server = new PlainMongoServer();

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void rateOf200PerSecondOverOneSecondStaysWithin25Percent() {
        Workload workload = builder().operationsPerSecond(200).duration(Duration.ofSeconds(1)).build();
        workload.applyOne(); // loads the initial documents and warms the connection outside the measured second

        long start = System.nanoTime();
        WorkloadStats stats = workload.run();
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(stats.operations() - 1).isBetween(150L, 250L);
        assertThat(elapsedMillis).isBetween(900L, 1_300L);
    }

    @Test
    void runEndsAfterMaxOperations() {
        Workload workload = builder().maxOperations(37).build();

        assertThat(workload.run().operations()).isEqualTo(37);
        assertThat(workload.run().operations()).isEqualTo(74);
    }

    @Test
    void closingTheHandleStopsABusyWorkloadWithinOneSecond() throws InterruptedException {
        Workload workload = builder().build();
        WorkloadHandle handle = workload.start();
        assertThat(handle.awaitOperations(50, Duration.ofSeconds(5))).isTrue();

        long start = System.nanoTime();
        handle.close();

        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1_000);
        assertThat(handle.isRunning()).isFalse();
        assertThat(threadNamed(handle.threadName())).isNull();
        long stopped = handle.stats().operations();
        Thread.sleep(50);
        assertThat(workload.stats().operations()).isEqualTo(stopped);
    }

    @Test
    void closingTheHandleWakesAWorkloadWaitingForItsNextToken() throws InterruptedException {
        Workload workload = builder().operationsPerSecond(0.2).build();
        WorkloadHandle handle = workload.start();
        assertThat(handle.awaitOperations(1, Duration.ofSeconds(5))).isTrue();

        long start = System.nanoTime();
        handle.close();

        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1_000);
        assertThat(handle.isRunning()).isFalse();
    }

    @Test
    void startRunsOnANamedDaemonThreadAndCountsPerKind() throws InterruptedException {
        Workload workload = builder().build();
        try (WorkloadHandle handle = workload.start()) {
            assertThat(handle.awaitOperations(200, Duration.ofSeconds(5))).isTrue();
            Thread thread = threadNamed(handle.threadName());

            assertThat(handle.threadName()).isEqualTo("ddt-workload-1");
            assertThat(thread).isNotNull();
            assertThat(thread.isDaemon()).isTrue();
            WorkloadStats stats = handle.stats();
            assertThat(stats.countsByOperation().values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(stats.operations());
        }
        try (WorkloadHandle again = workload.start()) {
            assertThat(again.threadName()).isEqualTo("ddt-workload-2");
        }
    }

    @Test
    void rateLimitedWorkloadSleepsInsteadOfSpinning() throws InterruptedException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Workload workload = builder().operationsPerSecond(2).build();
        try (WorkloadHandle handle = workload.start()) {
            assertThat(handle.awaitOperations(1, Duration.ofSeconds(5))).isTrue();
            long id = threadNamed(handle.threadName()).getId();
            long cpuBefore = threads.getThreadCpuTime(id);
            Thread.sleep(400);

            assertThat(threads.getThreadCpuTime(id) - cpuBefore).isLessThan(50_000_000L);
        }
    }

    @Test
    void awaitOperationsReturnsFalseAtOnceWhenTheWorkloadEndsShort() throws InterruptedException {
        try (WorkloadHandle handle = builder().maxOperations(10).build().start()) {
            long start = System.nanoTime();

            assertThat(handle.awaitOperations(1_000, Duration.ofSeconds(10))).isFalse();
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5_000);
            assertThat(handle.stats().operations()).isEqualTo(10);
            assertThat(handle.failure()).isEmpty();
        }
    }

    @Test
    void aRunningWorkloadRefusesASecondRun() throws InterruptedException {
        Workload workload = builder().build();
        try (WorkloadHandle handle = workload.start()) {
            handle.awaitOperations(1, Duration.ofSeconds(5));

            assertThatThrownBy(workload::applyOne).isInstanceOf(IllegalStateException.class).hasMessageContaining("already running");
            assertThatThrownBy(workload::start).isInstanceOf(IllegalStateException.class);
        }
        assertThat(workload.applyOne()).isNotNull();
    }

    @Test
    void runWithoutAnEndIsRefused() {
        Workload workload = builder().build();

        assertThatThrownBy(workload::run).isInstanceOf(IllegalStateException.class).hasMessageContaining("maxOperations");
    }

    @Test
    void builderRejectsBadArgumentsNamingThem() {
        WorkloadBuilder builder = builder();

        assertThatThrownBy(() -> builder.namespaces("nodot")).hasMessageContaining("namespace");
        assertThatThrownBy(() -> builder.namespaces("a.b", "a.b")).hasMessageContaining("distinct");
        assertThatThrownBy(() -> builder.documentSize(100, 200)).hasMessageContaining("documentSize");
        assertThatThrownBy(() -> builder.operationsPerSecond(0)).hasMessageContaining("operationsPerSecond");
        assertThatThrownBy(() -> builder.weight(WorkloadOperation.DELETE_ONE, -1)).hasMessageContaining("DELETE_ONE");
        assertThatThrownBy(() -> builder.weights(Map.of()).build()).isInstanceOf(IllegalStateException.class);
    }

    private WorkloadBuilder builder() {
        return Workload.builder(server.client()).namespaces("load.test").initialDocuments(20)
            .weight(WorkloadOperation.UPDATE_PIPELINE, 0);
    }

    private static Thread threadNamed(String name) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(name)).findFirst().orElse(null);
    }
}
