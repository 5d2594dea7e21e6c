package io.ddt.internal.apply;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bson.BsonDocument;
import org.bson.BsonValue;

import io.ddt.event.UpdateSpec;
import io.ddt.internal.diff.DiffReader;
import io.ddt.internal.diff.OperatorOrder;

/**
 * Reads the two forms of an update that name their changes by dotted path into an
 * {@link Edit}: a change stream's update description and a {@code $set}/{@code $unset}
 * modifier document.
 *
 * <p>A dotted path does not say whether a numeric component is an array index or a field name.
 * A change stream from MongoDB 6.1 with expanded events says it where it matters
 * ({@code disambiguatedPaths}, which also keeps field names with dots whole), so there a numeric
 * component it does not list is an index; elsewhere the component is left to the value the
 * target holds, as the server itself reads {@code $set} paths. Stateless.
 */
final class PathReader {

    private PathReader() {
    }

    /**
     * Reads an update description.
     *
     * @throws IllegalArgumentException if two of its paths conflict
     */
    static Edit.Document description(UpdateSpec.Description description) {
        BsonDocument disambiguated = description.disambiguatedPaths();
        PathEdits edits = new PathEdits();
        for (UpdateSpec.TruncatedArray truncated : description.truncatedArrays()) {
            edits.truncate(steps(truncated.field(), disambiguated), truncated.newSize());
        }
        for (Map.Entry<String, BsonValue> field : description.updatedFields().entrySet()) {
            edits.set(steps(field.getKey(), disambiguated), field.getValue());
        }
        for (String removed : description.removedFields()) {
            edits.remove(steps(removed, disambiguated));
        }
        return edits.build();
    }

    /**
     * Reads a modifier document of {@code $set} and {@code $unset} only, its paths in the order
     * the server applies them.
     *
     * @throws IllegalArgumentException if two of its paths conflict
     */
    static Edit.Document modifiers(BsonDocument update) {
        PathEdits edits = new PathEdits();
        BsonDocument set = update.getDocument("$set", new BsonDocument());
        set.keySet().stream().sorted(OperatorOrder.PATHS).forEach(path -> edits.set(steps(path, null), set.get(path)));
        update.getDocument("$unset", new BsonDocument()).keySet().forEach(path -> edits.remove(steps(path, null)));
        return edits.build();
    }

    /** Tells whether a name is an array index as the server writes one: digits, no leading zero. */
    static boolean isIndex(String name) {
        if (name.isEmpty() || name.length() > 9 || (name.length() > 1 && name.charAt(0) == '0')) {
            return false;
        }
        return name.chars().allMatch(c -> c >= '0' && c <= '9') && Integer.parseInt(name) <= DiffReader.MAX_ARRAY_LENGTH;
    }

    private static List<PathEdits.Step> steps(String path, BsonDocument disambiguated) {
        BsonValue given = disambiguated == null ? null : disambiguated.get(path);
        if (given != null && given.isArray()) {
            return given.asArray().stream().map(PathReader::givenStep).toList();
        }
        List<PathEdits.Step> steps = new ArrayList<>();
        for (String name : path.split("\\.", -1)) {
            PathEdits.Kind kind = steps.isEmpty() || !isIndex(name) ? PathEdits.Kind.FIELD
                : disambiguated != null ? PathEdits.Kind.INDEX : PathEdits.Kind.EITHER;
            steps.add(new PathEdits.Step(name, kind));
        }
        return steps;
    }

    private static PathEdits.Step givenStep(BsonValue component) {
        if (component.isString()) {
            return new PathEdits.Step(component.asString().getValue(), PathEdits.Kind.FIELD);
        }
        if (component.isNumber() && isIndex(Long.toString(component.asNumber().longValue()))) {
            return new PathEdits.Step(Long.toString(component.asNumber().longValue()), PathEdits.Kind.INDEX);
        }
        throw new IllegalArgumentException("a disambiguated path holds a " + component.getBsonType()
            + ", neither a field name nor an array index");
    }
}
