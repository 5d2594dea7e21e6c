package io.ddt.internal.apply;

import org.bson.BsonArray;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;

import io.ddt.event.Delete;
import io.ddt.event.DocumentChange;
import io.ddt.event.Insert;
import io.ddt.event.Replace;
import io.ddt.event.Update;
import io.ddt.event.UpdateSpec;

/**
 * The document the RECORD conflict policy writes for a refused write: where it went, which
 * document, at which position, why, and the change itself, so that a person can apply it by hand.
 */
final class ConflictRecords {

    private ConflictRecords() {
    }

    static BsonDocument of(PendingWrite write, String error) {
        DocumentChange event = write.event();
        return new BsonDocument("ns", new BsonString(write.key().namespace().fullName()))
            .append("documentKey", event.documentKey())
            .append("position", event.position().toBson())
            .append("error", new BsonString(error))
            .append("event", event(event))
            .append("recordedAt", new BsonDateTime(System.currentTimeMillis()));
    }

    private static BsonDocument event(DocumentChange event) {
        if (event instanceof Insert insert) {
            return new BsonDocument("op", new BsonString("insert")).append("document", insert.document());
        }
        if (event instanceof Replace replace) {
            return new BsonDocument("op", new BsonString("replace")).append("document", replace.document());
        }
        if (event instanceof Delete) {
            return new BsonDocument("op", new BsonString("delete"));
        }
        return new BsonDocument("op", new BsonString("update")).append("update", spec(((Update) event).spec()));
    }

    private static BsonDocument spec(UpdateSpec spec) {
        if (spec instanceof UpdateSpec.Diff diff) {
            return new BsonDocument("diff", diff.diff());
        }
        if (spec instanceof UpdateSpec.Modifiers modifiers) {
            return new BsonDocument("modifiers", modifiers.update());
        }
        UpdateSpec.Description description = (UpdateSpec.Description) spec;
        BsonArray removed = new BsonArray();
        description.removedFields().forEach(f -> removed.add(new BsonString(f)));
        BsonArray truncated = new BsonArray();
        description.truncatedArrays().forEach(t -> truncated.add(
            new BsonDocument("field", new BsonString(t.field())).append("newSize", new BsonInt32(t.newSize()))));
        return new BsonDocument("updateDescription", new BsonDocument("updatedFields", description.updatedFields())
            .append("removedFields", removed).append("truncatedArrays", truncated));
    }
}
