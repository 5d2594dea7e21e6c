package io.ddt.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * Every misuse of {@code @Cluster} fails its class or test with one message that names the
 * field or parameter and says what to do, and no test body runs. The broken classes below are
 * run in an engine of their own.
 */
class ClusterMisuseTest {

    @Test
    void fieldOfAnotherTypeIsRefusedNamingTheTypesThatWork() {
        assertThat(failuresOf(WrongFieldType.class)).containsExactly("@Cluster field ClusterMisuseTest.WrongFieldType.source"
                + " has type String; declare it as FakeCluster, RealCluster or TestCluster.");
    }

    @Test
    void finalFieldIsRefused() {
        assertThat(failuresOf(FinalField.class)).singleElement().asString()
                .startsWith("@Cluster field ClusterMisuseTest.FinalField.target is final; remove final");
    }

    @Test
    void fieldSetByTheUserIsRefusedAndLeftAlone() {
        assertThat(failuresOf(FieldAlreadySet.class)).singleElement().asString()
                .contains("@Cluster field ClusterMisuseTest.FieldAlreadySet.target already holds StubCluster[mine]")
                .contains("remove its initializer");
    }

    @Test
    void staticFieldInAClassWithoutClustersAsksForTheAnnotation() {
        assertThat(failuresOf(StaticFieldWithoutClusters.class)).singleElement().asString()
                .contains("ClusterMisuseTest.StaticFieldWithoutClusters has @Cluster fields (source)")
                .contains("annotate the class with @Clusters");
    }

    @Test
    void instanceFieldInAClassWithoutClustersAsksForTheAnnotation() {
        assertThat(failuresOf(InstanceFieldWithoutClusters.class)).singleElement().asString()
                .contains("ClusterMisuseTest.InstanceFieldWithoutClusters has @Cluster fields (target)")
                .contains("annotate the class with @Clusters");
    }

    @Test
    void fakeClusterFieldThatSaysRealFailsEvenWithoutDocker() {
        assertThat(failuresOf(FakeFieldSaysReal.class)).singleElement().asString()
                .contains("ClusterMisuseTest.FakeFieldSaysReal.source is a FakeCluster but says real = true")
                .contains("declare it as RealCluster or TestCluster, or remove real = true");
    }

    @Test
    void realClusterWithFakeOnlyAttributesIsRefused() {
        assertThat(failuresOf(RealWithReplicaSet.class)).singleElement().asString()
                .contains("ClusterMisuseTest.RealWithReplicaSet.source is a real cluster but sets replicaSet, oplogSizeBytes")
                .contains("remove them, or use a FakeCluster");
    }

    @Test
    void invalidAttributeIsNamedWithItsValue() {
        assertThat(failuresOf(InvalidNoopInterval.class)).singleElement().asString()
                .startsWith("@Cluster field ClusterMisuseTest.InvalidNoopInterval.target has noopIntervalMillis = 0,"
                        + " which is not valid (noopInterval must be positive");
    }

    @Test
    void lifecycleMethodParameterIsRefusedPointingToFields() {
        assertThat(failuresOf(LifecycleParameter.class)).singleElement().asString()
                .contains("@Cluster parameter 0 (FakeCluster) of ClusterMisuseTest.LifecycleParameter.setUp()")
                .contains("Use a @Cluster field to share a cluster with lifecycle methods");
    }

    @Test
    void parameterOfAnotherTypeIsRefused() {
        assertThat(failuresOf(WrongParameterType.class)).singleElement().asString()
                .isEqualTo("@Cluster parameter 1 (String) of ClusterMisuseTest.WrongParameterType.uses() has type String;"
                        + " declare it as FakeCluster, RealCluster or TestCluster.");
    }

    private static List<String> failuresOf(Class<?> testClass) {
        EngineExecutionResults results = IsolatedEngine.run(testClass);
        assertThat(results.testEvents().succeeded().count()).as("tests that passed").isZero();
        return IsolatedEngine.failureMessages(results.allEvents());
    }

    @Clusters
    @OnlyInEngineTestKit
    static class WrongFieldType {
        @Cluster
        static String source;

        @Test
        void uses() {
        }
    }

    @Clusters
    @OnlyInEngineTestKit
    static class FinalField {
        @Cluster
        final TestCluster target = null;

        @Test
        void uses() {
        }
    }

    @Clusters
    @OnlyInEngineTestKit
    static class FieldAlreadySet {
        @Cluster
        TestCluster target = new StubCluster("mine", null);

        @Test
        void uses() {
        }
    }

    @OnlyInEngineTestKit
    static class StaticFieldWithoutClusters {
        @Cluster
        static FakeCluster source;

        @Test
        void uses() {
        }
    }

    @OnlyInEngineTestKit
    static class InstanceFieldWithoutClusters {
        @Cluster
        FakeCluster target;

        @Test
        void uses() {
        }
    }

    @Clusters
    @OnlyInEngineTestKit
    static class FakeFieldSaysReal {
        @Cluster(real = true)
        static FakeCluster source;

        @Test
        void uses() {
        }
    }

    @Clusters
    @OnlyInEngineTestKit
    static class RealWithReplicaSet {
        @Cluster(real = true, replicaSet = "mine", oplogSizeBytes = 4096)
        static TestCluster source;

        @Test
        void uses() {
        }
    }

    @Clusters
    @OnlyInEngineTestKit
    static class InvalidNoopInterval {
        @Cluster(noopIntervalMillis = 0)
        FakeCluster target;

        @Test
        void uses() {
        }
    }

    @OnlyInEngineTestKit
    static class LifecycleParameter {
        @BeforeEach
        void setUp(@Cluster FakeCluster cluster) {
        }

        @Test
        void uses() {
        }
    }

    @OnlyInEngineTestKit
    static class WrongParameterType {
        @Test
        void uses(@Cluster FakeCluster fine, @Cluster String notACluster) {
        }
    }
}
