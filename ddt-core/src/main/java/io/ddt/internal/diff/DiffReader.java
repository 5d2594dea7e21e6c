package io.ddt.internal.diff;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.BsonDocument;
import org.bson.BsonNumber;
import org.bson.BsonValue;

/**
 * Reads one level of a {@code $v:2} diff with the checks of the server's
 * {@code DocumentDiffReader} and {@code ArrayDiffReader} (document_diff_serialization.cpp), and
 * a few more where the server would loop or run out of memory instead of failing.
 *
 * <p>Like the server, it reads lazily: a level is read when it is applied, and a sub-diff's own
 * layout (its sections, or its array header) is checked when its parent level is read. Every
 * failure is an {@link IllegalArgumentException} naming the offending key by its path in the diff.
 *
 * <p>Shared by the applier, which turns diffs into target writes, and by the test kit's fake
 * server, which applies them as a secondary does; so both read a diff the same way.
 *
 * <p>Stateless; safe from any thread.
 */
public final class DiffReader {

    /**
     * Largest array index or length accepted. Every array element takes at least three bytes,
     * so no longer array fits in a 16 MiB document; without a bound a bad diff could make the
     * applier pad billions of nulls.
     */
    public static final int MAX_ARRAY_LENGTH = 16 * 1024 * 1024 / 3;

    /** The kinds of change a diff makes to one field or array element. */
    public enum Kind { DELETE, UPDATE, INSERT, BINARY, SUB_DOCUMENT, SUB_ARRAY }

    /**
     * One change: {@code value} is null for a delete and the sub-diff for SUB_* kinds;
     * {@code path} is where it sits in the diff, for messages.
     */
    public record Change(Kind kind, BsonValue value, String path) {}

    /**
     * One level of a document diff: the change for each field named, in diff order (sections
     * d, u, i, b, then the sub-diffs), and the updates then inserts in diff order, which the
     * applier appends when the field was not updated in place.
     */
    public record DocumentLevel(Map<String, Change> changes, List<Map.Entry<String, BsonValue>> appends) {}

    /** One array element change. */
    public record ElementChange(int index, Change change) {}

    /** One level of an array diff: the new length if any, and the changes by ascending index. */
    public record ArrayLevel(Integer newLength, List<ElementChange> changes) {}

    /** A {@code b} entry: keep the first {@code offset} bytes, then write {@code data}. */
    public record BinaryPatch(int offset, byte[] data) {}

    private static final String SECTION_ORDER = "duib";

    private DiffReader() {}

    /** Reads a document diff level; {@code path} names it in messages ("" at the top). */
    public static DocumentLevel readDocument(BsonDocument diff, String path) {
        checkDocumentLayout(diff, path);
        Map<String, Change> changes = new LinkedHashMap<>();
        List<Map.Entry<String, BsonValue>> appends = new ArrayList<>();
        List<Map.Entry<String, BsonValue>> inserts = new ArrayList<>();
        for (Map.Entry<String, BsonValue> section : diff.entrySet()) {
            String key = section.getKey();
            char name = key.charAt(0);
            if (name == 's') {
                String field = key.substring(1);
                BsonDocument sub = section.getValue().asDocument();
                String subPath = join(path, key);
                putOnce(changes, field, new Change(checkSubDiffLayout(sub, subPath), sub, subPath),
                        path, key);
                continue;
            }
            Kind kind = sectionKind(name);
            for (Map.Entry<String, BsonValue> field : section.getValue().asDocument().entrySet()) {
                BsonValue value = kind == Kind.DELETE ? null : field.getValue();
                String fieldPath = join(join(path, key), field.getKey());
                putOnce(changes, field.getKey(), new Change(kind, value, fieldPath), path, key);
                if (kind == Kind.UPDATE) {
                    appends.add(field);
                } else if (kind == Kind.INSERT) {
                    inserts.add(field);
                }
            }
        }
        appends.addAll(inserts);
        return new DocumentLevel(changes, appends);
    }

    /** Reads an array diff level; {@code path} names it in messages. */
    public static ArrayLevel readArray(BsonDocument diff, String path) {
        Integer newLength = checkArrayHeader(diff, path);
        List<ElementChange> changes = new ArrayList<>();
        int previous = -1;
        for (Map.Entry<String, BsonValue> entry : diff.entrySet()) {
            String key = entry.getKey();
            if (key.equals("a") || (key.equals("l") && newLength != null)) {
                continue;
            }
            int index = parseIndex(key, path);
            if (index <= previous) {
                throw bad(path, key, "array indexes must be distinct and ascending");
            }
            if (newLength != null && index >= newLength) {
                throw bad(path, key, "array diff index is not below the new length " + newLength);
            }
            previous = index;
            changes.add(new ElementChange(index, elementChange(entry.getValue(), path, key)));
        }
        return new ArrayLevel(newLength, Collections.unmodifiableList(changes));
    }

    /** Reads a {@code b} section entry {@code {o: <offset>, d: <binary>}}. */
    public static BinaryPatch readBinary(BsonValue entry, String path) {
        if (!entry.isDocument()) {
            throw bad(path, "", "a binary diff must be a document, not " + entry.getBsonType());
        }
        BsonValue offsetValue = entry.asDocument().get("o");
        boolean numeric = offsetValue != null
                && (offsetValue.isNumber() || offsetValue.isDecimal128());
        // As the server's getIntField: a missing or non-numeric offset reads as INT_MIN.
        int offset = numeric ? ((BsonNumber) offsetValue).intValue() : Integer.MIN_VALUE;
        if (offset < 0) {
            throw bad(path, "o", "binary diff offset must be a non-negative number");
        }
        BsonValue data = entry.asDocument().get("d");
        if (data == null || !data.isBinary()) {
            throw bad(path, "d", "binary diff 'd' must be binary data");
        }
        return new BinaryPatch(offset, data.asBinary().getData());
    }

