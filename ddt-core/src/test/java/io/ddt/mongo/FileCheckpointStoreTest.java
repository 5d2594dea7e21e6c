package io.ddt.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.ddt.CheckpointException;
import io.ddt.ConfigurationException;
import io.ddt.Phase;
import io.ddt.spi.Checkpoint;
import io.ddt.spi.CheckpointStore;
import io.ddt.spi.SampleCheckpoints;

/** The file store: what a crash mid-save leaves, damaged files, and job ids that are not file names. */
class FileCheckpointStoreTest {

    @TempDir
    Path directory;

    private Path file(String job) {
        return directory.resolve(job + ".checkpoint.bson");
    }

    private byte[] savedBytes(String job, long applied) throws IOException {
        CheckpointStore store = CheckpointStores.file(directory);
        store.save(SampleCheckpoints.streaming(job, applied));
        return Files.readAllBytes(file(job));
    }

    @Test
    void aTempFileLeftByASaveCutShortIsIgnoredAndRemoved() throws IOException {
        byte[] newer = savedBytes("orders-sync", 8);
        CheckpointStore store = CheckpointStores.file(directory);
        store.save(SampleCheckpoints.streaming("orders-sync", 7));
        Path partial = directory.resolve("orders-sync.checkpoint.bson.4711.tmp");
        Files.write(partial, Arrays.copyOf(newer, newer.length / 2));
        Path othersLeftover = directory.resolve("orders.checkpoint.bson.4711.tmp");
        Files.write(othersLeftover, new byte[] {1});

        assertThat(store.load("orders-sync")).contains(SampleCheckpoints.streaming("orders-sync", 7));
        assertThat(partial).doesNotExist();
        assertThat(othersLeftover).as("another job's temp file").exists();
    }

    @Test
    void aTruncatedFileIsAnErrorNamingTheFileNeverAnEmptyStart() throws IOException {
        byte[] bytes = savedBytes("orders-sync", 3);
        Files.write(file("orders-sync"), Arrays.copyOf(bytes, bytes.length - 10));
        CheckpointStore store = CheckpointStores.file(directory);

        assertThatThrownBy(() -> store.load("orders-sync")).isInstanceOf(CheckpointException.class)
            .hasMessage("Checkpoint file " + file("orders-sync") + " cannot be used: it is truncated: it holds "
                + (bytes.length - 10) + " of the " + bytes.length + " bytes it declares. ddt does not start over on its "
                + "own: restore the file from a backup, or delete it to start job orders-sync from the beginning.");
        assertThat(Files.size(file("orders-sync"))).as("the damaged file is left for the operator").isEqualTo(bytes.length - 10);
        Files.write(file("orders-sync"), new byte[0]);
        assertThatThrownBy(() -> store.load("orders-sync")).hasMessageContaining("it is truncated: 0 bytes");
    }

    @Test
    void aChangedByteFailsTheChecksum() throws IOException {
        byte[] bytes = savedBytes("orders-sync", 3);
        int fingerprint = indexOf(bytes, "sha256:") + 10;
        bytes[fingerprint] = (byte) (bytes[fingerprint] == 'a' ? 'b' : 'a');
        Files.write(file("orders-sync"), bytes);

        assertThatThrownBy(() -> CheckpointStores.file(directory).load("orders-sync")).isInstanceOf(CheckpointException.class)
            .hasMessageContaining(file("orders-sync").toString())
            .hasMessageContaining("its checksum does not match its content, which was damaged or edited");
    }

    @Test
    void extraBytesOrBytesThatAreNotBsonAreErrors() throws IOException {
        byte[] bytes = savedBytes("orders-sync", 3);
        Files.write(file("orders-sync"), Arrays.copyOf(bytes, bytes.length + 3));
        assertThatThrownBy(() -> CheckpointStores.file(directory).load("orders-sync"))
            .hasMessageContaining("its length is wrong: it holds " + (bytes.length + 3) + " bytes but declares " + bytes.length);

        byte[] garbage = bytes.clone();
        garbage[4] = 0x7f; // the first element's type: no BSON type has this number
        Files.write(file("orders-sync"), garbage);
        assertThatThrownBy(() -> CheckpointStores.file(directory).load("orders-sync"))
            .isInstanceOf(CheckpointException.class).hasMessageContaining("it is not valid BSON");
    }

    @Test
    void aFileOfAnotherJobOrFormatIsNotTaken() throws IOException {
        Files.write(file("orders-sync"), savedBytes("users-sync", 1));
        assertThatThrownBy(() -> CheckpointStores.file(directory).load("orders-sync"))
            .hasMessageContaining("it holds the checkpoint of job users-sync, not of job orders-sync");

        Checkpoint done = Checkpoint.builder("orders-sync").phase(Phase.DONE).fingerprint("f").build();
        byte[] bytes = savedBytes("orders-sync", 1);
        Files.write(file("orders-sync"), replace(bytes, "ddt-checkpoint", "ddt-checkpoinX"));
        assertThatThrownBy(() -> CheckpointStores.file(directory).load("orders-sync"))
            .hasMessageContaining("it is not a ddt checkpoint file");
        CheckpointStores.file(directory).save(done);
        assertThat(CheckpointStores.file(directory).load("orders-sync")).contains(done);
    }

    @ParameterizedTest
    @ValueSource(strings = {"../escape", "a/b", "a\\b", "", "has space", "nul\u0000", "über"})
    void jobIdsThatAreNotSafeFileNamesAreRefused(String jobId) throws IOException {
        CheckpointStore store = CheckpointStores.file(directory.resolve("store"));

        assertThatThrownBy(() -> store.load(jobId)).isInstanceOf(ConfigurationException.class)
            .hasMessageContaining("cannot name a checkpoint file: use 1 to 128 letters, digits, '.', '_' or '-'");
        assertThatThrownBy(() -> store.delete(jobId)).isInstanceOf(ConfigurationException.class);
        if (!jobId.isBlank()) {
            assertThatThrownBy(() -> store.save(Checkpoint.builder(jobId).phase(Phase.DONE).fingerprint("f").build()))
                .isInstanceOf(ConfigurationException.class);
        }
        try (Stream<Path> files = Files.walk(directory)) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void theLongestIdAllowedIsAFileNameTooAndOneMoreIsNot() {
        CheckpointStore store = CheckpointStores.file(directory);
        String longest = "j".repeat(128);
        store.save(Checkpoint.builder(longest).phase(Phase.DONE).fingerprint("f").build());

        assertThat(store.load(longest)).isPresent();
        assertThatThrownBy(() -> store.load(longest + "j")).isInstanceOf(ConfigurationException.class);
    }

    private static int indexOf(byte[] bytes, String text) {
        String all = new String(bytes, StandardCharsets.ISO_8859_1);
        int index = all.indexOf(text);
        assertThat(index).as("offset of " + text).isNotNegative();
        return index;
    }

    private static byte[] replace(byte[] bytes, String text, String replacement) {
        byte[] changed = bytes.clone();
        byte[] with = replacement.getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(with, 0, changed, indexOf(bytes, text), with.length);
        return changed;
    }
}
