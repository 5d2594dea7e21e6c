package io.ddt.event;

import java.util.List;
import java.util.Objects;

import org.bson.BsonDocument;

/**
 * The change an {@link Update} makes, in one of the three forms MongoDB writes:
 * <ul>
 *   <li>{@link Diff}: a {@code $v:2} oplog diff (MongoDB 5.0 and later);</li>
 *   <li>{@link Modifiers}: a {@code $v:1} or unversioned modifier document such as
 *       {@code {$set: ..., $unset: ...}} (MongoDB 4.4 and earlier);</li>
 *   <li>{@link Description}: a change stream's {@code updateDescription}.</li>
 * </ul>
 * The forms are kept as written, since turning one into another loses information (a diff
 * knows array truncations and field order that an update description flattens).
 *
 * <p>All forms are immutable and thread-safe; their {@code toString()} names the form and its
 * size, never a value.
 */
public sealed interface UpdateSpec permits UpdateSpec.Diff, UpdateSpec.Modifiers, UpdateSpec.Description {

    /**
     * A {@code $v:2} diff: the {@code diff} field of the oplog entry's {@code o}, with its
     * sections {@code i} (insert fields), {@code u} (update fields), {@code d} (delete fields),
     * {@code s<field>} (a nested diff of a sub-document or array, an array diff marked
     * {@code a: true} with {@code l} for a truncation, {@code u<n>} and {@code s<n>} for elements)
     * and {@code b} (binary changes, MongoDB 8.0).
     *
     * @param diff the diff document; not null
     */
    record Diff(BsonDocument diff) implements UpdateSpec {

        /**
         * Checks the argument.
         *
         * @throws NullPointerException if {@code diff} is null
         */
        public Diff {
            Objects.requireNonNull(diff, "diff");
        }

        /**
         * Returns {@code $v:2 diff} and the number of its top-level sections; not their names,
         * since a sub-diff's name holds a field name.
         *
         * @return the text, without values or field names
         */
        @Override
        public String toString() {
            return "$v:2 diff of " + EventText.count(diff.size(), "section");
        }
    }

    /**
     * A modifier update document, as applying it with an {@code update} command would: operators
     * ({@code $set}, {@code $unset}, ...) and their arguments, without the oplog's {@code $v}
     * marker.
     *
     * @param update the modifier document; not null
     */
    record Modifiers(BsonDocument update) implements UpdateSpec {

        /**
         * Checks the argument.
         *
         * @throws NullPointerException if {@code update} is null
         */
        public Modifiers {
            Objects.requireNonNull(update, "update");
        }

        /**
         * Returns {@code modifiers} and the operator names, such as {@code $set}.
         *
         * @return the text, without values or field names
         */
        @Override
        public String toString() {
            return "modifiers " + EventText.operators(update);
        }
    }

    /**
     * A change stream's {@code updateDescription}: the fields set (by dotted path), the fields
     * removed, the arrays truncated and, from MongoDB 6.1 with expanded events, which path
     * components are field names that look like array indexes.
     *
     * @param updatedFields each changed path and its new value; not null
     * @param removedFields the removed paths; not null, unmodifiable
     * @param truncatedArrays the arrays cut shorter; not null (empty before MongoDB 5.0),
     *     unmodifiable
     * @param disambiguatedPaths for each ambiguous path, its components (strings for field
     *     names, integers for array indexes), or {@code null} when the event did not carry it
     */
    record Description(BsonDocument updatedFields, List<String> removedFields, List<TruncatedArray> truncatedArrays,
                       BsonDocument disambiguatedPaths) implements UpdateSpec {

        /**
         * Checks the arguments and copies the lists.
         *
         * @throws NullPointerException if an argument other than {@code disambiguatedPaths} is
         *     null, or a list holds null
         */
        public Description {
            Objects.requireNonNull(updatedFields, "updatedFields");
            removedFields = List.copyOf(removedFields);
            truncatedArrays = List.copyOf(truncatedArrays);
        }

        /**
         * Returns the number of fields updated and removed and of arrays truncated.
         *
         * @return the text, without values or paths
         */
        @Override
        public String toString() {
            return "updateDescription[" + updatedFields.size() + " updated, " + removedFields.size()
                + " removed, " + truncatedArrays.size() + " truncated"
                + (disambiguatedPaths == null ? "" : ", " + disambiguatedPaths.size() + " disambiguated") + "]";
        }
    }

    /**
     * An array cut shorter by an update, from a change stream's {@code truncatedArrays}.
     *
     * @param field the dotted path of the array; not null
     * @param newSize the array's length after the update; not negative
     */
    record TruncatedArray(String field, int newSize) {

        /**
         * Checks the arguments.
         *
         * @throws NullPointerException if {@code field} is null
         * @throws IllegalArgumentException if {@code newSize} is negative
         */
        public TruncatedArray {
            Objects.requireNonNull(field, "field");
            if (newSize < 0) {
                throw new IllegalArgumentException("newSize must not be negative: " + newSize);
            }
        }
    }
}
