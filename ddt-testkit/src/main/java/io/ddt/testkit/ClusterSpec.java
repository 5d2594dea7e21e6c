package io.ddt.testkit;

import java.lang.reflect.InvocationTargetException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * What one {@link Cluster @Cluster} field or parameter asks for, checked against its declared
 * type before anything starts, so that misuse fails without a cluster to clean up. Immutable
 * once built; {@link #start()} may be called from any thread.
 */
final class ClusterSpec {

    /** The attributes that only a fake cluster has. */
    private static final List<String> FAKE_ONLY = List.of("replicaSet", "oplogSizeBytes", "noopIntervalMillis");

    private final String owner;
    private final Cluster annotation;
    private final boolean real;

    private ClusterSpec(String owner, Cluster annotation, boolean real) {
        this.owner = owner;
        this.annotation = annotation;
        this.real = real;
    }

    /**
     * Checks the annotation against the declared type.
     *
     * @param owner how messages name the field or parameter, e.g. {@code "@Cluster field CopyTest.source"}
     * @throws ExtensionConfigurationException naming the owner and saying what to do
     */
    static ClusterSpec of(String owner, Class<?> declaredType, Cluster annotation) {
        Objects.requireNonNull(annotation, "annotation");
        if (declaredType != FakeCluster.class && declaredType != RealCluster.class && declaredType != TestCluster.class) {
            throw misuse(owner + " has type " + declaredType.getSimpleName()
                    + "; declare it as FakeCluster, RealCluster or TestCluster.");
        }
        if (declaredType == FakeCluster.class && annotation.real()) {
            throw misuse(owner + " is a FakeCluster but says real = true; declare it as RealCluster or TestCluster,"
                    + " or remove real = true.");
        }
        boolean real = isReal(declaredType, annotation);
        ClusterSpec spec = new ClusterSpec(owner, annotation, real);
        if (real) {
            spec.requireNoFakeOnlyAttributes();
        } else {
            spec.fakeBuilder();
        }
        return spec;
    }

    /** Tells whether a field or parameter asks for a real cluster, without checking the rest. */
    static boolean isReal(Class<?> declaredType, Cluster annotation) {
        return annotation.real() || declaredType == RealCluster.class;
    }

    /** How messages name the field or parameter. */
    String owner() {
        return owner;
    }

    /** Whether this starts a {@link RealCluster}, which needs Docker. */
    boolean real() {
        return real;
    }

    /**
     * Starts the cluster; blocks until it answers (a real one may take seconds).
     *
     * @throws IllegalStateException naming the owner if it cannot start; the cause is kept
     */
    TestCluster start() {
        try {
            return real ? RealCluster.start("mongo:" + annotation.version()) : fakeBuilder().start();
        } catch (RuntimeException e) {
            throw new IllegalStateException("Could not start the cluster for " + owner + ": " + e.getMessage(), e);
        }
    }

    private FakeCluster.Builder fakeBuilder() {
        FakeCluster.Builder builder = FakeCluster.builder();
        check("replicaSet", annotation.replicaSet(), () -> builder.replicaSetName(annotation.replicaSet()));
        check("version", annotation.version(), () -> builder.serverVersion(annotation.version()));
        check("oplogSizeBytes", annotation.oplogSizeBytes(), () -> builder.oplogSizeBytes(annotation.oplogSizeBytes()));
        check("noopIntervalMillis", annotation.noopIntervalMillis(),
                () -> builder.noopInterval(Duration.ofMillis(annotation.noopIntervalMillis())));
        return builder;
    }

    private void check(String attribute, Object value, Runnable setter) {
        try {
            setter.run();
        } catch (IllegalArgumentException e) {
            // The builder says what a valid value is; the owner and attribute say where to fix it.
            throw new ExtensionConfigurationException(owner + " has " + attribute + " = " + value
                    + ", which is not valid (" + e.getMessage() + "); fix the annotation.", e);
        }
    }

    private void requireNoFakeOnlyAttributes() {
        if (annotation.version().isBlank()) {
            throw misuse(owner + " has a blank version; give a MongoDB image tag such as 7.0.14.");
        }
        List<String> set = new ArrayList<>();
        for (String attribute : FAKE_ONLY) {
            if (!isDefault(attribute)) {
                set.add(attribute);
            }
        }
        if (!set.isEmpty()) {
            throw misuse(owner + " is a real cluster but sets " + String.join(", ", set)
                    + ", which only a FakeCluster has (a real one's replica set is always '" + RealCluster.REPLICA_SET_NAME
                    + "'); remove them, or use a FakeCluster.");
        }
    }

    private boolean isDefault(String attribute) {
        try {
            java.lang.reflect.Method method = Cluster.class.getMethod(attribute);
            return method.invoke(annotation).equals(method.getDefaultValue());
        } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("@Cluster has no attribute " + attribute, e);
        }
    }

    private static ExtensionConfigurationException misuse(String message) {
        return new ExtensionConfigurationException(message);
    }

    @Override
    public String toString() {
        return owner + (real ? " (real)" : " (fake)");
    }
}
