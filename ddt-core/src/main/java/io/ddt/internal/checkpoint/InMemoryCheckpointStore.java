package io.ddt.internal.checkpoint;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.ddt.spi.Checkpoint;
import io.ddt.spi.CheckpointStore;

/**
 * Checkpoints in a map: gone with the JVM. For tests, and for jobs that may start over. A save
 * is one {@code put} of an immutable value, so readers see the old or the new one.
 */
public final class InMemoryCheckpointStore implements CheckpointStore {

    private final Map<String, Checkpoint> checkpoints = new ConcurrentHashMap<>();

    @Override
    public Optional<Checkpoint> load(String jobId) {
        return Optional.ofNullable(checkpoints.get(Objects.requireNonNull(jobId, "jobId")));
    }

    @Override
    public void save(Checkpoint checkpoint) {
        checkpoints.put(checkpoint.jobId(), checkpoint);
    }

    @Override
    public void delete(String jobId) {
        checkpoints.remove(Objects.requireNonNull(jobId, "jobId"));
    }

    @Override
    public String toString() {
        return "in-memory checkpoint store";
    }
}
