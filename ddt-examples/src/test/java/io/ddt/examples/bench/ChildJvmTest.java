package io.ddt.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class ChildJvmTest {

    private static final long MB = 1024 * 1024;

    /** Holds {@code --megabytes N} of heap in 1 MB arrays, then records how many it held. */
    static final class Allocating {
        public static void main(String[] args) {
            ChildMain.run(args, (options, figures) -> {
                List<byte[]> held = new ArrayList<>();
                for (int i = 0; i < options.getInt("megabytes", 1); i++) {
                    held.add(new byte[(int) MB]);
                }
                figures.figure("held", held.size(), "MB");
                if (options.getBoolean("fail", false)) {
                    throw new IllegalStateException("the child's own failure");
                }
            });
        }
    }

    @Test
    void reportsTheChildsFiguresAndPeakHeap() throws Exception {
        ChildResult result = ChildJvm.of(Allocating.class).maxHeap("128m").args("--megabytes", "40").run();

        assertThat(result.succeeded()).isTrue();
        assertThat(result.value("held")).hasValue(40);
        assertThat(result.peakHeapBytes()).isBetween(40 * MB, 128 * MB);
        assertThat(result.outOfMemory()).isFalse();
    }

    @Test
    void reportsOutOfMemoryWhenTheChildOutgrowsItsHeap() throws Exception {
        ChildResult result = ChildJvm.of(Allocating.class).maxHeap("32m").args("--megabytes", "100").run();

        assertThat(result.outOfMemory()).isTrue();
        assertThat(result.exitCode()).isEqualTo(ChildMain.OUT_OF_MEMORY_EXIT);
        assertThat(result.peakHeapBytes()).isGreaterThan(16 * MB);
        assertThat(result.orThrow()).isSameAs(result);
    }

    @Test
    void aFailedChildThrowsWithItsCommandAndStderr() throws Exception {
        ChildResult result = ChildJvm.of(Allocating.class).maxHeap("64m").args("--fail", "true").run();

        assertThat(result.succeeded()).isFalse();
        assertThat(result.value("held")).hasValue(1);
        assertThatThrownBy(result::orThrow).isInstanceOf(BenchmarkException.class)
            .hasMessageContaining("exit code 1")
            .hasMessageContaining("-Xmx64m -cp <class path of ")
            .hasMessageContaining("io.ddt.examples.bench.ChildJvmTest$Allocating --fail true")
            .hasMessageContaining("java.lang.IllegalStateException: the child's own failure");
    }

    @Test
    void peakHeapCoversWhatWasAllocatedSinceTheReset() {
        PeakHeap.reset();
        byte[] held = new byte[(int) (32 * MB)];

        assertThat(PeakHeap.bytes()).isGreaterThanOrEqualTo(held.length).isGreaterThanOrEqualTo(PeakHeap.currentBytes());
    }
}
