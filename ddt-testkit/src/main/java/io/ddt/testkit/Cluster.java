package io.ddt.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a field or parameter that {@link ClusterExtension} fills with a started cluster and
 * closes again, in the Testcontainers style:
 *
 * <pre>{@code
 * @Clusters
 * class CopyTest {
 *     @Cluster static FakeCluster source;                 // one for the whole class
 *     @Cluster(replicaSet = "target") TestCluster target;  // a fresh one for every test
 *
 *     @Test
 *     void copies(@Cluster FakeCluster scratch) {          // a fresh one for this test
 *         ...
 *     }
 * }
 * }</pre>
 *
 * <p><b>Fields</b> must be of type {@link FakeCluster}, {@link RealCluster} or
 * {@link TestCluster}, must not be final, and must be left {@code null} (no initializer); the
 * class, or for a {@code @Nested} class an enclosing class, must be annotated
 * {@link Clusters @Clusters}. A static field is started before the class's first
 * {@code @BeforeAll} method and closed after its last {@code @AfterAll} method; an instance
 * field is started before the first {@code @BeforeEach} method of each test and closed after its
 * last {@code @AfterEach} method. Either way the field is set back to {@code null} once closed.
 * {@code @Nested} classes see the enclosing class's static clusters as they are.
 *
 * <p><b>Parameters</b> of a test method or of the test class's constructor may be of the same
 * types; each gets a cluster of its own, closed after the test (after the class, for a
 * constructor under {@code @TestInstance(PER_CLASS)}). Parameters of lifecycle methods such as
 * {@code @BeforeEach} are refused: use a field to share a cluster with them.
 *
 * <p><b>Which kind</b>: a {@link RealCluster} when the declared type is {@code RealCluster} or
 * {@link #real()} is {@code true}, a {@link FakeCluster} otherwise. Where Docker is absent,
 * a class with a real static cluster, or a test with a real instance field or parameter, is
 * reported skipped (not failed) with the reason "Docker is not available".
 *
 * <p>Misuse (another type, a final field, a field already set, a missing {@code @Clusters},
 * attributes that contradict each other or the type) fails the class or test with a message
 * that names the field and says what to do; no cluster is started then.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(ClusterExtension.class)
public @interface Cluster {

    /**
     * The replica set name of a fake cluster; default {@code "rs0"}. A real cluster's set is
     * always {@value RealCluster#REPLICA_SET_NAME}, so another name with a real cluster is an
     * error.
     *
     * @return letters, digits, {@code '_'} or {@code '-'}
     */
    String replicaSet() default "rs0";

    /**
     * The MongoDB version; default {@code "7.0.14"}. A fake cluster presents it in {@code hello}
     * and {@code buildInfo}; a real cluster runs the image {@code mongo:<version>}.
     *
     * @return a version such as {@code "7.0.14"} or {@code "8.0"}
     */
    String version() default "7.0.14";

    /**
     * The cap of a fake cluster's oplog in bytes; default 256 MiB ({@code 268435456}), at least
     * 1024. Not settable for a real cluster.
     *
     * @return the oplog size in bytes
     */
    long oplogSizeBytes() default 268_435_456L;

    /**
     * How long a fake cluster may be idle before it writes a periodic no-op, in milliseconds;
     * default {@code 10000}, as a real primary does. Not settable for a real cluster.
     *
     * @return a positive number of milliseconds
     */
    long noopIntervalMillis() default 10_000L;

    /**
     * Whether to start a {@link RealCluster} in Docker rather than a fake one; default
     * {@code false}. A field or parameter declared as {@code RealCluster} is real without it;
     * one declared as {@code FakeCluster} cannot be.
     *
     * @return {@code true} for a real cluster
     */
    boolean real() default false;
}
