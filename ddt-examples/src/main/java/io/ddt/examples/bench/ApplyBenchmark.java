package io.ddt.examples.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

import io.ddt.Position;

/**
 * {@code apply}: ddt's streamer and applier replaying a source's writes onto a target, both fake
 * clusters in their own JVMs, beside (a) the same writes one at a time in one thread and (b) the
 * target's own bulk-write rate for the same writes built in advance, all in one run; then the lag
 * under a steady workload at half of ddt's measured rate.
 *
 * <p>Steps: seed the source and the target alike ({@link ApplyPlan}); write the events to the
 * source in ordered bulk writes of one collection each; (a) and (b) on scratch databases of the
 * target, seeded alike and dropped after; ddt replays the source's oplog from before the events to
 * after them and the harness checks that the target equals the source byte for byte; then a
 * workload writes at half ddt's rate while ddt follows it, and the lag of every batch is recorded
 * (source wall time of its oldest event to the moment the applier's watermark passes it).
 *
 * <p>Options: {@code --events 500000}, {@code --collections 5}, {@code --seeded 20000} documents
 * per collection, {@code --chunk 1000} writes per bulk write, {@code --seed 1},
 * {@code --loop-events 50000} (a), {@code --threads 8} (applier workers),
 * {@code --streamer oplog|change-stream}, {@code --lag-seconds 30}, {@code --lag-writers 4}, {@code --goal-loop 5},
 * {@code --goal-bulk 0.8}, {@code --goal-lag-p99 1}.
 */
final class ApplyBenchmark implements Benchmark {

    private static final String LOOP_DATABASE = "apply_reference_loop";
    private static final String BULK_DATABASE = "apply_reference_bulk";

    @Override
    public String name() {
        return "apply";
    }

    @Override
    public String description() {
        return "oplog streamer + MongoChangeApplier vs one write per event and the target's bulkWrite of prebuilt writes; lag";
    }

    @Override
    public int clusters() {
        return 2;
    }

    @Override
    public List<String> clusterArgs() {
        return List.of("--oplog-size", Long.toString(4L << 30));
    }

    @Override
    public void run(BenchmarkContext context) throws Exception {
        Options options = context.options();
        int events = positive(options, "events", 500_000);
        int chunk = positive(options, "chunk", 1000);
        ApplyPlan plan = new ApplyPlan(positive(options, "collections", 5), positive(options, "seeded", 20_000),
            options.getLong("seed", 1));
        List<String> names = IntStream.range(0, plan.collections()).mapToObj(ApplyPlan::name).toList();
        PrintStream out = context.out();
        try (MongoClient source = MongoClients.create(context.connectionString(0));
             MongoClient target = MongoClients.create(context.connectionString(1))) {
            out.printf("  seeding source and target: %d collections of %,d documents%n", plan.collections(),
                options.getInt("seeded", 20_000));
            plan.seed(source.getDatabase(ApplyPlan.DATABASE));
            plan.seed(target.getDatabase(ApplyPlan.DATABASE));
            List<ApplyPlan.Chunk> chunks = plan.chunks(events, chunk);
            Position before = SourceClock.newest(source);
            context.figures().reference("source-bulkWrite", ApplyReferences.bulkWrites(source.getDatabase(ApplyPlan.DATABASE),
                chunks), "events/s");
            Position after = SourceClock.newest(source);
            out.printf("  the source took %,d events: %s .. %s%n", events, before, after);
            references(context, plan, chunks, target);
            DdtApply ddt = new DdtApply(source, target, "change-stream".equals(options.getString("streamer", "oplog")),
                positive(options, "threads", 8));
            replay(context, ddt, before, after, events);
            verify(source, target, names, "after the replay");
            follow(context, ddt, plan, source, after, chunk);
            verify(source, target, names, "after the lag run");
        }
    }

    private static void references(BenchmarkContext context, ApplyPlan plan, List<ApplyPlan.Chunk> chunks, MongoClient target) {
        int loop = Math.min(positive(context.options(), "loop-events", 50_000), chunks.stream().mapToInt(c -> c.writes().size()).sum());
        MongoDatabase loopDatabase = target.getDatabase(LOOP_DATABASE);
        MongoDatabase bulkDatabase = target.getDatabase(BULK_DATABASE);
        try {
            plan.seed(loopDatabase);
            context.out().printf("  (a) one write per event, one thread: %,d events%n", loop);
            context.figures().reference("one-write-loop", ApplyReferences.oneWriteAtATime(loopDatabase, chunks, loop), "events/s");
            plan.seed(bulkDatabase);
            context.out().println("  (b) target bulkWrite of the same writes, built in advance");
            context.figures().reference("target-bulkWrite", ApplyReferences.bulkWrites(bulkDatabase, chunks), "events/s");
        } finally {
            loopDatabase.drop();
            bulkDatabase.drop();
        }
    }

