package io.ddt.testkit;

import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The JUnit 5 extension behind {@link Clusters @Clusters} and {@link Cluster @Cluster}: it starts
 * a cluster for every {@code @Cluster} field and parameter and closes it when its scope ends.
 * Register it through those annotations rather than directly.
 *
 * <p>JUnit calls it on the thread that runs the test class or test: {@code beforeAll} starts the
 * static fields of the class (and of its superclasses), {@code beforeEach} the instance fields of
 * the test instance and, for a {@code @Nested} test, of its enclosing instances; parameters are
 * started as JUnit resolves them. Every field is checked before the first cluster starts, so
 * misuse starts nothing. {@code afterEach} and {@code afterAll} close what their scope started,
 * newest first, even when the test or a later start failed, and set the fields back to
 * {@code null}; a close that fails is reported as a failure of that test or class, naming the
 * field, after the other clusters have been closed.
 *
 * <p>As an execution condition it skips, where Docker is absent, a class with a real static
 * cluster and a test with a real instance field or parameter, rather than let them fail.
 *
 * <p>Stateless: what it started is kept in each context's store, so parallel classes and tests
 * do not interfere. A static field inherited by several test classes must not be used by classes
 * that run in parallel, since they would share the one field.
 */
public final class ClusterExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback, ParameterResolver, ExecutionCondition {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ClusterExtension.class);

    /** Creates the extension; JUnit calls this once per registration. */
    public ClusterExtension() {
    }

    /** Starts the test class's static {@code @Cluster} fields, after checking them all. */
    @Override
    public void beforeAll(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        start(ClusterFields.check(testClass, ClusterFields.staticFields(testClass), null, true), started(context));
    }

    /** Starts the instance {@code @Cluster} fields of the test instance and its enclosing instances. */
    @Override
    public void beforeEach(ExtensionContext context) {
        List<ClusterFields.Target> targets = new ArrayList<>();
        for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
            Class<?> type = instance.getClass();
            targets.addAll(ClusterFields.check(type, ClusterFields.instanceFields(type), instance, true));
        }
        start(targets, started(context));
    }

    /** Closes what {@link #beforeEach} and the test's parameters started; clears the fields. */
    @Override
    public void afterEach(ExtensionContext context) {
        started(context).close();
    }

    /** Closes what {@link #beforeAll} started; clears the static fields. */
    @Override
    public void afterAll(ExtensionContext context) {
        started(context).close();
    }

    private static void start(List<ClusterFields.Target> targets, StartedClusters started) {
        for (ClusterFields.Target target : targets) {
            TestCluster cluster = target.spec().start();
            started.add(target.spec().owner(), cluster, () -> target.set(null));
            target.set(cluster);
        }
    }

    /** Claims every parameter annotated {@code @Cluster}, so that a wrong type gets our message. */
    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.isAnnotated(Cluster.class);
    }

    /**
     * Starts a cluster for a test method or constructor parameter; it is closed after the test
     * (after the class, for a constructor under {@code PER_CLASS} lifecycle).
     *
     * @throws ParameterResolutionException if the parameter is misused or the cluster cannot start
     */
    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Executable executable = parameter.getDeclaringExecutable();
        String owner = ClusterFields.name(executable, parameter.getIndex());
        if (executable instanceof Method && !executable.equals(context.getTestMethod().orElse(null))) {
            throw new ParameterResolutionException(owner + " is not on a test method or constructor; @Cluster parameters"
                    + " are started per test. Use a @Cluster field to share a cluster with lifecycle methods.");
        }
        ClusterSpec spec = parameterSpec(owner, parameter);
        if (spec.real() && !DockerCondition.dockerAvailable(context)) {
            throw new ParameterResolutionException(owner + " needs a RealCluster, but Docker is not available;"
                    + " annotate the class with @RequiresDocker so that it is skipped where Docker is absent.");
        }
        TestCluster cluster = spec.start();
        started(context).add(owner, cluster, () -> { });
        return cluster;
    }

    private static ClusterSpec parameterSpec(String owner, ParameterContext parameter) {
        try {
            return ClusterSpec.of(owner, parameter.getParameter().getType(), parameter.findAnnotation(Cluster.class).orElseThrow());
        } catch (ExtensionConfigurationException e) {
            throw new ParameterResolutionException(e.getMessage(), e);
        }
    }

    /**
     * Resolves constructor parameters in the test's own context, so that a constructor's
     * cluster is closed after the test rather than after the class.
     */
    @Override
    public ExtensionContextScope getTestInstantiationExtensionContextScope(ExtensionContext rootContext) {
        return ExtensionContextScope.TEST_METHOD;
    }

    /**
     * Skips, where Docker is absent, a class or test whose clusters include a real one. Misused
     * annotations are left to fail in the callbacks, with or without Docker.
     */
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        List<String> real;
        try {
            real = realOwners(context);
        } catch (ExtensionConfigurationException misuse) {
            return ConditionEvaluationResult.enabled("@Cluster misuse is reported when the clusters start");
        }
        if (real.isEmpty() || DockerCondition.dockerAvailable(context)) {
            return ConditionEvaluationResult.enabled("every cluster can start here");
        }
        return ConditionEvaluationResult.disabled("Docker is not available, and " + String.join(", ", real)
                + (real.size() == 1 ? " needs" : " need") + " a RealCluster");
    }

    private static List<String> realOwners(ExtensionContext context) {
        if (context.getTestClass().isEmpty()) {
            return List.of();
        }
        Class<?> testClass = context.getRequiredTestClass();
        boolean perClass = context.getTestInstanceLifecycle().orElse(null) == TestInstance.Lifecycle.PER_CLASS;
        List<ClusterSpec> specs = new ArrayList<>();
        if (context.getTestMethod().isPresent()) {
            for (Class<?> type = testClass; type != null; type = ClusterFields.enclosingOfNested(type)) {
                ClusterFields.check(type, ClusterFields.instanceFields(type), null, false).forEach(t -> specs.add(t.spec()));
            }
            specs.addAll(parameterSpecs(context.getRequiredTestMethod()));
        } else {
            ClusterFields.check(testClass, ClusterFields.staticFields(testClass), null, false).forEach(t -> specs.add(t.spec()));
        }
        if (context.getTestMethod().isPresent() != perClass) {
            for (Executable constructor : testClass.getDeclaredConstructors()) {
                specs.addAll(parameterSpecs(constructor));
            }
        }
        return specs.stream().filter(ClusterSpec::real).map(ClusterSpec::owner).toList();
    }

    private static List<ClusterSpec> parameterSpecs(Executable executable) {
        List<ClusterSpec> specs = new ArrayList<>();
        for (int i = 0; i < executable.getParameterCount(); i++) {
            Cluster annotation = executable.getParameters()[i].getAnnotation(Cluster.class);
            if (annotation != null) {
                specs.add(ClusterSpec.of(ClusterFields.name(executable, i), executable.getParameterTypes()[i], annotation));
            }
        }
        return specs;
    }

    private static StartedClusters started(ExtensionContext context) {
        // Keyed by the context's id: a store lookup falls back to the parent's, and a test's
        // clusters must never be taken for its class's.
        return context.getStore(NAMESPACE).getOrComputeIfAbsent(context.getUniqueId(), id -> new StartedClusters(),
                StartedClusters.class);
    }
}
