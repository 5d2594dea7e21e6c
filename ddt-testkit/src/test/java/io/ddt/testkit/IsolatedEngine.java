package io.ddt.testkit;

import java.util.List;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** Runs {@link OnlyInEngineTestKit} classes in a JUnit engine of their own and reads the outcome. */
final class IsolatedEngine {

    private IsolatedEngine() {
    }

    /** Runs a test class in a JUnit engine of its own, as the build would, and returns what happened. */
    static EngineExecutionResults run(Class<?> testClass) {
        return EngineTestKit.engine("junit-jupiter")
                .configurationParameter(OnlyInEngineTestKit.PARAMETER, "true")
                .selectors(DiscoverySelectors.selectClass(testClass))
                .execute();
    }

    /** The messages of every failed test and container, in the order they finished. */
    static List<String> failureMessages(Events events) {
        return events.failed().stream()
                .map(event -> event.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow())
                .map(Throwable::getMessage)
                .toList();
    }
}
