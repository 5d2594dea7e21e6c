package io.ddt.examples.bench;

import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.Stream;

/**
 * What a {@link ChildJvm} run gave back: its exit code, the figures and references its
 * {@link ChildMain} reported, its peak heap, and whether it died of {@code OutOfMemoryError}.
 *
 * @param command the command line, with the class path shortened
 * @param exitCode the child's exit code
 * @param reported whether the child printed its {@code FIGURES} line
 * @param figures the figures it reported (empty if it reported none)
 * @param references the references it reported
 * @param peakHeapBytes the peak heap it measured, or -1 if it reported none
 * @param outOfMemory whether an {@code OutOfMemoryError} was reported or seen on its standard error
 * @param stderr the last lines of its standard error
 */
public record ChildResult(String command, int exitCode, boolean reported, List<Figures.Figure> figures,
                          List<Figures.Figure> references, long peakHeapBytes, boolean outOfMemory, List<String> stderr) {

    public ChildResult {
        figures = List.copyOf(figures);
        references = List.copyOf(references);
        stderr = List.copyOf(stderr);
    }

    /** Whether the child ran to its end: exit code 0 and a {@code FIGURES} line. */
    public boolean succeeded() {
        return exitCode == 0 && reported && !outOfMemory;
    }

    /** The value of the figure or reference of that name, or empty. */
    public OptionalDouble value(String name) {
        return Stream.concat(figures.stream(), references.stream()).filter(f -> f.name().equals(name))
            .mapToDouble(Figures.Figure::value).findFirst();
    }

    /**
     * Returns this result if the child succeeded or died of {@code OutOfMemoryError} (an outcome
     * a benchmark records); otherwise throws.
     *
     * @throws BenchmarkException naming the command, the exit code and the child's standard error
     */
    public ChildResult orThrow() {
        if (succeeded() || outOfMemory) {
            return this;
        }
        throw new BenchmarkException("child JVM failed with exit code " + exitCode + (reported ? "" : " and no FIGURES line")
            + "\n  command: " + command + "\n  stderr:" + (stderr.isEmpty() ? " (empty)" : "\n    " + String.join("\n    ", stderr)));
    }
}
