package io.ddt.internal.apply;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mongodb.MongoException;

import io.ddt.DdtException;
import io.ddt.internal.ServerErrors;
import io.ddt.internal.copy.TransientErrors;

/**
 * Runs a target operation again after transient errors (network, election, a retryable label),
 * with a growing pause, until the retry timeout; anything else passes through at once. Safe only
 * for operations that may run twice, which every write of the applier is. Once applying stops,
 * it retries no more and cuts its pause short, so that closing the applier is not held up.
 */
final class Retrier {

    private static final Logger LOG = LoggerFactory.getLogger(Retrier.class);
    private static final long FIRST_PAUSE_MILLIS = 50;
    private static final long MAX_PAUSE_MILLIS = 5_000;
    private static final long SLICE_MILLIS = 50;

    private final Duration timeout;
    private final BooleanSupplier stopping;

    Retrier(Duration timeout, BooleanSupplier stopping) {
        this.timeout = timeout;
        this.stopping = stopping;
    }

    <T> T call(String what, Supplier<T> operation) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = FIRST_PAUSE_MILLIS;
        while (true) {
            try {
                return operation.get();
            } catch (RuntimeException e) {
                if (!TransientErrors.isTransient(e) || stopping.getAsBoolean()) {
                    throw e;
                }
                if (System.nanoTime() + pause * 1_000_000 > deadline) {
                    throw new DdtException("the target kept failing with transient errors for " + timeout + " during "
                        + what + "; check the target's health, then resume from the last watermark", e);
                }
                LOG.warn("transient error during {}, retrying in {} ms: {}", what, pause, describe(e));
                if (!waitToRetry(pause)) {
                    throw e;
                }
                pause = Math.min(pause * 2, MAX_PAUSE_MILLIS);
            }
        }
    }

    void run(String what, Runnable operation) {
        call(what, () -> {
            operation.run();
            return null;
        });
    }

    private static String describe(RuntimeException e) {
        return e instanceof MongoException mongo ? ServerErrors.describe(mongo) : e.getClass().getSimpleName();
    }

    /** Sleeps in short slices, so that closing is not held up by a long pause; false if applying stopped meanwhile. */
    private boolean waitToRetry(long millis) {
        long until = System.nanoTime() + millis * 1_000_000;
        try {
            while (!stopping.getAsBoolean() && System.nanoTime() < until) {
                Thread.sleep(Math.min(SLICE_MILLIS, Math.max(1, (until - System.nanoTime()) / 1_000_000)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DdtException("interrupted while waiting to retry a write to the target", e);
        }
        return !stopping.getAsBoolean();
    }
}
