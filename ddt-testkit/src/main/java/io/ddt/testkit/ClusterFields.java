package io.ddt.testkit;

import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Finds, checks and sets {@link Cluster @Cluster} fields; and names fields, parameters and
 * classes the way the messages do. Stateless.
 */
final class ClusterFields {

    /** A checked field and the object whose field it is ({@code null} for a static one). */
    record Target(Field field, Object instance, ClusterSpec spec) {

        /** Sets the field; {@code null} clears it. */
        void set(TestCluster value) {
            try {
                field.setAccessible(true);
                field.set(instance, value);
            } catch (IllegalAccessException | RuntimeException e) {
                throw new ExtensionConfigurationException("Cannot set " + spec.owner() + ": " + e.getMessage()
                        + "; make the field accessible to ClusterExtension (open the package to org.junit.platform.commons"
                        + " or make the field package-private).", e);
            }
        }
    }

    private ClusterFields() {
    }

    /** The {@code @Cluster} static fields of a class and its superclasses, superclass first. */
    static List<Field> staticFields(Class<?> type) {
        return fields(type, true);
    }

    /** The {@code @Cluster} instance fields of a class and its superclasses, superclass first. */
    static List<Field> instanceFields(Class<?> type) {
        return fields(type, false);
    }

    private static List<Field> fields(Class<?> type, boolean statics) {
        return AnnotationSupport.findAnnotatedFields(type, Cluster.class).stream()
                .filter(field -> Modifier.isStatic(field.getModifiers()) == statics)
                .collect(Collectors.toList());
    }

    /**
     * Checks every field before any cluster starts, so that misuse starts nothing.
     *
     * @param testClass the class whose tests these fields serve; it or an enclosing class of a
     *     {@code @Nested} class must carry {@link Clusters}
     * @param instance the object holding the fields, {@code null} for static fields
     * @param requireUnset whether a field that already holds a value is an error
     * @throws ExtensionConfigurationException naming the field and saying what to do
     */
    static List<Target> check(Class<?> testClass, List<Field> fields, Object instance, boolean requireUnset) {
        if (fields.isEmpty()) {
            return List.of();
        }
        requireClustersAnnotation(testClass, fields);
        List<Target> targets = new ArrayList<>();
        for (Field field : fields) {
            String owner = "@Cluster field " + name(field);
            if (Modifier.isFinal(field.getModifiers())) {
                throw new ExtensionConfigurationException(owner + " is final; remove final so that ClusterExtension can set it.");
            }
            Target target = new Target(field, instance, ClusterSpec.of(owner, field.getType(), field.getAnnotation(Cluster.class)));
            if (requireUnset) {
                requireUnset(target);
            }
            targets.add(target);
        }
        return targets;
    }

    private static void requireClustersAnnotation(Class<?> testClass, List<Field> fields) {
        for (Class<?> type = testClass; type != null; type = enclosingOfNested(type)) {
            if (AnnotationSupport.isAnnotated(type, Clusters.class)) {
                return;
            }
        }
        String names = fields.stream().map(Field::getName).collect(Collectors.joining(", "));
        throw new ExtensionConfigurationException(name(testClass) + " has @Cluster fields (" + names
                + ") but is not annotated @Clusters; annotate the class with @Clusters so that its clusters are started"
                + " and closed around its tests.");
    }

    /** The class enclosing a {@code @Nested} (inner) class; {@code null} for any other class. */
    static Class<?> enclosingOfNested(Class<?> type) {
        boolean inner = type.isMemberClass() && !Modifier.isStatic(type.getModifiers());
        return inner ? type.getEnclosingClass() : null;
    }

    private static void requireUnset(Target target) {
        Object value;
        try {
            target.field().setAccessible(true);
            value = target.field().get(target.instance());
        } catch (IllegalAccessException | RuntimeException e) {
            throw new ExtensionConfigurationException("Cannot read " + target.spec().owner() + ": " + e.getMessage(), e);
        }
        if (value != null) {
            throw new ExtensionConfigurationException(target.spec().owner() + " already holds " + value
                    + "; remove its initializer and let ClusterExtension start and close the cluster"
                    + " (or drop @Cluster to manage it yourself).");
        }
    }

    /** Names a field as {@code Outer.Inner.field}. */
    static String name(Field field) {
        return name(field.getDeclaringClass()) + "." + field.getName();
    }

    /** Names a parameter by position, type and executable, as {@code parameter 0 (FakeCluster) of CopyTest.copies()}. */
    static String name(Executable executable, int index) {
        String where = name(executable.getDeclaringClass())
                + (executable instanceof java.lang.reflect.Constructor ? " constructor" : "." + executable.getName() + "()");
        return "@Cluster parameter " + index + " (" + executable.getParameterTypes()[index].getSimpleName() + ") of " + where;
    }

    /** Names a class by its simple names from the outermost class in, as {@code CopyTest.Nested}. */
    static String name(Class<?> type) {
        Class<?> enclosing = type.getEnclosingClass();
        return enclosing == null ? type.getSimpleName() : name(enclosing) + "." + type.getSimpleName();
    }
}
