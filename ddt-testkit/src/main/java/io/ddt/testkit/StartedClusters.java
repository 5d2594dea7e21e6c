package io.ddt.testkit;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The clusters started for one JUnit context (a class or a test), closed together when it
 * ends, newest first. Kept in the context's store, so nothing is static and a class's clusters
 * never mix with a test's.
 *
 * <p>Thread-safe. {@link #close()} closes every cluster even when some fail, then throws one
 * exception naming the first failed owner, with the other failures suppressed in it; it is
 * idempotent, since JUnit may close the store's values again after the callbacks did.
 */
final class StartedClusters implements AutoCloseable {

    private record Started(String owner, TestCluster cluster, Runnable release) {
    }

    private final Deque<Started> started = new ArrayDeque<>();

    /**
     * Records a started cluster; call it before handing the cluster out, so that it is closed
     * even if handing it out fails.
     *
     * @param owner how messages name the field or parameter
     * @param release run after closing, to clear the field that held the cluster
     */
    synchronized void add(String owner, TestCluster cluster, Runnable release) {
        started.push(new Started(owner, cluster, release));
    }

    /**
     * Closes every recorded cluster, newest first, and runs its release.
     *
     * @throws IllegalStateException if any close or release failed; its message names the owner
     */
    @Override
    public void close() {
        IllegalStateException failure = null;
        for (Started next = next(); next != null; next = next()) {
            try {
                closeAndRelease(next);
            } catch (RuntimeException e) {
                IllegalStateException reported = new IllegalStateException(
                        "Closing the cluster of " + next.owner() + " failed: " + e.getMessage(), e);
                if (failure == null) {
                    failure = reported;
                } else {
                    failure.addSuppressed(reported);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static void closeAndRelease(Started started) {
        try {
            started.cluster().close();
        } finally {
            started.release().run();
        }
    }

    // One at a time, so that an Error thrown by a close leaves the rest for the next close().
    private synchronized Started next() {
        return started.poll();
    }
}
