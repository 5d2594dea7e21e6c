package io.ddt.examples.bench;

import java.util.concurrent.atomic.AtomicBoolean;

import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.BsonString;

/**
 * The child side of {@link ChildJvm}: a main class calls {@link #run} with its arguments and a
 * body that records figures. The peak heap is measured over the body alone; an
 * {@code OutOfMemoryError}, in the body or in any thread, is reported rather than fatal.
 *
 * <pre>
 * public static void main(String[] args) {
 *     ChildMain.run(args, (options, figures) -&gt; figures.figure("rate", measure(options), "docs/s"));
 * }
 * </pre>
 */
public final class ChildMain {

    /** The prefix of the last line the child prints: {@code FIGURES {json}}. */
    public static final String FIGURES_LINE = "FIGURES ";
    /** The exit code of a child that ran out of heap. */
    public static final int OUT_OF_MEMORY_EXIT = 3;

    private ChildMain() {
    }

    /** What the child measures. */
    @FunctionalInterface
    public interface Body {
        /**
         * @param options the child's {@code --key value} arguments
         * @param figures where to record figures and references
         * @throws Exception anything that fails the child: exit code 1, stack trace on stderr
         */
        void run(Options options, Figures figures) throws Exception;
    }

    /**
     * Runs the body, prints {@code FIGURES {figures, references, peakHeapBytes, outOfMemory,
     * error?}} as the last line of standard output and exits the JVM: 0 on success, 3 after an
     * {@code OutOfMemoryError}, 1 after any other failure, 2 for bad arguments.
     */
    public static void run(String[] args, Body body) {
        AtomicBoolean outOfMemory = new AtomicBoolean();
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            outOfMemory.compareAndSet(false, e instanceof OutOfMemoryError);
            e.printStackTrace();
        });
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
            return;
        }
        Figures figures = new Figures();
        String error = null;
        // Start from a collected heap, so start-up garbage does not count in the peak.
        System.gc();
        PeakHeap.reset();
        try {
            body.run(options, figures);
        } catch (OutOfMemoryError e) {
            outOfMemory.set(true);
            e.printStackTrace();
        } catch (Exception | Error e) {
            e.printStackTrace();
            error = e.toString();
        }
        BsonDocument report = figures.toBson().append("peakHeapBytes", new BsonInt64(PeakHeap.bytes()))
            .append("outOfMemory", BsonBoolean.valueOf(outOfMemory.get()));
        if (error != null) {
            report.append("error", new BsonString(error));
        }
        System.out.println(FIGURES_LINE + report.toJson());
        System.out.flush();
        System.exit(outOfMemory.get() ? OUT_OF_MEMORY_EXIT : error == null ? 0 : 1);
    }
}
