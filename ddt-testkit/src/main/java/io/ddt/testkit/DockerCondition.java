package io.ddt.testkit;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The condition behind {@link RequiresDocker}. The answer is kept in the root context's store,
 * so the whole test run asks Docker once, and nothing is held in static state.
 */
final class DockerCondition implements ExecutionCondition {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(DockerCondition.class);

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return dockerAvailable(context)
                ? ConditionEvaluationResult.enabled("Docker is available")
                : ConditionEvaluationResult.disabled("Docker is not available");
    }

    /**
     * Tells whether Docker answers, asking Testcontainers once per test run.
     *
     * @param context any context of the run; the answer is kept in its root
     */
    static boolean dockerAvailable(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent("dockerAvailable", key -> RealCluster.dockerAvailable(), Boolean.class);
    }
}
