package io.ddt.testkit.conformance;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;

import io.ddt.testkit.FakeCluster;
import io.ddt.testkit.TestCluster;

/** The conformance suites on an in-process {@link FakeCluster}. */
class FakeClusterConformanceTest {

    static FakeCluster cluster;

    @BeforeAll
    static void start() {
        cluster = FakeCluster.start();
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
