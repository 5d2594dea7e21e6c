package io.ddt.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;

/** The launcher run the way an example or a benchmark runs it: as a child JVM. */
class FakeClusterLauncherTest {

    private static final long READY_SECONDS = 20;
    private static final long EXIT_SECONDS = 5;

    @TempDir
    Path dir;

    @Test
    void servesAClusterTheDriverCanUseAndExitsWhenStdinCloses() throws Exception {
        Process child = launch("--port", "0", "--replica-set", "child");
        try {
            String ready = readyLine(child);
            assertThat(ready).matches("READY mongodb://127\\.0\\.0\\.1:\\d+/\\?replicaSet=child");

            try (MongoClient client = MongoClients.create(ready.substring("READY ".length()))) {
                MongoCollection<BsonDocument> orders = client.getDatabase("shop").getCollection("orders", BsonDocument.class);
                orders.insertOne(BsonDocument.parse("{_id: 1, qty: 2}"));

                assertThat(orders.find().first()).isEqualTo(BsonDocument.parse("{_id: 1, qty: 2}"));
            }
            child.getOutputStream().close();

            assertThat(child.waitFor(EXIT_SECONDS, TimeUnit.SECONDS)).as("exited after stdin closed; stderr: %s", stderr()).isTrue();
            assertThat(child.exitValue()).isZero();
        } finally {
            child.destroyForcibly();
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "--port   | abc        | error: --port takes a number, not 'abc'",
        "--port   | 4294967296 | error: --port must be 0 to 65535, not 4294967296",
        "--colour | blue       | error: unknown option --colour",
    })
    void badArgumentExitsWithTwoAndSaysWhy(String flag, String value, String message) throws Exception {
        Process child = launch(flag, value);
        try {
            assertThat(child.waitFor(EXIT_SECONDS, TimeUnit.SECONDS)).as("exited").isTrue();

            assertThat(child.exitValue()).isEqualTo(2);
            assertThat(stderr()).startsWith(message + System.lineSeparator()).contains("usage: FakeClusterLauncher");
        } finally {
            child.destroyForcibly();
        }
    }

    @Test
    void portInUseExitsWithOneAndSaysWhatToDo() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Process child = launch("--port", Integer.toString(taken.getLocalPort()));
            try {
                assertThat(child.waitFor(EXIT_SECONDS, TimeUnit.SECONDS)).as("exited").isTrue();

                assertThat(child.exitValue()).isEqualTo(1);
                assertThat(stderr()).isEqualTo("error: Cannot start fake cluster on 127.0.0.1:" + taken.getLocalPort()
                        + ": the port is already in use. Choose another port or 0 for a free one." + System.lineSeparator());
            } finally {
                child.destroyForcibly();
            }
        }
    }

    /** Starts the launcher on this test's own class path; its stderr goes to a file, read by {@link #stderr()}. */
    private Process launch(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), FakeClusterLauncher.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(dir.resolve("stderr.txt").toFile()).start();
    }

    private String stderr() throws IOException {
        return Files.readString(dir.resolve("stderr.txt"), StandardCharsets.UTF_8);
    }

    /**
     * Waits for the {@code READY} line. A thread of its own reads stdout to the end, so that the
     * wait is bounded and the child never blocks on a full pipe.
     */
    private String readyLine(Process child) throws InterruptedException, IOException, ExecutionException {
        CompletableFuture<String> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> readStdout(child, ready), "launcher-test-stdout");
        reader.setDaemon(true);
        reader.start();
        try {
            return ready.get(READY_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("no READY line within " + READY_SECONDS + " s; stderr: " + stderr(), e);
        }
    }

    private static void readStdout(Process child, CompletableFuture<String> ready) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("READY ")) {
                    ready.complete(line);
                }
            }
            ready.completeExceptionally(new AssertionError("the launcher closed stdout without a READY line"));
        } catch (IOException e) {
            ready.completeExceptionally(e);
        }
    }
}
