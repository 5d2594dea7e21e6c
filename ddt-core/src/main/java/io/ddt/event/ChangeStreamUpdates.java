package io.ddt.event;

import java.util.ArrayList;
import java.util.List;

import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * Reads the change of a change stream's {@code update} event: its {@code updateDescription}, or
 * the {@code rawUpdateDescription} (the oplog's own {@code o}) that MongoDB sends instead when
 * the stream asks for it.
 */
final class ChangeStreamUpdates {

    private ChangeStreamUpdates() {
    }

    /** Reads the change of an update event. */
    static UpdateSpec spec(BsonDocument event) {
        BsonDocument raw = Fields.optionalDocument(event, "rawUpdateDescription");
        if (raw != null) {
            return raw(raw);
        }
        BsonDocument description = Fields.document(event, "updateDescription");
        return new UpdateSpec.Description(Fields.document(description, "updatedFields"),
            removedFields(description), truncatedArrays(description),
            Fields.optionalDocument(description, "disambiguatedPaths"));
    }

    private static UpdateSpec raw(BsonDocument o) {
        BsonValue version = o.get("$v");
        if (version != null && version.isNumber() && version.asNumber().intValue() == 2 && o.isDocument("diff")) {
            return new UpdateSpec.Diff(o.getDocument("diff"));
        }
        BsonDocument update = Fields.without(o, "$v");
        if (update.isEmpty() || !update.keySet().stream().allMatch(key -> key.startsWith("$"))) {
            throw EntryProblem.of("its 'rawUpdateDescription' is neither a $v:2 diff nor a modifier update");
        }
        return new UpdateSpec.Modifiers(update);
    }

    private static List<String> removedFields(BsonDocument description) {
        List<String> removed = new ArrayList<>();
        for (BsonValue field : Fields.array(description, "removedFields")) {
            if (!field.isString()) {
                throw EntryProblem.of("its 'removedFields' holds a " + field.getBsonType() + ", not a path");
            }
            removed.add(field.asString().getValue());
        }
        return removed;
    }

    private static List<UpdateSpec.TruncatedArray> truncatedArrays(BsonDocument description) {
        if (!description.containsKey("truncatedArrays")) {
            return List.of();
        }
        List<UpdateSpec.TruncatedArray> truncated = new ArrayList<>();
        for (BsonValue entry : Fields.array(description, "truncatedArrays")) {
            if (!entry.isDocument()) {
                throw EntryProblem.of("its 'truncatedArrays' holds a " + entry.getBsonType() + ", not {field, newSize}");
            }
            long size = Fields.number(entry.asDocument(), "newSize");
            if (size < 0 || size > Integer.MAX_VALUE) {
                throw EntryProblem.of("its 'truncatedArrays' has a newSize out of range");
            }
            truncated.add(new UpdateSpec.TruncatedArray(Fields.string(entry.asDocument(), "field"), (int) size));
        }
        return truncated;
    }
}
