package io.ddt.examples.bench;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import io.ddt.CopySettings;
import io.ddt.NamespaceFilter;
import io.ddt.mongo.MongoFullCopier;
import io.ddt.spi.CopyListener;
import io.ddt.spi.CopyState;

/**
 * The copier side of {@code full-copy}, run in a child JVM with a small heap: copies database
 * {@value CopyPlan#DATABASE} from {@code --source} to {@code --target} with
 * {@link MongoFullCopier} and reports figures {@code copy} (documents per second over the whole
 * {@code copy} call: planning, splitting, documents and indexes), {@code copy-elapsed},
 * {@code copy-documents}, {@code copy-cpu} (this JVM's CPU seconds over the same call) and
 * {@code copy-first-batch} (seconds until the first batch was written: planning and splitting,
 * while nothing is copied yet).
 *
 * <p>Copier settings come from the options; those not given keep the defaults of
 * {@link CopySettings}: {@code --threads}, {@code --batch-documents}, {@code --batch-bytes},
 * {@code --max-bytes-in-flight}, {@code --range-documents}.
 */
public final class FullCopyChild {

    private FullCopyChild() {
    }

    public static void main(String[] args) {
        ChildMain.run(args, (options, figures) -> {
            String source = required(options, "source");
            String target = required(options, "target");
            CopySettings settings = settings(options);
            try (MongoClient from = MongoClients.create(source); MongoClient to = MongoClients.create(target)) {
                MongoFullCopier copier = MongoFullCopier.builder(from, to)
                    .filter(NamespaceFilter.builder().include(CopyPlan.DATABASE + ".*").build()).settings(settings).build();
                Duration cpuBefore = cpu();
                long start = System.nanoTime();
                AtomicLong firstBatch = new AtomicLong();
                CopyState state = copier.copy(CopyState.empty(), new CopyListener() {
                    @Override
                    public void stateChanged(CopyState changed) {
                        if (changed.documents() > 0) {
                            firstBatch.compareAndSet(0, System.nanoTime());
                        }
                    }
                });
                double seconds = (System.nanoTime() - start) / 1e9;
                double cpuSeconds = cpu().minus(cpuBefore).toNanos() / 1e9;
                if (!state.isComplete()) {
                    throw new IllegalStateException("the copy returned an incomplete state: " + state);
                }
                figures.figure("copy", state.documents() / seconds, "docs/s");
                figures.figure("copy-elapsed", seconds, "s");
                figures.figure("copy-documents", state.documents(), "docs");
                figures.figure("copy-cpu", cpuSeconds, "s");
                figures.figure("copy-first-batch", (firstBatch.get() - start) / 1e9, "s");
            }
        });
    }

    /** The copier settings that the options name, the defaults for the rest. */
    static CopySettings settings(Options options) {
        CopySettings defaults = CopySettings.defaults();
        return CopySettings.builder().jobName("full-copy")
            .threads(options.getInt("threads", defaults.threads()))
            .batchDocuments(options.getInt("batch-documents", defaults.batchDocuments()))
            .batchBytes(options.getLong("batch-bytes", defaults.batchBytes()))
            .maxBytesInFlight(options.getLong("max-bytes-in-flight", defaults.maxBytesInFlight()))
            .rangeDocuments(options.getLong("range-documents", defaults.rangeDocuments()))
            .progressInterval(Duration.ofSeconds(options.getLong("progress-interval-s", 10)))
            .build();
    }

    /** This JVM's CPU time so far, every thread and the garbage collector included. */
    private static Duration cpu() {
        return ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    private static String required(Options options, String key) {
        String value = options.getString(key, null);
        if (value == null) {
            throw new IllegalArgumentException("--" + key + " is required");
        }
        return value;
    }
}
