package io.ddt.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the annotated test class or method only where a Docker daemon answers; elsewhere JUnit
 * reports it skipped with the reason "Docker is not available", rather than failed. Use it on
 * every test that starts a {@link RealCluster}.
 *
 * <p>The check asks Testcontainers once per test run and remembers the answer for the rest of
 * the run; without a daemon it takes well under a second.
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(DockerCondition.class)
public @interface RequiresDocker {
}
