package io.ddt.examples.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.json.JsonParseException;

/**
 * Runs a main class of this program in a child JVM with its own {@code -Xmx}, and reads back
 * what its {@link ChildMain} reported: figures, peak heap, and whether it ran out of heap. This
 * is how a benchmark shows that a piece of ddt works in a small heap.
 *
 * <pre>
 * ChildResult result = context.childJvm(CopyChild.class).maxHeap("256m").args("--uri", uri).run().orThrow();
 * </pre>
 *
 * <p>Configure, then {@link #run()}; not thread-safe; each run starts a new JVM. The child's
 * output goes to the run's log. Defaults: {@code -Xmx256m}, no arguments, a 10-minute timeout.
 */
public final class ChildJvm {

    private final String mainClass;
    private String maxHeap = "256m";
    private final List<String> jvmArgs = new ArrayList<>();
    private final List<String> args = new ArrayList<>();
    private Duration timeout = Duration.ofMinutes(10);
    private String label;
    private LogSink log;
    private ChildProcesses children;

    private ChildJvm(String mainClass) {
        this.mainClass = mainClass;
        this.label = mainClass.substring(mainClass.lastIndexOf('.') + 1);
    }

    /** A child that runs {@code mainClass}, whose main should call {@link ChildMain#run}. */
    public static ChildJvm of(Class<?> mainClass) {
        return new ChildJvm(mainClass.getName());
    }

    /** The child's {@code -Xmx} value, such as {@code 256m} or {@code 4g}. */
    public ChildJvm maxHeap(String heap) {
        if (heap == null || !heap.matches("\\d+[kKmMgG]?")) {
            throw new IllegalArgumentException("maxHeap takes an -Xmx value such as 256m or 4g, not '" + heap + "'");
        }
        this.maxHeap = heap;
        return this;
    }

    /** Arguments for the child's main; each call adds. */
    public ChildJvm args(String... more) {
        args.addAll(List.of(more));
        return this;
    }

    /** JVM options before the main class, such as {@code -XX:+UseSerialGC}; each call adds. */
    public ChildJvm jvmArgs(String... more) {
        jvmArgs.addAll(List.of(more));
        return this;
    }

    /** How long the child may run before it is killed and {@link #run()} fails. */
    public ChildJvm timeout(Duration limit) {
        if (limit == null || limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, not " + limit);
        }
        this.timeout = limit;
        return this;
    }

    /** Where the child's output goes, tagged with {@code label}; without a log it is only kept for errors. */
    public ChildJvm log(LogSink sink, String tag) {
        this.log = sink;
        this.label = Objects.requireNonNull(tag, "tag");
        return this;
    }

    ChildJvm trackedBy(ChildProcesses processes) {
        this.children = processes;
        return this;
    }

    /**
     * Starts the child and waits for it to end.
     *
     * @return what it reported; check {@link ChildResult#succeeded()} or call {@link ChildResult#orThrow()}
     * @throws BenchmarkException if it cannot start, outlives the timeout (it is then killed) or
     *     prints a {@code FIGURES} line that is not JSON
     * @throws InterruptedException if interrupted while waiting; the child is then killed
     */
    public ChildResult run() throws InterruptedException {
        List<String> command = JavaCommand.of(maxHeap, jvmArgs, mainClass, args);
        String shown = JavaCommand.describe(command);
        if (log != null) {
            log.line("harness", "starting " + label + ": " + shown);
        }
        Process process = start(command, shown);
        AtomicReference<String> figuresLine = new AtomicReference<>();
        OutputDrain out = OutputDrain.start(process.getInputStream(), label + "-out", log, line -> {
            if (line != null && line.startsWith(ChildMain.FIGURES_LINE)) {
                figuresLine.set(line.substring(ChildMain.FIGURES_LINE.length()));
            }
        });
        OutputDrain err = OutputDrain.start(process.getErrorStream(), label + "-err", log, line -> { });
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new BenchmarkException(label + " did not finish within " + timeout + "; killed it\n  command: " + shown);
            }
        } finally {
            process.destroyForcibly();
        }
        out.awaitEnd(Duration.ofSeconds(5));
        err.awaitEnd(Duration.ofSeconds(5));
        return result(shown, process.exitValue(), figuresLine.get(), err.tail());
    }

    private Process start(List<String> command, String shown) {
        Process process;
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new BenchmarkException("cannot start " + label + ": " + shown + ": " + e.getMessage(), e);
        }
        if (children != null) {
            children.register(process);
        }
        try {
            // The child reads nothing; an open pipe would only keep a handle alive.
            process.getOutputStream().close();
        } catch (IOException e) {
            // closing our end of a pipe that the child may already have closed
        }
        return process;
    }

    private static ChildResult result(String shown, int exitCode, String json, List<String> stderr) {
        boolean oomOnStderr = stderr.stream().anyMatch(line -> line.contains("java.lang.OutOfMemoryError"));
        if (json == null) {
            return new ChildResult(shown, exitCode, false, List.of(), List.of(), -1, oomOnStderr, stderr);
        }
        BsonDocument report;
        try {
            report = BsonDocument.parse(json);
        } catch (JsonParseException e) {
            throw new BenchmarkException("the child's FIGURES line is not JSON: " + json + "\n  command: " + shown, e);
        }
        Figures figures = new Figures();
        figures.addAll(report, "");
        boolean oom = oomOnStderr || report.getBoolean("outOfMemory", BsonBoolean.FALSE).getValue();
        return new ChildResult(shown, exitCode, true, figures.figures(), figures.references(),
            report.getNumber("peakHeapBytes", new BsonInt64(-1)).longValue(), oom, stderr);
    }
}
