package io.ddt.examples.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.bson.RawBsonDocument;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/**
 * {@code full-copy}: ddt's {@code MongoFullCopier}, in a child JVM with a small heap, copying
 * about 1 KB documents between two fake clusters, beside (a) a plain copy loop in one thread and
 * (b) the target's own insertMany rate with batches built in advance, all in one run.
 *
 * <p>Steps: fill the source ({@link CopyPlan}); (a) the plain loop over the first documents of
 * the source into a scratch database of the target, dropped; (b) on the target, warmed up by
 * (a) and an untimed insert, timed insertMany of prebuilt batches into another scratch
 * database, dropped; ddt copies everything ({@link FullCopyChild}); the harness checks counts
 * and a sample byte for byte ({@link CopyVerifier}) and fails the run if they differ. Each step
 * also records the CPU that each cluster's JVM spent on it, per document: on a small machine the
 * clusters share the cores with each other, and that bounds every rate.
 *
 * <p>Options: {@code --documents 1000000}, {@code --collections 4}, {@code --batch 1000} (fill,
 * (a) and (b)), {@code --fill-threads 2}, {@code --loop-documents 200000} (a),
 * {@code --reference-documents 200000} (b), {@code --warmup 20000} (b, untimed),
 * {@code --copier-heap 256m}, {@code --threads 4} and the other copier settings of
 * {@link FullCopyChild}, {@code --verify-sample 1000} per collection, {@code --verify-all false},
 * {@code --goal-insert 0.85}, {@code --goal-loop 1.2}, {@code --copy-timeout-min 60}.
 */
final class FullCopyBenchmark implements Benchmark {

    private static final double MB = 1024 * 1024;
    private static final int SOURCE = 0;
    private static final int TARGET = 1;
    /** Copier settings passed on to the child only when given, so that the child keeps ddt's defaults. */
    private static final List<String> COPIER_OPTIONS = List.of("batch-documents", "batch-bytes", "max-bytes-in-flight",
        "range-documents", "progress-interval-s");

    @Override
    public String name() {
        return "full-copy";
    }

    @Override
    public String description() {
        return "MongoFullCopier in a small heap vs a plain copy loop and the target's insertMany of prebuilt batches";
    }

    @Override
    public int clusters() {
        return 2;
    }

    /**
     * Measured: a fake holds a million of these documents and its oplog in 4.7 GB after a full
     * collection; 8 GB leaves room for the results that range reads hold while they are served.
     */
    @Override
    public String clusterHeap() {
        return "8g";
    }

    @Override
    public void run(BenchmarkContext context) throws Exception {
        Options options = context.options();
        CopyPlan plan = CopyPlan.of(options.getInt("documents", 1_000_000), options.getInt("collections", 4));
        int batch = positive(options, "batch", 1000);
        PrintStream out = context.out();
        try (MongoClient source = MongoClients.create(context.connectionString(SOURCE));
             MongoClient target = MongoClients.create(context.connectionString(TARGET))) {
            out.printf("  filling the source: %,d documents: %s%n", plan.documents(), plan);
            context.figures().reference("source-fill", plan.fill(source, batch, positive(options, "fill-threads", 2)), "docs/s");
            plainLoop(context, plan, source, target, batch);
            prebuiltInsertMany(context, plan, target, batch);
        }
        copy(context, plan);
        try (MongoClient source = MongoClients.create(context.connectionString(SOURCE));
             MongoClient target = MongoClients.create(context.connectionString(TARGET))) {
            verify(context, plan, source, target);
        }
    }

    private static void plainLoop(BenchmarkContext context, CopyPlan plan, MongoClient source, MongoClient target, int batch) {
        int loop = Math.min(positive(context.options(), "loop-documents", 200_000), plan.documents());
        context.out().printf("  (a) plain loop, one thread, find batch %,d then insertMany: %,d of the %,d documents%n",
            batch, loop, plan.documents());
        ClusterCpu cpu = ClusterCpu.start(context);
        try {
            context.figures().reference("plain-loop", CopyReferences.plainLoop(source, target, plan, loop, batch), "docs/s");
            context.figures().reference("plain-loop-source-cpu", cpu.microsPerDocument(SOURCE, loop), "us/doc");
            context.figures().reference("plain-loop-target-cpu", cpu.microsPerDocument(TARGET, loop), "us/doc");
        } finally {
            target.getDatabase(CopyReferences.LOOP_DATABASE).drop();
        }
    }

    private static void prebuiltInsertMany(BenchmarkContext context, CopyPlan plan, MongoClient target, int batch) {
        Options options = context.options();
        int documents = Math.min(positive(options, "reference-documents", 200_000), plan.documents());
        int warmup = options.getInt("warmup", Math.min(documents / 10, 20_000));
        context.out().printf("  (b) target insertMany of %,d prebuilt documents in batches of %,d (after %,d untimed)%n",
            documents, batch, warmup);
        try {
            CopyReferences.insertPrebuilt(target, CopyReferences.prebuild(0, warmup, batch));
            List<List<RawBsonDocument>> batches = CopyReferences.prebuild(warmup, documents, batch);
            ClusterCpu cpu = ClusterCpu.start(context);
            context.figures().reference("target-insertMany", CopyReferences.insertPrebuilt(target, batches), "docs/s");
            context.figures().reference("target-insertMany-target-cpu", cpu.microsPerDocument(TARGET, documents), "us/doc");
        } finally {
            target.getDatabase(CopyReferences.PREBUILT_DATABASE).drop();
        }
    }

