package io.ddt.examples.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads one output stream of a child process to its end on its own daemon thread, so the child
 * never blocks on a full pipe: every line goes to the log, to an optional listener, and into a
 * short tail kept for error messages. Thread-safe.
 */
final class OutputDrain {

    private static final int TAIL_LINES = 40;

    private final Deque<String> tail = new ArrayDeque<>();
    private final Thread thread;

    private OutputDrain(InputStream in, String source, LogSink log, Consumer<String> listener) {
        this.thread = new Thread(() -> drain(in, source, log, listener), "ddt-bench-" + source);
        thread.setDaemon(true);
    }

    /**
     * Starts draining into {@code log} (if not null). The listener runs on the drain thread, once per line and then once with
     * {@code null} at the end of the stream; it must not block.
     */
    static OutputDrain start(InputStream in, String source, LogSink log, Consumer<String> listener) {
        OutputDrain drain = new OutputDrain(in, source, log, listener);
        drain.thread.start();
        return drain;
    }

    /** The last lines read, oldest first. */
    synchronized List<String> tail() {
        return List.copyOf(tail);
    }

    /** Waits, at most {@code timeout}, for the end of the stream; returns whether it came. */
    boolean awaitEnd(Duration timeout) throws InterruptedException {
        thread.join(Math.max(1, timeout.toMillis()));
        return !thread.isAlive();
    }

    private void drain(InputStream in, String source, LogSink log, Consumer<String> listener) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (log != null) {
                    log.line(source, line);
                }
                remember(line);
                listener.accept(line);
            }
        } catch (IOException e) {
            // The stream closes under us when the process is destroyed: nothing more to read.
            remember("(stream closed: " + e.getMessage() + ")");
        } finally {
            listener.accept(null);
        }
    }

    private synchronized void remember(String line) {
        if (tail.size() == TAIL_LINES) {
            tail.removeFirst();
        }
        tail.addLast(line);
    }
}
