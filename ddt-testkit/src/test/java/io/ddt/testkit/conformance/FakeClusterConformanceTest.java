package io.ddt.testkit.conformance;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import io.ddt.testkit.FakeCluster;
import io.ddt.testkit.TestCluster;

/** The conformance suites on an in-process {@link FakeCluster}. */
class FakeClusterConformanceTest extends ConformanceSuites {

    static FakeCluster cluster;

    @BeforeAll
    static void start() {
        cluster = FakeCluster.start();
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @Override
    TestCluster cluster() {
        return cluster;
    }
}
