package io.ddt.testkit.internal.changestream;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.bson.BsonValue;

/**
 * Turns a {@code $v:2} update diff (the {@code o.diff} of an oplog entry) into the
 * {@code updateDescription} of an update event, as the 7.0 server's
 * {@code change_stream_document_diff_parser.cpp} does.
 *
 * <p>A document diff is read section by section, {@code d}, {@code u}, {@code i}, then its
 * {@code s<field>} sub-diffs in order: {@code u} then {@code i} entries go to
 * {@code updatedFields} under their dotted path, {@code d} entries to {@code removedFields}, and
 * sub-diffs are walked depth first. An array diff ({@code a:true}) reports {@code l} as a
 * {@code truncatedArrays} entry {@code {field, newSize}}, then {@code u<i>} as the path
 * {@code field.i} and {@code s<i>} as a walk into element i. With expanded events a path is
 * listed in {@code disambiguatedPaths} (as its components, array indexes as int32) when one of
 * its field names holds a dot or is a number (other than the first), since the dotted path alone
 * cannot then tell a field from an array index; once a path is ambiguous, so is everything below.
 *
 * <p>Stateless and thread-safe. A diff that does not follow the format raises
 * {@link IllegalArgumentException}.
 */
public final class DiffUpdateDescription {

    private static final Set<String> SECTIONS = Set.of("d", "u", "i");

    private DiffUpdateDescription() {
    }

    /**
     * Builds the update description of a diff.
     *
     * @param diff the {@code diff} document of a {@code $v:2} update
     * @param showExpandedEvents whether to add {@code disambiguatedPaths}
     * @return a new {@code {updatedFields, removedFields, truncatedArrays[, disambiguatedPaths]}}
     */
    public static BsonDocument fromDiff(BsonDocument diff, boolean showExpandedEvents) {
        Walk walk = new Walk();
        walk.document(diff);
        BsonDocument description = new BsonDocument()
                .append("updatedFields", walk.updated)
                .append("removedFields", walk.removed)
                .append("truncatedArrays", walk.truncated);
        if (showExpandedEvents) {
            description.append("disambiguatedPaths", walk.disambiguated);
        }
        return description;
    }

    /** One path component; {@code ambiguous} holds for it and everything above it. */
    private record Part(String name, boolean arrayIndex, boolean ambiguous) {
    }

    /** The state of one traversal: the current path and what has been collected. */
    private static final class Walk {
        private final List<Part> path = new ArrayList<>();
        private final BsonDocument updated = new BsonDocument();
        private final BsonArray removed = new BsonArray();
        private final BsonArray truncated = new BsonArray();
        private final BsonDocument disambiguated = new BsonDocument();

        void document(BsonDocument diff) {
            Map<String, BsonDocument> sections = new HashMap<>();
            List<Map.Entry<String, BsonValue>> subDiffs = new ArrayList<>();
            for (Map.Entry<String, BsonValue> section : diff.entrySet()) {
                if (SECTIONS.contains(section.getKey())) {
                    sections.put(section.getKey(), sectionOf(section));
                } else {
                    subDiffs.add(subDiff(section));
                }
            }
            BsonDocument none = new BsonDocument();
            sections.getOrDefault("u", none).forEach(this::update);
            sections.getOrDefault("i", none).forEach(this::update);
            sections.getOrDefault("d", none).keySet().forEach(field ->
                    leaf(field, false, () -> removed.add(new BsonString(dotted()))));
            for (Map.Entry<String, BsonValue> sub : subDiffs) {
                descend(sub.getKey().substring(1), false, sub.getValue().asDocument());
            }
        }

        private void update(String field, BsonValue value) {
            leaf(field, false, () -> updated.append(dotted(), value));
        }

