package io.ddt.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class StartedClustersTest {

    @Test
    void closesNewestFirstAndReleasesEachField() {
        List<String> events = new ArrayList<>();
        StartedClusters started = new StartedClusters();
        started.add("first", new StubCluster("a", null), () -> events.add("release first"));
        started.add("second", new StubCluster("b", null), () -> events.add("release second"));

        started.close();

        assertThat(events).containsExactly("release second", "release first");
    }

    @Test
    void closesTheRestWhenSomeFailAndReportsEveryFailureByOwner() {
        StubCluster failsFirst = new StubCluster("a", new IllegalStateException("socket stuck"));
        StubCluster fine = new StubCluster("b", null);
        StubCluster failsToo = new StubCluster("c", new IllegalArgumentException("container gone"));
        List<String> released = new ArrayList<>();
        StartedClusters started = new StartedClusters();
        started.add("@Cluster field T.a", failsFirst, () -> released.add("a"));
        started.add("@Cluster field T.b", fine, () -> released.add("b"));
        started.add("@Cluster field T.c", failsToo, () -> released.add("c"));

        assertThatThrownBy(started::close)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Closing the cluster of @Cluster field T.c failed: container gone")
                .hasCauseInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> assertThat(e.getSuppressed()).singleElement()
                        .satisfies(s -> assertThat(s).hasMessage("Closing the cluster of @Cluster field T.a failed: socket stuck")));
        assertThat(List.of(failsFirst, fine, failsToo)).allMatch(StubCluster::closed);
        assertThat(released).containsExactly("c", "b", "a");
    }

    @Test
    void closingAgainDoesNothing() {
        StubCluster failing = new StubCluster("a", new IllegalStateException("once"));
        StartedClusters started = new StartedClusters();
        started.add("a", failing, () -> { });
        assertThatThrownBy(started::close).isInstanceOf(IllegalStateException.class);

        assertThatCode(started::close).doesNotThrowAnyException();
    }
}
