package io.ddt.internal.apply;

import static io.ddt.internal.apply.Expressions.call;
import static io.ddt.internal.apply.Expressions.getField;
import static io.ddt.internal.apply.Expressions.isType;
import static io.ddt.internal.apply.Expressions.let;
import static io.ddt.internal.apply.Expressions.literal;
import static io.ddt.internal.apply.Expressions.nullValue;
import static io.ddt.internal.apply.Expressions.number;
import static io.ddt.internal.apply.Expressions.select;
import static io.ddt.internal.apply.Expressions.variable;
import static io.ddt.internal.apply.Expressions.when;

import java.util.List;
import java.util.Map;

import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonValue;

/**
 * Writes an {@link Edit} as an update pipeline of one {@code $replaceWith} stage whose expression
 * rebuilds the document as the server's diff applier would (document_diff_applier.cpp), on
 * whatever version of the document the target holds:
 * <ul>
 *   <li>each document level is {@code $mergeObjects} of the level without its removed and
 *       inserted fields, its nested edits (each in place, as a one-field document), and one
 *       literal of its updated then inserted fields; merging keeps an existing field in its place
 *       and appends a new one, so updates stay in place and inserts land at the end, in diff
 *       order, which the lexicographic order of update operators could not give;</li>
 *   <li>a nested edit looks at the value it finds: it applies to a document or array, does
 *       nothing where the field is missing and writes null where the type differs, as the server
 *       does when an entry is applied again over a later version of the document;</li>
 *   <li>an array is rebuilt by {@code $map} over its new length: changed indexes take their new
 *       value or edit, the rest keep theirs, and positions past the old end are null.</li>
 * </ul>
 * Needs MongoDB 5.0 or later on the target ({@code $getField}, {@code $setField}), as
 * {@code $v:2} diffs do on the source. Stateless; safe from any thread.
 */
final class PipelineCompiler {

    private static final String OBJECT = "object";

    private final boolean createMissing;

    /**
     * @param createMissing true to create a missing document on the way to a change, as
     *     {@code $set} does, instead of leaving it missing, as the diff applier does
     */
    PipelineCompiler(boolean createMissing) {
        this.createMissing = createMissing;
    }

    /** The update pipeline that applies the edit to the whole document. */
    List<BsonDocument> pipeline(Edit.Document edit) {
        return List.of(new BsonDocument("$replaceWith", document(edit, new BsonString("$$ROOT"), 0)));
    }

    private BsonValue document(Edit.Document edit, BsonValue input, int depth) {
        BsonValue base = edit.removed.isEmpty() ? input : Expressions.without(input, edit.removed, "f" + depth);
        BsonArray parts = new BsonArray();
        parts.add(base);
        for (Map.Entry<String, Edit> nested : edit.nested.entrySet()) {
            BsonValue value = guarded(nested.getValue(), getField(nested.getKey(), input), depth + 1, false);
            parts.add(Expressions.field(nested.getKey(), value));
        }
        BsonDocument appended = new BsonDocument();
        appended.putAll(edit.updates);
        appended.putAll(edit.inserts);
        if (!appended.isEmpty()) {
            parts.add(literal(appended));
        }
        return parts.size() == 1 ? base : new BsonDocument("$mergeObjects", parts);
    }

    private BsonValue array(Edit.Array edit, BsonValue input, int depth) {
        String index = "i" + depth;
        BsonDocument size = new BsonDocument("$size", input);
        BsonValue length = edit.newLength != null ? number(edit.newLength)
            : edit.elements.isEmpty() ? size : call("$max", size, number(edit.elements.lastKey() + 1));
        BsonValue kept = Expressions.cond(call("$lt", variable(index), size),
            call("$arrayElemAt", input, variable(index)), nullValue());
        BsonArray branches = new BsonArray();
        for (Map.Entry<Integer, Object> element : edit.elements.entrySet()) {
            BsonValue change = element.getValue() instanceof Edit nested
                ? guarded(nested, call("$arrayElemAt", input, number(element.getKey())), depth + 1, true)
                : literal((BsonValue) element.getValue());
            branches.add(when(call("$eq", variable(index), number(element.getKey())), change));
        }
        BsonValue each = branches.isEmpty() ? kept : select(branches, kept);
        return new BsonDocument("$map", new BsonDocument("input", call("$range", number(0), length))
            .append("as", new BsonString(index)).append("in", each));
    }

    /**
     * The value after a nested edit of the value {@code found}: the edit where the type fits,
     * nothing (a missing field stays missing) or null (an array element) where the value is
     * missing, and null where its type differs. Written as nested {@code $cond}, the type that
     * fits first, to keep the command's nesting shallow for deep diffs.
     */
    private BsonValue guarded(Edit edit, BsonValue found, int depth, boolean element) {
        String name = "v" + depth;
        BsonValue value = variable(name);
        BsonValue otherwise = element || createMissing ? nullValue()
            : Expressions.cond(isType(value, "missing"), Expressions.REMOVE, nullValue());
        BsonValue applied;
        if (edit instanceof Edit.Document document) {
            applied = Expressions.cond(isType(value, OBJECT), document(document, value, depth), otherwise);
        } else if (edit instanceof Edit.Array array) {
            applied = Expressions.cond(isType(value, "array"), array(array, value, depth), otherwise);
        } else {
            Edit.Either either = (Edit.Either) edit;
            applied = Expressions.cond(isType(value, "array"), array(either.asArray(), value, depth),
                Expressions.cond(isType(value, OBJECT), document(either.asDocument(), value, depth), otherwise));
        }
        BsonValue bound = createMissing ? Expressions.cond(isType(found, "missing"), literal(new BsonDocument()), found) : found;
        return let(name, bound, applied);
    }
}