        void array(BsonDocument diff) {
            boolean first = true;
            for (Map.Entry<String, BsonValue> entry : diff.entrySet()) {
                String key = entry.getKey();
                if (first) {
                    checkArrayHeader(entry);
                    first = false;
                } else if (key.equals("l")) {
                    truncate(entry.getValue());
                } else if (key.startsWith("u")) {
                    BsonValue value = entry.getValue();
                    leaf(index(key), true, () -> updated.append(dotted(), value));
                } else if (key.startsWith("s") && entry.getValue().isDocument()) {
                    descend(index(key), true, entry.getValue().asDocument());
                } else {
                    throw bad("array diff entry '" + key + "' is neither u<index> nor s<index>");
                }
            }
        }

        private void descend(String name, boolean arrayIndex, BsonDocument subDiff) {
            push(name, arrayIndex);
            if (!subDiff.isEmpty() && subDiff.getFirstKey().equals("a")) {
                array(subDiff);
            } else {
                document(subDiff);
            }
            path.remove(path.size() - 1);
        }

        private void leaf(String name, boolean arrayIndex, Runnable record) {
            push(name, arrayIndex);
            record.run();
            noteIfAmbiguous();
            path.remove(path.size() - 1);
        }

        private void truncate(BsonValue newSize) {
            if (!newSize.isInt32()) {
                throw bad("array diff 'l' must be an int32, got " + newSize);
            }
            truncated.add(new BsonDocument("field", new BsonString(dotted()))
                    .append("newSize", newSize.asInt32()));
            noteIfAmbiguous();
        }

        private void push(String name, boolean arrayIndex) {
            boolean ambiguous;
            if (!path.isEmpty() && path.get(path.size() - 1).ambiguous()) {
                ambiguous = true;
            } else {
                boolean numeric = !arrayIndex && !path.isEmpty() && isStrictNumber(name);
                ambiguous = numeric || (!arrayIndex && name.indexOf('.') >= 0);
            }
            path.add(new Part(name, arrayIndex, ambiguous));
        }

        private void noteIfAmbiguous() {
            if (path.isEmpty() || !path.get(path.size() - 1).ambiguous()) {
                return;
            }
            BsonArray components = new BsonArray();
            for (Part part : path) {
                components.add(part.arrayIndex()
                        ? new BsonInt32(Integer.parseInt(part.name()))
                        : new BsonString(part.name()));
            }
            disambiguated.append(dotted(), components);
        }

        private String dotted() {
            List<String> names = new ArrayList<>(path.size());
            path.forEach(part -> names.add(part.name()));
            return String.join(".", names);
        }

        private void checkArrayHeader(Map.Entry<String, BsonValue> entry) {
            BsonValue value = entry.getValue();
            if (!entry.getKey().equals("a") || !value.isBoolean() || !value.asBoolean().getValue()) {
                throw bad("an array diff starts with a:true, got " + entry.getKey() + ":" + value);
            }
        }
    }

    private static BsonDocument sectionOf(Map.Entry<String, BsonValue> section) {
        if (!section.getValue().isDocument()) {
            throw bad("diff section '" + section.getKey() + "' must be a document");
        }
        return section.getValue().asDocument();
    }

    private static Map.Entry<String, BsonValue> subDiff(Map.Entry<String, BsonValue> section) {
        if (!section.getKey().startsWith("s") || !section.getValue().isDocument()) {
            throw bad("unexpected diff section '" + section.getKey()
                    + "' (7.0 writes d, u, i and s<field> sub-diffs)");
        }
        return section;
    }

    private static String index(String key) {
        String digits = key.substring(1);
        if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw bad("array diff key '" + key + "' has no index");
        }
        try {
            return Integer.toString(Integer.parseInt(digits));
        } catch (NumberFormatException e) {
            throw bad("array diff key '" + key + "' has an index beyond int32");
        }
    }

    /** Digits only, without a leading zero: the server's FieldRef::isNumericPathComponentStrict. */
    private static boolean isStrictNumber(String s) {
        if (s.isEmpty() || (s.length() > 1 && s.charAt(0) == '0')) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static IllegalArgumentException bad(String message) {
        return new IllegalArgumentException("malformed $v:2 diff: " + message);
    }
}
