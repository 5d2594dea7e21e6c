package io.ddt.testkit.conformance;

import org.junit.jupiter.api.Nested;

import io.ddt.testkit.TestCluster;

/**
 * Every conformance suite, for one kind of cluster: a subclass starts the cluster once for the
 * class and returns it from {@link #cluster()}; the suites run as nested classes against it.
 */
abstract class ConformanceSuites {

    /** The cluster all suites run against, started by the subclass before all tests. */
    abstract TestCluster cluster();

    @Nested
    class Oplog extends OplogConformance {
        @Override
        TestCluster cluster() {
            return ConformanceSuites.this.cluster();
        }
    }

    @Nested
    class Ddl extends DdlConformance {
        @Override
        TestCluster cluster() {
            return ConformanceSuites.this.cluster();
        }
    }

    @Nested
    class Cursor extends CursorConformance {
        @Override
        TestCluster cluster() {
            return ConformanceSuites.this.cluster();
        }
    }

    @Nested
    class Bson extends BsonConformance {
        @Override
        TestCluster cluster() {
            return ConformanceSuites.this.cluster();
        }
    }

    @Nested
    class Fault extends FaultConformance {
        @Override
        TestCluster cluster() {
            return ConformanceSuites.this.cluster();
        }
    }

    @Nested
    class ChangeStream extends ChangeStreamConformance {
        @Override
        TestCluster cluster() {
            return ConformanceSuites.this.cluster();
        }
    }

    @Nested
    class IdQuery extends IdQueryConformance {
        @Override
        TestCluster cluster() {
            return ConformanceSuites.this.cluster();
        }
    }

    @Nested
    class WriteRules extends WriteRulesConformance {
        @Override
        TestCluster cluster() {
            return ConformanceSuites.this.cluster();
        }
    }

    @Nested
    class Updates extends UpdateConformance {
        @Override
        TestCluster cluster() {
            return ConformanceSuites.this.cluster();
        }
    }
}