    private static void copy(BenchmarkContext context, CopyPlan plan) throws InterruptedException {
        Options options = context.options();
        String heap = options.getString("copier-heap", "256m");
        List<String> settings = new ArrayList<>(List.of("--threads", Integer.toString(positive(options, "threads", 4))));
        for (String key : COPIER_OPTIONS) {
            if (options.has(key)) {
                settings.addAll(List.of("--" + key, options.getString(key, null)));
            }
        }
        context.out().printf("  ddt: MongoFullCopier copies %,d documents in a child JVM with -Xmx%s (%s)%n", plan.documents(),
            heap, String.join(" ", settings));
        ClusterCpu cpu = ClusterCpu.start(context);
        ChildResult child = context.childJvm(FullCopyChild.class, "copier").maxHeap(heap)
            .jvmArgs("-Dorg.slf4j.simpleLogger.log.io.ddt=info")
            .timeout(Duration.ofMinutes(options.getLong("copy-timeout-min", 60)))
            .args("--source", context.connectionString(SOURCE), "--target", context.connectionString(TARGET))
            .args(settings.toArray(String[]::new)).run().orThrow();
        recordCopy(context, plan, child, cpu, heap);
        if (child.outOfMemory()) {
            throw new BenchmarkException("the copier ran out of memory with -Xmx" + heap + "; see the log");
        }
    }

    private static void recordCopy(BenchmarkContext context, CopyPlan plan, ChildResult child, ClusterCpu cpu, String heap) {
        Options options = context.options();
        Figures figures = context.figures();
        double elapsed = child.value("copy-elapsed").orElse(Double.NaN);
        figures.figure("ddt-copy", child.value("copy").orElse(0), "docs/s");
        figures.figure("ddt-elapsed", elapsed, "s");
        figures.figure("ddt-until-first-batch", child.value("copy-first-batch").orElse(Double.NaN), "s");
        figures.figure("ddt-heap", child.peakHeapBytes() / MB, "MB");
        figures.figure("ddt-out-of-memory", child.outOfMemory() ? 1 : 0, "yes=1");
        figures.reference("copier-heap-limit", megabytes(heap), "MB");
        figures.figure("ddt-source-cpu", cpu.microsPerDocument(SOURCE, plan.documents()), "us/doc");
        figures.figure("ddt-target-cpu", cpu.microsPerDocument(TARGET, plan.documents()), "us/doc");
        double copierCpu = child.value("copy-cpu").orElse(Double.NaN);
        figures.figure("ddt-copier-cpu", copierCpu * 1e6 / plan.documents(), "us/doc");
        figures.figure("ddt-cores-busy", (cpu.seconds(SOURCE) + cpu.seconds(TARGET) + copierCpu) / elapsed, "cores");
        figures.ratio("ddt/target-insertMany", "ddt-copy", "target-insertMany", options.getDouble("goal-insert", 0.85));
        figures.ratio("ddt/plain-loop", "ddt-copy", "plain-loop", options.getDouble("goal-loop", 1.2));
        figures.ratioAtMost("ddt-heap/limit", "ddt-heap", "copier-heap-limit", 1.0);
    }

    private static void verify(BenchmarkContext context, CopyPlan plan, MongoClient source, MongoClient target) {
        Options options = context.options();
        boolean all = options.getBoolean("verify-all", false);
        int sample = positive(options, "verify-sample", 1000);
        context.out().printf("  verifying: counts per collection and %s%n",
            all ? "every document byte for byte" : "a sample of " + sample + " documents per collection byte for byte");
        long start = System.nanoTime();
        CopyVerifier.Result result = new CopyVerifier(source, target).verify(plan, sample, all);
        context.figures().figure("verified-documents", result.compared(), "docs");
        context.figures().figure("verify-elapsed", (System.nanoTime() - start) / 1e9, "s");
        if (!result.problems().isEmpty()) {
            throw new BenchmarkException("the copy differs from the source:\n  " + String.join("\n  ", result.problems()));
        }
    }

    /** An {@code -Xmx} value in MB: {@code 256m} is 256, {@code 1g} 1024, a bare number is bytes. */
    static double megabytes(String heap) {
        double value = Double.parseDouble(heap.replaceAll("[kKmMgG]$", ""));
        switch (Character.toLowerCase(heap.charAt(heap.length() - 1))) {
            case 'k': return value / 1024;
            case 'm': return value;
            case 'g': return value * 1024;
            default: return value / MB;
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
