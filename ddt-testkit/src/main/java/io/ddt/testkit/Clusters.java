package io.ddt.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Declares that a test class starts clusters for its {@link Cluster @Cluster} fields, the way
 * Testcontainers' {@code @Testcontainers} does for {@code @Container} fields: static fields
 * live for the class, instance fields for one test. See {@link Cluster} for the rules.
 *
 * <p>It is inherited by subclasses and applies to {@code @Nested} classes inside the annotated
 * class. A class that declares {@code @Cluster} fields without it, directly or through an
 * enclosing class, fails with a message saying to add it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(ClusterExtension.class)
public @interface Clusters {
}
