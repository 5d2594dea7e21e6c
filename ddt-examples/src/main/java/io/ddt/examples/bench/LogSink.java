package io.ddt.examples.bench;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalTime;

/**
 * The log file of one benchmark run: every line that a child JVM writes, tagged with the child
 * and the stream, so the children never block on a full pipe and a failure can be read
 * afterwards. Thread-safe; each line is flushed, so the file is complete even if the run dies.
 * A write error is not thrown, since losing the log must not fail a run; the log just stops
 * there.
 */
public final class LogSink implements Closeable {

    private final Path file;
    private final BufferedWriter writer;
    private boolean broken;

    /**
     * Opens (appending) the log file, creating its directory.
     *
     * @throws UncheckedIOException if the file cannot be opened
     */
    public LogSink(Path file) {
        this.file = file;
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            this.writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the benchmark log " + file, e);
        }
    }

    /** The log file. */
    public Path file() {
        return file;
    }

    /** Appends {@code HH:mm:ss.SSS [source] line}. */
    public synchronized void line(String source, String line) {
        if (broken) {
            return;
        }
        try {
            writer.write(LocalTime.now() + " [" + source + "] " + line);
            writer.newLine();
            writer.flush();
        } catch (IOException e) {
            broken = true;
        }
    }

    @Override
    public synchronized void close() {
        try {
            writer.close();
        } catch (IOException e) {
            broken = true;
        }
    }
}
