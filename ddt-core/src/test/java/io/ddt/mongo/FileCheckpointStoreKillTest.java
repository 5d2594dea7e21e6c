package io.ddt.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ddt.spi.Checkpoint;
import io.ddt.spi.SampleCheckpoints;

/** A JVM saving checkpoints is killed with SIGKILL at random moments; each restart finds the last save or the one after. */
class FileCheckpointStoreKillTest {

    private static final String JOB = "killed-job";

    @TempDir
    Path directory;

    @Test
    void aSaveCutShortByAKillLeavesTheOldOrTheNewCheckpoint() throws Exception {
        Random random = new Random(20240115);
        long lastPrinted = -1;
        for (int round = 0; round < 3; round++) {
            Process child = start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                int saves = 20 + random.nextInt(30);
                for (int i = 0; i < saves; i++) {
                    String line = out.readLine();
                    assertThat(line).as("the child's output (its stderr is in " + directory + ")").isNotNull();
                    assertThat(Long.parseLong(line)).as("each run continues after the last checkpoint").isGreaterThan(lastPrinted);
                    lastPrinted = Long.parseLong(line);
                }
                Thread.sleep(random.nextInt(5));
                // SIGKILL on Unix: no shutdown hooks, no flush. Through the handle, which unlike
                // Process.destroyForcibly leaves the pipe open, so what the child printed can be read.
                child.toHandle().destroyForcibly();
                assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
                lastPrinted = lastLine(out, lastPrinted);
            }
            Checkpoint survivor = CheckpointStores.file(directory).load(JOB).orElseThrow();
            long applied = SampleCheckpoints.appliedSeconds(survivor);
            assertThat(applied).as("a save that returned survives; the one in flight may").isBetween(lastPrinted, lastPrinted + 1);
            assertThat(survivor).isEqualTo(SampleCheckpoints.streaming(JOB, applied));
            lastPrinted = applied;
            try (Stream<Path> left = Files.list(directory)) {
                assertThat(left.map(p -> p.getFileName().toString())).containsOnly(JOB + ".checkpoint.bson", "stderr.txt");
            }
        }
    }

    private Process start() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-Xmx64m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
            CheckpointSaveLoop.class.getName(), directory.toString(), JOB);
        File stderr = directory.resolve("stderr.txt").toFile();
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(stderr)).start();
    }

    /** Reads what the child printed before it died: saves that returned before the kill. */
    private static long lastLine(BufferedReader out, long last) throws IOException {
        long result = last;
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (!line.isBlank()) {
                result = Long.parseLong(line.trim());
            }
        }
        return result;
    }
}
