package io.ddt.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.time.Duration;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.ServerAddress;
import com.mongodb.connection.ClusterConnectionMode;
import com.mongodb.connection.ClusterSettings;
import com.mongodb.connection.ClusterType;
import org.junit.jupiter.api.Test;

/** What can be checked of RealCluster without a Docker daemon. */
class RealClusterTest {

    @Test
    void connectionStringKeepsTheDriverOnTheMappedPortAndChecksTheSetName() {
        String uri = RealCluster.connectionString("localhost", 32768);

        ClusterSettings settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri)).build().getClusterSettings();

        assertThat(uri).contains("replicaSet=docker-rs");
        assertThat(settings.getMode()).isEqualTo(ClusterConnectionMode.SINGLE);
        assertThat(settings.getHosts()).containsExactly(new ServerAddress("localhost", 32768));
        assertThat(settings.getRequiredReplicaSetName()).isEqualTo("docker-rs");
        assertThat(settings.getRequiredClusterType()).isEqualTo(ClusterType.REPLICA_SET);
    }

    @Test
    void dockerCheckAnswersWellWithinASecond() {
        long start = System.nanoTime();
        RealCluster.dockerAvailable();
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        assertThat(elapsed).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void startingWithoutDockerFailsSayingHowToSkip() {
        assumeFalse(RealCluster.dockerAvailable(), "Docker is available here");

        assertThatThrownBy(RealCluster::start)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Docker is not available")
                .hasMessageContaining("@RequiresDocker")
                .hasMessageContaining("assumeTrue(RealCluster.dockerAvailable())");
    }
}