    /**
     * Reads every level of {@code diff}, which the applier does only for the parts it reaches.
     *
     * @throws IllegalArgumentException naming the first malformed key
     */
    public static void validateTree(BsonDocument diff, String path) {
        for (Change change : readDocument(diff, path).changes().values()) {
            validateChange(change);
        }
    }

    private static void validateChange(Change change) {
        if (change.kind() == Kind.BINARY) {
            readBinary(change.value(), change.path());
        } else if (change.kind() == Kind.SUB_DOCUMENT) {
            validateTree(change.value().asDocument(), change.path());
        } else if (change.kind() == Kind.SUB_ARRAY) {
            BsonDocument sub = change.value().asDocument();
            for (ElementChange element : readArray(sub, change.path()).changes()) {
                validateChange(element.change());
            }
        }
    }

    private static Change elementChange(BsonValue value, String path, String key) {
        if (key.charAt(0) == 'u') {
            return new Change(Kind.UPDATE, value, join(path, key));
        }
        if (!value.isDocument()) {
            throw bad(path, key, "a sub-diff must be a document, not " + value.getBsonType());
        }
        BsonDocument sub = value.asDocument();
        return new Change(checkSubDiffLayout(sub, join(path, key)), sub, join(path, key));
    }

    /** Checks what the server's reader constructors check; returns the sub-diff's kind. */
    private static Kind checkSubDiffLayout(BsonDocument sub, String path) {
        if (sub.isEmpty()) {
            throw bad(path, "", "a diff must not be empty");
        }
        if (sub.getFirstKey().equals("a")) {
            checkArrayHeader(sub, path);
            return Kind.SUB_ARRAY;
        }
        checkDocumentLayout(sub, path);
        return Kind.SUB_DOCUMENT;
    }

    private static void checkDocumentLayout(BsonDocument diff, String path) {
        if (diff.isEmpty()) {
            throw bad(path, "", "a diff must not be empty");
        }
        int previous = -1;
        for (Map.Entry<String, BsonValue> section : diff.entrySet()) {
            String key = section.getKey();
            // As in the server, only the first letter names the section.
            int order = key.isEmpty() ? -1 : key.charAt(0) == 's' ? 4 : SECTION_ORDER.indexOf(
                    key.charAt(0));
            if (order < 0 || (order <= previous && order < 4)) {
                throw bad(path, key, "expected sections d, u, i, b, then s<field>, in that order");
            }
            if (!section.getValue().isDocument()) {
                throw bad(path, key, "a section must be a document, not "
                        + section.getValue().getBsonType());
            }
            previous = order;
        }
    }

    /** Checks {@code a: true} and the optional {@code l}; returns the new length or null. */
    private static Integer checkArrayHeader(BsonDocument diff, String path) {
        if (diff.isEmpty() || !diff.getFirstKey().equals("a")) {
            throw bad(path, diff.isEmpty() ? "" : diff.getFirstKey(), "expected array header 'a'");
        }
        BsonValue header = diff.get("a");
        if (!header.isBoolean() || !header.asBoolean().getValue()) {
            throw bad(path, "a", "the array header must be true");
        }
        List<String> keys = new ArrayList<>(diff.keySet());
        if (keys.size() < 2 || !keys.get(1).equals("l")) {
            return null;
        }
        BsonValue length = diff.get("l");
        if (!length.isInt32()) {
            throw bad(path, "l", "the new length must be an int32, not " + length.getBsonType());
        }
        int value = length.asInt32().getValue();
        if (value < 0 || value > MAX_ARRAY_LENGTH) {
            throw bad(path, "l", "the new length " + value + " is out of range");
        }
        return value;
    }

    private static int parseIndex(String key, String path) {
        boolean wellFormed = key.length() > 1 && (key.charAt(0) == 'u' || key.charAt(0) == 's');
        for (int i = 1; wellFormed && i < key.length(); i++) {
            wellFormed = key.charAt(i) >= '0' && key.charAt(i) <= '9';
        }
        if (!wellFormed) {
            throw bad(path, key, "expected 'u' or 's' followed by an array index");
        }
        // Leading zeros are accepted, as by the server's parseUnsignedBase10Integer.
        String digits = key.substring(1).replaceFirst("^0+(?=.)", "");
        if (digits.length() > 9 || Integer.parseInt(digits) > MAX_ARRAY_LENGTH) {
            throw bad(path, key, "array index out of range");
        }
        return Integer.parseInt(digits);
    }

    private static Kind sectionKind(char name) {
        switch (name) {
            case 'd':
                return Kind.DELETE;
            case 'u':
                return Kind.UPDATE;
            case 'i':
                return Kind.INSERT;
            default:
                return Kind.BINARY;
        }
    }

    private static void putOnce(Map<String, Change> changes, String field, Change change,
            String path, String section) {
        if (changes.putIfAbsent(field, change) != null) {
            throw bad(path, section, "duplicate field name in diff: '" + field + "'");
        }
    }

    public static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    public static IllegalArgumentException bad(String path, String key, String problem) {
        String where = key.isEmpty() ? path : join(path, key);
        return new IllegalArgumentException("bad $v:2 diff at "
                + (where.isEmpty() ? "the top level" : "'" + where + "'") + ": " + problem);
    }
}
