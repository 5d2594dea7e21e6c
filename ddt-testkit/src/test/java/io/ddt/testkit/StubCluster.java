package io.ddt.testkit;

import com.mongodb.client.MongoClient;

/** A cluster that is never started: it only records whether it was closed, and may fail to close. */
final class StubCluster implements TestCluster {

    private final String name;
    private final RuntimeException closeFailure;
    private volatile boolean closed;

    StubCluster(String name, RuntimeException closeFailure) {
        this.name = name;
        this.closeFailure = closeFailure;
    }

    boolean closed() {
        return closed;
    }

    @Override
    public String connectionString() {
        return "mongodb://stub-" + name + "/";
    }

    @Override
    public MongoClient client() {
        throw new UnsupportedOperationException("a stub has no client");
    }

    @Override
    public String serverVersion() {
        return "7.0.14";
    }

    @Override
    public void close() {
        closed = true;
        if (closeFailure != null) {
            throw closeFailure;
        }
    }

    @Override
    public String toString() {
        return "StubCluster[" + name + "]";
    }
}
