package io.ddt.testkit.conformance;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;

import io.ddt.testkit.RealCluster;
import io.ddt.testkit.RequiresDocker;
import io.ddt.testkit.TestCluster;

/**
 * The same conformance suites on a real MongoDB replica set in Docker, so that what the fake
 * shows is checked against the real thing. Skipped where Docker is absent.
 */
@RequiresDocker
class RealClusterConformanceTest {

    static RealCluster cluster;

    @BeforeAll
    static void start() {
        cluster = RealCluster.start();
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @Nested
    class Oplog extends OplogConformance {
        @Override
        TestCluster cluster() {
            return cluster;
        }
    }

    @Nested
    class Ddl extends DdlConformance {
        @Override
        TestCluster cluster() {
            return cluster;
        }
    }

    @Nested
    class Cursor extends CursorConformance {
        @Override
        TestCluster cluster() {
            return cluster;
        }
    }

    @Nested
    class Bson extends BsonConformance {
        @Override
        TestCluster cluster() {
            return cluster;
        }
    }

    @Nested
    class Fault extends FaultConformance {
        @Override
        TestCluster cluster() {
            return cluster;
        }
    }

    @Nested
    class ChangeStream extends ChangeStreamConformance {
        @Override
        TestCluster cluster() {
            return cluster;
        }
    }

    @Nested
    class WriteRules extends WriteRulesConformance {
        @Override
        TestCluster cluster() {
            return cluster;
        }
    }
}
