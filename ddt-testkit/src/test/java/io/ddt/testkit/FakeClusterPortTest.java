package io.ddt.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class FakeClusterPortTest {

    @Test
    void startingOnAPortInUseFailsSayingWhatToDoAndLeavesNoThreads() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            Set<String> threadsBefore = fakeClusterThreads();

            assertThatThrownBy(() -> FakeCluster.builder().port(port).start())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("Cannot start fake cluster on 127.0.0.1:" + port
                            + ": the port is already in use. Choose another port or 0 for a free one.");
            assertThat(fakeClusterThreads()).isSubsetOf(threadsBefore);
        }
    }

    @Test
    void portZeroPicksAFreePortThatTheClusterReports() {
        try (FakeCluster cluster = FakeCluster.builder().port(0).start()) {
            assertThat(cluster.port()).isPositive();
            assertThat(cluster.connectionString()).contains("127.0.0.1:" + cluster.port() + "/");
        }
    }

    private static Set<String> fakeClusterThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .map(Thread::getName)
                .filter(name -> name.startsWith("ddt-fake-"))
                .collect(Collectors.toSet());
    }
}
