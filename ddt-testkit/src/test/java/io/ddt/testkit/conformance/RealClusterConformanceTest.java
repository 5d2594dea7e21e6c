package io.ddt.testkit.conformance;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import io.ddt.testkit.RealCluster;
import io.ddt.testkit.RequiresDocker;
import io.ddt.testkit.TestCluster;

/**
 * The same conformance suites on a real MongoDB replica set in Docker, so that what the fake
 * shows is checked against the real thing. Skipped where Docker is absent.
 */
@RequiresDocker
class RealClusterConformanceTest extends ConformanceSuites {

    static RealCluster cluster;

    @BeforeAll
    static void start() {
        cluster = RealCluster.start();
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
