package io.ddt.internal.apply;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.bson.BsonValue;

/**
 * What an update does to one value of a document, in the terms of MongoDB's {@code $v:2} diff
 * applier: the common form into which diffs, change-stream update descriptions and modifier
 * updates are read before they are written as a target update.
 *
 * <p>Edits are built by one thread and then only read; they hold the event's own values.
 */
sealed interface Edit permits Edit.Document, Edit.Array, Edit.Either {

    /**
     * The edit of a sub-document, applied as the server applies a document diff: fields
     * {@linkplain #remove removed}; fields {@linkplain #update updated} in place, or appended
     * when missing; fields {@linkplain #insert inserted} at the end (removed first where they
     * exist, so that re-applying moves them as the server does); {@linkplain #nest nested} edits
     * applied in place to fields that exist, and ignored for fields that do not.
     */
    final class Document implements Edit {
        final Set<String> removed = new LinkedHashSet<>();
        final Map<String, BsonValue> updates = new LinkedHashMap<>();
        final Map<String, BsonValue> inserts = new LinkedHashMap<>();
        final Map<String, Edit> nested = new LinkedHashMap<>();

        void remove(String field) {
            removed.add(field);
        }

        void update(String field, BsonValue value) {
            updates.put(field, value);
        }

        void insert(String field, BsonValue value) {
            removed.add(field);
            inserts.put(field, value);
        }

        void nest(String field, Edit edit) {
            nested.put(field, edit);
        }

        /** Tells whether the edit only updates and removes fields of this level. */
        boolean isFlat() {
            return inserts.isEmpty() && nested.isEmpty();
        }
    }

    /**
     * The edit of an array, applied as the server applies an array diff: cut to (or padded with
     * nulls up to) {@link #newLength} if set, then each changed index set to a value or edited in
     * place, padding with nulls past the end; an edit of a missing or mistyped element gives null.
     */
    final class Array implements Edit {
        Integer newLength;
        /** Each changed index, ascending, to a {@link BsonValue} or an {@link Edit}. */
        final TreeMap<Integer, Object> elements = new TreeMap<>();

        void resize(int length) {
            newLength = length;
        }

        void set(int index, BsonValue value) {
            elements.put(index, value);
        }

        void nest(int index, Edit edit) {
            elements.put(index, edit);
        }
    }

    /**
     * An edit whose path says neither whether its numeric components are array indexes or field
     * names (a change stream before MongoDB 6.1, a modifier path such as {@code a.1.c}): applied
     * as {@link #asArray} to an array and as {@link #asDocument} to anything else, as the server
     * reads such a path against the document it finds.
     *
     * @param asDocument the edit if the value is a document
     * @param asArray the edit if the value is an array
     */
    record Either(Document asDocument, Array asArray) implements Edit {
    }
}
