package io.ddt.internal.checkpoint;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.ddt.CheckpointException;
import io.ddt.ConfigurationException;
import io.ddt.spi.Checkpoint;
import io.ddt.spi.CheckpointStore;

/**
 * One file per job in a directory, {@code <jobId>.checkpoint.bson}, replaced by writing a temp
 * file {@code <jobId>.checkpoint.bson.<random>.tmp} beside it, forcing it to disk, renaming it
 * over the old file atomically, then forcing the directory (where the operating system allows),
 * so that after a crash the file is the old checkpoint or the new one. A temp file left by a
 * crash is never read, and is removed by the next load or delete of its job.
 *
 * <p>Thread-safe: the operations of one job are serialised; different jobs run in parallel.
 */
public final class FileCheckpointStore implements CheckpointStore {

    static final String SUFFIX = ".checkpoint.bson";
    private static final Pattern JOB_ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");
    private static final Logger LOG = LoggerFactory.getLogger(FileCheckpointStore.class);

    private final Path directory;
    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    private final Random random = new SecureRandom();

    /**
     * Opens a store in a directory, creating it if needed.
     *
     * @param directory the directory; not null
     * @throws CheckpointException if it cannot be created or is not a directory
     */
    public FileCheckpointStore(Path directory) {
        this.directory = Objects.requireNonNull(directory, "directory").toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.directory);
        } catch (IOException e) {
            throw new CheckpointException("Cannot use " + this.directory + " as a checkpoint directory: " + e
                + ". Make it a writable directory, or choose another.", e);
        }
    }

    @Override
    public Optional<Checkpoint> load(String jobId) {
        Path file = file(jobId);
        synchronized (lock(jobId)) {
            removeLeftovers(jobId);
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(file);
            } catch (NoSuchFileException e) {
                return Optional.empty();
            } catch (IOException e) {
                throw new CheckpointException("Cannot read checkpoint file " + file + " of job " + jobId + ": " + e, e);
            }
            return Optional.of(CheckpointFile.decode(bytes, file, jobId));
        }
    }

    @Override
    public void save(Checkpoint checkpoint) {
        String jobId = checkpoint.jobId();
        Path file = file(jobId);
        byte[] bytes = CheckpointFile.encode(checkpoint);
        synchronized (lock(jobId)) {
            Path temp = directory.resolve(file.getFileName() + "." + Long.toUnsignedString(random.nextLong()) + ".tmp");
            try {
                write(temp, bytes);
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
                forceDirectory();
            } catch (IOException e) {
                deleteQuietly(temp);
                throw new CheckpointException("Cannot save the checkpoint of job " + jobId + " to " + file + ": "
                    + e + (e instanceof AtomicMoveNotSupportedException ? " (its file system cannot rename atomically;"
                    + " choose a directory on a local file system)" : "") + ". The previous checkpoint is unchanged.", e);
            }
        }
    }

    @Override
    public void delete(String jobId) {
        Path file = file(jobId);
        synchronized (lock(jobId)) {
            try {
                Files.deleteIfExists(file);
                removeLeftovers(jobId);
                forceDirectory();
            } catch (IOException e) {
                throw new CheckpointException("Cannot delete checkpoint file " + file + " of job " + jobId + ": " + e, e);
            }
        }
    }

    @Override
    public String toString() {
        return "file checkpoint store in " + directory;
    }

    private Path file(String jobId) {
        if (!JOB_ID.matcher(Objects.requireNonNull(jobId, "jobId")).matches()) {
            throw new ConfigurationException("Job id \"" + jobId + "\" cannot name a checkpoint file: use 1 to 128 "
                + "letters, digits, '.', '_' or '-'.");
        }
        return directory.resolve(jobId + SUFFIX);
    }

    private Object lock(String jobId) {
        return locks.computeIfAbsent(jobId, id -> new Object());
    }

    private static void write(Path temp, byte[] bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    }

    /** Makes the rename itself durable; some systems (Windows) cannot open a directory, and need not. */
    private void forceDirectory() {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            LOG.debug("cannot force directory {} to disk: {}", directory, e.toString());
        }
    }

    /** Removes the temp files of saves that a crash cut short: never complete, never read. */
    private void removeLeftovers(String jobId) {
        Pattern temp = Pattern.compile(Pattern.quote(jobId + SUFFIX) + "\\.[0-9]+\\.tmp");
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(directory,
            path -> temp.matcher(path.getFileName().toString()).matches())) {
            for (Path leftover : leftovers) {
                LOG.info("removing {}, left by a save of job {} that did not finish", leftover, jobId);
                Files.deleteIfExists(leftover);
            }
        } catch (IOException e) {
            LOG.warn("cannot remove the leftover temp files of job {} in {}: {}", jobId, directory, e.toString());
        }
    }

    private static void deleteQuietly(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            LOG.warn("cannot remove temp file {}: {}", temp, e.toString());
        }
    }
}