    private static void replay(BenchmarkContext context, DdtApply ddt, Position before, Position after, int events)
        throws InterruptedException {
        context.out().printf("  ddt: streamer + MongoChangeApplier replay %,d events%n", events);
        ClusterCpu cpu = ClusterCpu.start(context);
        double harnessCpu = harnessCpuSeconds();
        long start = System.nanoTime();
        long applied = ddt.replay(before, after);
        double seconds = (System.nanoTime() - start) / 1e9;
        recordCores(context, "ddt-apply", cpu, harnessCpuSeconds() - harnessCpu, seconds);
        if (applied != events) {
            throw new BenchmarkException("ddt applied " + applied + " document events, the source took " + events);
        }
        Figures figures = context.figures();
        figures.figure("ddt-apply", applied / seconds, "events/s");
        figures.figure("ddt-apply-elapsed", seconds, "s");
        figures.ratio("ddt/one-write-loop", "ddt-apply", "one-write-loop", context.options().getDouble("goal-loop", 5));
        figures.ratio("ddt/target-bulkWrite", "ddt-apply", "target-bulkWrite", context.options().getDouble("goal-bulk", 0.8));
    }

    private static void follow(BenchmarkContext context, DdtApply ddt, ApplyPlan plan, MongoClient source, Position after,
                               int chunk) throws Exception {
        Figures figures = context.figures();
        double rate = figures.find("ddt-apply").orElseThrow().value() / 2;
        Duration length = Duration.ofSeconds(context.options().getLong("lag-seconds", 30));
        context.out().printf("  lag: a workload writes %,.0f events/s for %s while ddt follows%n", rate, length);
        int writers = positive(context.options(), "lag-writers", 4);
        LagRecorder lag = new LagRecorder();
        ClusterCpu cpu = ClusterCpu.start(context);
        double harnessCpu = harnessCpuSeconds();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(writers, r -> new Thread(r, "apply-lag-workload"));
        try {
            List<Future<Double>> workloads = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                workloads.add(pool.submit(() -> new SteadyWorkload(plan, source.getDatabase(ApplyPlan.DATABASE),
                    rate / writers, Math.min(chunk, Math.max(1, (int) (rate / writers / 100)))).run(length)));
            }
            ddt.follow(after, allOf(workloads), lag, Duration.ofMinutes(5));
            double achieved = 0;
            for (Future<Double> workload : workloads) {
                achieved += workload.get();
            }
            figures.figure("lag-workload", achieved, "events/s");
            recordCores(context, "lag", cpu, harnessCpuSeconds() - harnessCpu, (System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdownNow();
        }
        figures.figure("lag-p50", lag.percentile(0.50), "s");
        figures.figure("lag-p99", lag.percentile(0.99), "s");
        figures.figure("lag-max", lag.percentile(1.0), "s");
        figures.figure("lag-samples", lag.samples(), "batches");
        figures.reference("lag-goal", context.options().getDouble("goal-lag-p99", 1), "s");
        figures.ratioAtMost("lag-p99/goal", "lag-p99", "lag-goal", 1.0);
    }

    /**
     * Records the cores each JVM kept busy over a step: the source's, the target's and the
     * harness's (ddt's streamer and applier, and in the lag run the workload's writers), so a
     * reader can see whether the two cores, not ddt, were the limit.
     */
    private static void recordCores(BenchmarkContext context, String step, ClusterCpu cpu, double harnessCpu, double seconds) {
        Figures figures = context.figures();
        figures.figure(step + "-source-cores", cpu.seconds(0) / seconds, "cores");
        figures.figure(step + "-target-cores", cpu.seconds(1) / seconds, "cores");
        figures.figure(step + "-harness-cores", harnessCpu / seconds, "cores");
    }

    private static double harnessCpuSeconds() {
        return ProcessHandle.current().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(0.0);
    }

    /** A future that is done when every one of {@code futures} is, failing with the first failure. */
    private static Future<?> allOf(List<Future<Double>> futures) {
        return CompletableFuture.runAsync(() -> {
            for (Future<Double> future : futures) {
                try {
                    future.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new BenchmarkException("interrupted while the lag workload ran");
                } catch (ExecutionException e) {
                    throw new BenchmarkException("the lag workload failed: " + e.getCause());
                }
            }
        });
    }

    private static void verify(MongoClient source, MongoClient target, List<String> names, String when) {
        List<String> problems = SameContents.compare(source.getDatabase(ApplyPlan.DATABASE),
            target.getDatabase(ApplyPlan.DATABASE), names);
        if (!problems.isEmpty()) {
            throw new BenchmarkException("the target differs from the source " + when + ":\n  " + String.join("\n  ", problems));
        }
    }

    private static int positive(Options options, String key, int defaultValue) {
        int value = options.getInt(key, defaultValue);
        if (value < 1) {
            throw new IllegalArgumentException("--" + key + " must be positive, not " + value);
        }
        return value;
    }
}
