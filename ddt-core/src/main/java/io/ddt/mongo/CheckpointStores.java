package io.ddt.mongo;

import java.nio.file.Path;
import java.util.Objects;

import com.mongodb.client.MongoClient;

import io.ddt.Namespace;
import io.ddt.internal.checkpoint.CollectionCheckpointStore;
import io.ddt.internal.checkpoint.FileCheckpointStore;
import io.ddt.internal.checkpoint.InMemoryCheckpointStore;
import io.ddt.spi.CheckpointStore;

/**
 * The {@link CheckpointStore}s ddt ships. Each keeps the promises of the interface: atomic
 * saves, thread safety, and an error (never an empty start) for a checkpoint it cannot read.
 */
public final class CheckpointStores {

    /** Where {@link #collection(MongoClient)} keeps checkpoints: {@code ddt.checkpoints}. */
    public static final Namespace DEFAULT_NAMESPACE = Namespace.of("ddt", "checkpoints");

    private CheckpointStores() {
    }

    /**
     * Returns a store that keeps checkpoints in this JVM's memory: they are gone when it exits.
     * For tests, and for jobs that may start from the beginning after a crash.
     *
     * @return a new, empty store
     */
    public static CheckpointStore inMemory() {
        return new InMemoryCheckpointStore();
    }

    /**
     * Returns a store that keeps each job's checkpoint in a file of a directory,
     * {@code <jobId>.checkpoint.bson}: one BSON document ({@code bsondump} shows it) with a CRC-32C
     * checksum of the checkpoint.
     *
     * <p>A save writes {@code <jobId>.checkpoint.bson.<random>.tmp}, forces it to disk, renames it
     * over the checkpoint file atomically and forces the directory where the operating system
     * allows, so that after a crash of the process or the machine the file holds the old
     * checkpoint or the new one. Temp files left by a crash are ignored, and removed by the next
     * load or delete of their job. A checkpoint file that is truncated, not BSON, or fails its
     * checksum makes {@link CheckpointStore#load} throw an {@link io.ddt.CheckpointException}
     * naming the file and what to do.
     *
     * <p>Job ids must be safe file names: 1 to 128 letters, digits, {@code .}, {@code _} or
     * {@code -} (every job name {@link io.ddt.CopySettings} accepts); others fail with an
     * {@link io.ddt.ConfigurationException}. The directory must be on a file system that renames
     * atomically (a local one; not every network file system does).
     *
     * @param directory the directory; created if missing; not null
     * @return the store
     * @throws io.ddt.CheckpointException if the directory cannot be created
     */
    public static CheckpointStore file(Path directory) {
        return new FileCheckpointStore(directory);
    }

    /**
     * Returns a store that keeps checkpoints in {@link #DEFAULT_NAMESPACE} on a cluster,
     * normally the target's.
     *
     * @param client the cluster's client; the caller's, never closed by the store; not null
     * @return the store
     * @see #collection(MongoClient, Namespace)
     */
    public static CheckpointStore collection(MongoClient client) {
        return collection(client, DEFAULT_NAMESPACE);
    }

    /**
     * Returns a store that keeps checkpoints in a collection on a cluster, normally the target's:
     * one document per job, {@code {_id: <jobId>, ...}}, replaced atomically with an upsert,
     * written with majority write concern (waiting at most 30 seconds for the majority) and read
     * from the primary with majority read concern. Transient errors are retried 5 times with
     * growing pauses (about 1.5 seconds in all), with no new attempt after 10 seconds; other
     * errors fail at once with an {@link io.ddt.CheckpointException}. Each attempt waits at most
     * what the client's own settings allow (server selection, socket timeouts). Choose a collection the job does not write to (one
     * outside its mapped namespaces), or the job overwrites its own checkpoints.
     *
     * @param client the cluster's client; the caller's, never closed by the store; not null
     * @param namespace the collection; not null
     * @return the store
     */
    public static CheckpointStore collection(MongoClient client, Namespace namespace) {
        return new CollectionCheckpointStore(Objects.requireNonNull(client, "client"), namespace);
    }
}
