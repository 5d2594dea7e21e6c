package io.ddt.internal.apply;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.BsonNull;
import org.bson.BsonValue;

/**
 * Gathers changes given by path (a change stream's {@code updatedFields}, {@code removedFields}
 * and {@code truncatedArrays}; the paths of a {@code $set} or {@code $unset}) into an
 * {@link Edit}: a set path updates its field in place (or appends it), a removed path removes
 * it, a truncation resizes an array.
 *
 * <p>Whether a level is an array or a document follows from its components: array indexes make
 * an array, field names a document; a level reached only by numeric components that may be
 * either becomes an {@link Edit.Either}. Not thread-safe: one builder reads one update.
 */
final class PathEdits {

    /** One component of a path. */
    record Step(String name, Kind kind) {
    }

    /** What a component names. */
    enum Kind {
        /** A field of a document. */
        FIELD,
        /** An element of an array. */
        INDEX,
        /** A numeric component: an element of an array, or a field of anything else. */
        EITHER
    }

    private final Node root = new Node(Kind.FIELD);

    /** Sets the value at a path. */
    void set(List<Step> path, BsonValue value) {
        leaf(path).value = value;
    }

    /** Removes the field at a path; an array element removed becomes null, as {@code $unset} does. */
    void remove(List<Step> path) {
        leaf(path).removed = true;
    }

    /** Cuts the array at a path to a length. */
    void truncate(List<Step> path, int length) {
        node(path).newLength = length;
    }

    /**
     * Returns the edit of the whole document.
     *
     * @throws IllegalArgumentException if a path runs through another path's new value, or one
     *     level is reached both as an array and as a document
     */
    Edit.Document build() {
        return document(root);
    }

    private Node leaf(List<Step> path) {
        Node leaf = node(path);
        if (leaf.value != null || leaf.removed || !leaf.children.isEmpty()) {
            throw new IllegalArgumentException("two changes of one path, or of a path and a path inside it");
        }
        return leaf;
    }

    private Node node(List<Step> path) {
        Node node = root;
        for (Step step : path) {
            if (node.value != null || node.removed) {
                throw new IllegalArgumentException("a change inside a path that is set or removed as a whole");
            }
            node = node.children.computeIfAbsent(step.name(), name -> new Node(step.kind()));
        }
        return node;
    }

    private static Edit edit(Node node) {
        boolean fields = node.children.values().stream().anyMatch(child -> child.kind == Kind.FIELD);
        boolean indexes = node.newLength != null || node.children.values().stream().anyMatch(child -> child.kind == Kind.INDEX);
        if (fields && indexes) {
            throw new IllegalArgumentException("one level changed both as an array and as a document");
        }
        if (indexes) {
            return array(node);
        }
        return fields ? document(node) : new Edit.Either(document(node), array(node));
    }

    private static Edit.Document document(Node node) {
        Edit.Document edit = new Edit.Document();
        node.children.forEach((name, child) -> {
            if (child.value != null) {
                edit.update(name, child.value);
            } else if (child.removed) {
                edit.remove(name);
            } else {
                edit.nest(name, edit(child));
            }
        });
        return edit;
    }

    private static Edit.Array array(Node node) {
        Edit.Array edit = new Edit.Array();
        if (node.newLength != null) {
            edit.resize(node.newLength);
        }
        node.children.forEach((name, child) -> {
            int index = Integer.parseInt(name);
            if (child.value != null || child.removed) {
                edit.set(index, child.removed ? BsonNull.VALUE : child.value);
            } else {
                edit.nest(index, edit(child));
            }
        });
        return edit;
    }

    /** One level of the paths seen so far. */
    private static final class Node {
        final Kind kind;
        final Map<String, Node> children = new LinkedHashMap<>();
        BsonValue value;
        boolean removed;
        Integer newLength;

        Node(Kind kind) {
            this.kind = kind;
        }
    }
}
