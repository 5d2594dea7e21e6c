package io.ddt.testkit;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Runs one {@link FakeCluster} in its own process, for examples and benchmarks that must not
 * share a heap with the code under test. Prints {@code READY <connection string>} on one line,
 * then serves until the process is stopped (SIGTERM, Ctrl-C) or its standard input closes.
 *
 * <pre>
 * java -cp ... io.ddt.testkit.FakeClusterLauncher [--port N] [--replica-set NAME]
 *      [--version 7.0.14] [--oplog-size BYTES] [--noop-interval-ms N]
 * </pre>
 */
public final class FakeClusterLauncher {

    private FakeClusterLauncher() {
    }

    /**
     * Starts the cluster and serves on the main thread until a shutdown signal or the end of
     * standard input; a shutdown hook closes the cluster. Exit codes: 0 after a clean stop, 1 if
     * the cluster cannot start (such as a port in use), 2 for bad arguments; the reason is on
     * standard error.
     *
     * @param args the options above
     * @throws InterruptedException if the main thread is interrupted while serving
     */
    public static void main(String[] args) throws InterruptedException {
        FakeCluster.Builder builder;
        try {
            builder = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            usage(System.err);
            System.exit(2);
            return;
        }
        FakeCluster cluster;
        try {
            cluster = builder.start();
        } catch (IllegalStateException e) {
            // The message says what to do (another port, say); a stack trace would bury it.
            System.err.println("error: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            cluster.close();
            stop.countDown();
        }, "ddt-fake-launcher-shutdown"));
        System.out.println("READY " + cluster.connectionString());
        System.out.flush();
        Thread stdinWatcher = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    Thread.onSpinWait();
                }
            } catch (java.io.IOException e) {
                // a closed stdin means the parent is gone: stop as well
            }
            stop.countDown();
        }, "ddt-fake-launcher-stdin");
        stdinWatcher.setDaemon(true);
        if (!Boolean.getBoolean("ddt.launcher.ignoreStdin")) {
            stdinWatcher.start();
        }
        stop.await();
        cluster.close();
    }

    static FakeCluster.Builder parse(String[] args) {
        FakeCluster.Builder builder = FakeCluster.builder();
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (flag.equals("--help")) {
                usage(System.out);
                System.exit(0);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            String value = args[++i];
            switch (flag) {
                case "--port": builder.port(parsePort(flag, value)); break;
                case "--replica-set": builder.replicaSetName(value); break;
                case "--version": builder.serverVersion(value); break;
                case "--oplog-size": builder.oplogSizeBytes(parseLong(flag, value)); break;
                case "--noop-interval-ms": builder.noopInterval(Duration.ofMillis(parseLong(flag, value))); break;
                default: throw new IllegalArgumentException("unknown option " + flag);
            }
        }
        return builder;
    }

    private static int parsePort(String flag, String value) {
        long port = parseLong(flag, value);
        // Checked here: a cast to int would turn 4294967296 into 0, "any free port".
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(flag + " must be 0 to 65535, not " + value);
        }
        return (int) port;
    }

    private static long parseLong(String flag, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " takes a number, not '" + value + "'");
        }
    }

    private static void usage(PrintStream out) {
        out.println("usage: FakeClusterLauncher [--port N] [--replica-set NAME] [--version 7.0.14]"
            + " [--oplog-size BYTES] [--noop-interval-ms N]");
    }
}
