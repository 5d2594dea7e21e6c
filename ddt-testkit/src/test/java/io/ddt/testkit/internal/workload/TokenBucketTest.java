package io.ddt.testkit.internal.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private static final long NO_DEADLINE = Long.MAX_VALUE / 4;

    @Test
    void paceFollowsTheRate() {
        TokenBucket bucket = new TokenBucket(500);
        long start = System.nanoTime();

        for (int i = 0; i < 100; i++) {
            assertThat(bucket.acquire(start + NO_DEADLINE, () -> false)).isTrue();
        }

        // the first token is there at once, the other 99 come at 2 ms each
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isBetween(180L, 300L);
    }

    @Test
    void givesUpWhenTheNextTokenComesAfterTheDeadline() {
        TokenBucket bucket = new TokenBucket(1);
        long now = System.nanoTime();
        assertThat(bucket.acquire(now + NO_DEADLINE, () -> false)).isTrue();

        long start = System.nanoTime();
        assertThat(bucket.acquire(start + TimeUnit.MILLISECONDS.toNanos(100), () -> false)).isFalse();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(50);
    }

    @Test
    void stopsWaitingSoonAfterAStopRequest() throws InterruptedException {
        TokenBucket bucket = new TokenBucket(0.1);
        bucket.acquire(System.nanoTime() + NO_DEADLINE, () -> false);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicBoolean acquired = new AtomicBoolean(true);
        Thread waiter = new Thread(() -> acquired.set(bucket.acquire(System.nanoTime() + NO_DEADLINE, stop::get)));
        waiter.start();
        Thread.sleep(100);

        long start = System.nanoTime();
        stop.set(true);
        waiter.join(1_000);

        assertThat(waiter.isAlive()).isFalse();
        assertThat(acquired).isFalse();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(200);
    }
}
