package io.ddt.internal.diff;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;

/**
 * The order in which MongoDB 5.0 and later apply the paths of an update operator such as
 * {@code $set}, which decides the order of the fields it creates: component by component, each
 * compared as the server's {@code pathsupport::cmpPathsAndArrayIndexes} compares them (numbers
 * without leading zeros by value, anything else by its bytes).
 *
 * <p>Shared by the applier, which must know where {@code $set} puts a new field, and by the test
 * kit's fake server, which must put it there. Stateless; safe from any thread.
 */
public final class OperatorOrder {

    /** Orders dotted paths as the server applies them. */
    public static final Comparator<String> PATHS = OperatorOrder::comparePaths;

    private OperatorOrder() {
    }

    private static int comparePaths(String left, String right) {
        String[] a = left.split("\\.", -1);
        String[] b = right.split("\\.", -1);
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            int result = compareNames(a[i], b[i]);
            if (result != 0) {
                return result;
            }
        }
        return Integer.compare(a.length, b.length);
    }

    /** One component against another, as {@code cmpPathsAndArrayIndexes}. */
    static int compareNames(String left, String right) {
        if (!isNumberLike(left) || !isNumberLike(right)) {
            return compareBytes(left, right);
        }
        if (left.length() != right.length()) {
            return Integer.compare(left.length(), right.length());
        }
        for (int i = 0; i < left.length(); i++) {
            char a = left.charAt(i);
            char b = right.charAt(i);
            if (!Character.isDigit(a) || !Character.isDigit(b)) {
                return compareBytes(left, right);
            }
            if (a != b) {
                return Character.compare(a, b);
            }
        }
        return 0;
    }

    /** Starts with a digit and is not zero-padded, as the server's comparator checks. */
    private static boolean isNumberLike(String name) {
        return !name.isEmpty() && name.charAt(0) >= '0' && name.charAt(0) <= '9' && !(name.charAt(0) == '0' && name.length() > 1);
    }

    private static int compareBytes(String left, String right) {
        return Arrays.compareUnsigned(left.getBytes(StandardCharsets.UTF_8), right.getBytes(StandardCharsets.UTF_8));
    }
}
