package io.ddt.examples.bench;

/** A benchmark run that cannot go on: a child JVM that did not start or died, bad output. */
public final class BenchmarkException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BenchmarkException(String message) {
        super(message);
    }

    public BenchmarkException(String message, Throwable cause) {
        super(message, cause);
    }
}
