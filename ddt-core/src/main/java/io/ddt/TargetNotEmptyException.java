package io.ddt;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Thrown at start-up when target namespaces that the job would write already hold data and the
 * policy for existing target data is to fail.
 *
 * <p>The check runs before the copy writes anything, so when this exception reaches the caller
 * the target is exactly as it was. To go on, either empty (or drop) the listed namespaces on the
 * target, map the sources to other target namespaces with a {@link NamespaceMapping}, narrow the
 * {@link NamespaceFilter}, or choose the policy that drops or merges existing target data.
 */
public class TargetNotEmptyException extends DdtException {

    private static final long serialVersionUID = 1L;

    /** The non-empty target namespaces, sorted, unmodifiable. */
    private final List<Namespace> namespaces;

    /**
     * Creates the exception for the target namespaces found to hold data.
     *
     * @param namespaces the target namespaces (after mapping) that are not empty; not empty
     * @throws NullPointerException if {@code namespaces} or one of its elements is null
     * @throws IllegalArgumentException if {@code namespaces} is empty
     */
    public TargetNotEmptyException(Collection<Namespace> namespaces) {
        this(sorted(namespaces));
    }

    private TargetNotEmptyException(List<Namespace> sorted) {
        super(message(sorted));
        this.namespaces = sorted;
    }

    /**
     * Returns the target namespaces that already hold data.
     *
     * @return the namespaces, sorted and without duplicates; never empty; unmodifiable
     */
    public List<Namespace> namespaces() {
        return namespaces;
    }

    private static List<Namespace> sorted(Collection<Namespace> namespaces) {
        Objects.requireNonNull(namespaces, "namespaces");
        if (namespaces.isEmpty()) {
            throw new IllegalArgumentException("namespaces must name at least one non-empty target namespace");
        }
        return List.copyOf(new TreeSet<>(namespaces));
    }

    private static String message(List<Namespace> namespaces) {
        return "The target already holds data in " + namespaces.size() + " selected namespace"
            + (namespaces.size() == 1 ? "" : "s") + " (" + ErrorText.names(namespaces)
            + ") and the policy for existing target data is to fail, so nothing was written. "
            + "Empty or drop them on the target, map the sources to other namespaces, "
            + "or choose the policy that drops or merges existing target data.";
    }
}
