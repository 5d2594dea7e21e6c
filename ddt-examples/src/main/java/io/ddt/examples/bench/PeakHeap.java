package io.ddt.examples.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

/**
 * The peak heap of the current JVM: the sum over the heap memory pools (eden, survivor, old) of
 * each pool's peak usage since the last {@link #reset()}.
 *
 * <p>The pools peak at different moments, so the sum is an upper bound of the true peak, and it
 * counts garbage not yet collected: a collector that lets eden grow shows a peak near
 * {@code -Xmx} even when little is live. It answers "did this fit in that heap", not "how much
 * was live". The JVM keeps the peaks, so readings are JVM-wide: code that runs beside the
 * measured code is measured too. Thread-safe.
 */
public final class PeakHeap {

    private PeakHeap() {
    }

    /** Starts a new measurement: each heap pool's peak becomes its current usage. */
    public static void reset() {
        heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** The sum of the heap pools' peak usage since the last {@link #reset()} (or JVM start), in bytes. */
    public static long bytes() {
        return heapPools().stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    }

    /** The heap in use now, in bytes. */
    public static long currentBytes() {
        return heapPools().stream().mapToLong(pool -> pool.getUsage().getUsed()).sum();
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP)
            .filter(MemoryPoolMXBean::isValid).toList();
    }
}
