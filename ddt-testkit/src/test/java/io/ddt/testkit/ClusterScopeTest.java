package io.ddt.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;

/**
 * Where clusters end: closed and cleared after failing tests too, and never started where
 * Docker is absent for a cluster that needs it. The classes below run in an engine of their own.
 */
class ClusterScopeTest {

    @Test
    void closesEveryClusterAndClearsItsFieldWhenTestsFail() {
        FailingTests.seen.clear();
        EngineExecutionResults results = IsolatedEngine.run(FailingTests.class);

        assertThat(IsolatedEngine.failureMessages(results.testEvents())).containsExactly("deliberately", "deliberately");
        assertThat(results.containerEvents().failed().count()).isZero();
        assertThat(FailingTests.seen).hasSize(3);
        for (TestCluster cluster : FailingTests.seen) {
            assertThatThrownBy(cluster::client).as("%s after its scope", cluster).isInstanceOf(IllegalStateException.class);
        }
        assertThat(FailingTests.source).isNull();
    }

    @Test
    void skipsRatherThanFailsRealClustersWhereDockerIsAbsent() {
        assumeFalse(RealCluster.dockerAvailable(), "Docker is available here, so real clusters start");
        long start = System.nanoTime();

        EngineExecutionResults staticField = IsolatedEngine.run(RealStaticField.class);
        EngineExecutionResults instanceField = IsolatedEngine.run(RealInstanceField.class);
        EngineExecutionResults parameter = IsolatedEngine.run(RealParameter.class);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(skipReasons(staticField)).containsExactly("Docker is not available, and"
                + " @Cluster field ClusterScopeTest.RealStaticField.source needs a RealCluster");
        assertThat(staticField.testEvents().started().count()).isZero();
        assertThat(skipReasons(instanceField)).containsExactly("Docker is not available, and"
                + " @Cluster field ClusterScopeTest.RealInstanceField.target needs a RealCluster");
        assertThat(skipReasons(parameter)).singleElement().asString()
                .contains("@Cluster parameter 0 (TestCluster) of ClusterScopeTest.RealParameter.real()");
        assertThat(parameter.testEvents().succeeded().count()).isOne();
        for (EngineExecutionResults results : List.of(staticField, instanceField, parameter)) {
            assertThat(IsolatedEngine.failureMessages(results.allEvents())).isEmpty();
        }
    }

    private static List<String> skipReasons(EngineExecutionResults results) {
        return results.allEvents().skipped().stream().map(ClusterScopeTest::reason).toList();
    }

    private static String reason(Event event) {
        return event.getRequiredPayload(String.class);
    }

    @Clusters
    @OnlyInEngineTestKit
    static class FailingTests {
        /** What the tests were given, to check after the run; filled only inside that run. */
        static final List<TestCluster> seen = new CopyOnWriteArrayList<>();

        @Cluster
        static FakeCluster source;

        @Cluster
        TestCluster target;

        @Test
        void first() {
            failHolding();
        }

        @Test
        void second() {
            failHolding();
        }

        private void failHolding() {
            if (!seen.contains(source)) {
                seen.add(source);
            }
            seen.add(target);
            fail("deliberately");
        }
    }

    @Clusters
    @OnlyInEngineTestKit
    static class RealStaticField {
        @Cluster(real = true)
        static TestCluster source;

        @Test
        void uses() {
            fail("ran without Docker");
        }
    }

    @Clusters
    @OnlyInEngineTestKit
    static class RealInstanceField {
        @Cluster
        RealCluster target;

        @Test
        void uses() {
            fail("ran without Docker");
        }
    }

    @OnlyInEngineTestKit
    static class RealParameter {
        @Test
        void real(@Cluster(real = true) TestCluster cluster) {
            fail("ran without Docker");
        }

        @Test
        void fake(@Cluster FakeCluster cluster) {
            assertThat(cluster.serverVersion()).isEqualTo("7.0.14");
        }
    }
}
