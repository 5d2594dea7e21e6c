package io.ddt;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * The checks that keep a {@link NamespaceMapping} from sending two sources to one target, kept
 * apart from the mapping so that its rules read on their own.
 */
final class MappingChecks {

    private MappingChecks() {
    }

    /** Throws if two collection rules share a target. */
    static void checkDistinctTargets(Map<Namespace, Namespace> collectionRules) {
        Map<Namespace, Namespace> sourceByTarget = new HashMap<>();
        collectionRules.forEach((from, to) -> {
            Namespace other = sourceByTarget.putIfAbsent(to, from);
            if (other != null) {
                throw new ConfigurationException("Source namespaces " + other + " and " + from
                    + " are both renamed to " + to + "; give each target one source");
            }
        });
    }

    /** Throws if two sources map to one target, or to databases whose names differ only in case. */
    static void checkNoCollisions(Collection<Namespace> sources, UnaryOperator<Namespace> mapping) {
        Map<Namespace, Namespace> sourceByTarget = new HashMap<>();
        Map<String, Namespace> sourceByFoldedDatabase = new HashMap<>();
        // Sorted, so that the same configuration always reports the same pair.
        for (Namespace source : new TreeSet<>(sources)) {
            Namespace target = mapping.apply(source);
            Namespace other = sourceByTarget.putIfAbsent(target, source);
            if (other != null) {
                throw new ConfigurationException("Source namespaces " + other + " and " + source
                    + " both map to the target namespace " + target + "; change the mapping or the "
                    + "filter so that each target namespace has one source");
            }
            other = sourceByFoldedDatabase.putIfAbsent(asciiLowerCase(target.database()), source);
            String otherDatabase = other == null ? null : mapping.apply(other).database();
            if (otherDatabase != null && !otherDatabase.equals(target.database())) {
                throw new ConfigurationException("Source namespaces " + other + " and " + source + " map to "
                    + "the target databases " + NameRules.quote(otherDatabase) + " and "
                    + NameRules.quote(target.database()) + ", which differ only in case; MongoDB refuses "
                    + "that, so map them to the same database name or to names that differ in more than case");
            }
        }
    }

    // The server folds only ASCII letters when it compares database names for case conflicts.
    private static String asciiLowerCase(String name) {
        StringBuilder folded = new StringBuilder(name.length());
        for (char c : name.toCharArray()) {
            folded.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
        }
        return folded.toString();
    }
}
