package io.ddt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class CommitPolicyTest {

    private static final Duration SECOND = Duration.ofSeconds(1);

    @Test
    void countsEventsOnly() {
        CommitPolicy policy = CommitPolicy.everyEvents(100);

        assertThat(policy.shouldSave(99, Duration.ofHours(1))).isFalse();
        assertThat(policy.shouldSave(100, Duration.ZERO)).isTrue();
    }

    @Test
    void theIntervalFiresEvenWithoutEventsSoAQuietSourcesPositionIsSaved() {
        CommitPolicy policy = CommitPolicy.every(SECOND);

        assertThat(policy.shouldSave(1_000_000, Duration.ofMillis(999))).isFalse();
        assertThat(policy.shouldSave(0, SECOND)).isTrue();
    }

    @Test
    void bothSaveOnWhicheverComesFirst() {
        CommitPolicy policy = CommitPolicy.everyEventsOrInterval(100, SECOND);

        assertThat(policy.shouldSave(99, Duration.ofMillis(999))).isFalse();
        assertThat(policy.shouldSave(100, Duration.ZERO)).isTrue();
        assertThat(policy.shouldSave(0, SECOND)).isTrue();
        assertThat(CommitPolicy.defaults()).isEqualTo(CommitPolicy.everyEventsOrInterval(10_000, Duration.ofSeconds(5)))
            .hasToString("every 10000 events or PT5S");
        assertThat(CommitPolicy.everyEvents(1)).hasToString("every 1 events");
    }

    @Test
    void refusesCountsAndIntervalsThatNeverOrAlwaysFire() {
        assertThatThrownBy(() -> CommitPolicy.everyEvents(0)).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("events between checkpoint saves must be at least 1, not 0");
        assertThatThrownBy(() -> CommitPolicy.every(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CommitPolicy.everyEventsOrInterval(5, Duration.ofSeconds(-1)))
            .hasMessageContaining("must be positive, not PT-1S");
    }
}
