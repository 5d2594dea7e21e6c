package io.ddt.mongo;

import java.nio.file.Path;

import io.ddt.spi.CheckpointStore;
import io.ddt.spi.SampleCheckpoints;

/**
 * A child JVM for {@link FileCheckpointStoreKillTest}: continues a job from its checkpoint file
 * and saves as fast as it can, printing each save's number once the save has returned, until it
 * is killed.
 */
public final class CheckpointSaveLoop {

    private CheckpointSaveLoop() {
    }

    /**
     * Runs the loop.
     *
     * @param args the store's directory and the job id
     */
    public static void main(String[] args) {
        CheckpointStore store = CheckpointStores.file(Path.of(args[0]));
        long next = store.load(args[1]).map(c -> SampleCheckpoints.appliedSeconds(c) + 1).orElse(0L);
        for (long i = next; ; i++) {
            store.save(SampleCheckpoints.streaming(args[1], i));
            System.out.println(i);
            System.out.flush();
        }
    }
}
