package io.ddt.internal.apply;

import java.util.Map;

import org.bson.BsonDocument;

import io.ddt.internal.diff.DiffReader;

/**
 * Reads a {@code $v:2} diff into an {@link Edit}, level by level, with the server's own reader,
 * so that a diff the server would refuse to apply is refused here too.
 */
final class DiffEdits {

    private DiffEdits() {
    }

    /**
     * A diff changes binary data in place (its {@code b} section): MongoDB writes these only for
     * the compressed columns of time-series buckets, and no update, operator or pipeline, can
     * cut and append bytes of a binary value on the target.
     */
    static final class BinaryDiffException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        BinaryDiffException(String path) {
            super("its $v:2 diff changes binary data in place at '" + path + "' (a 'b' section, which MongoDB writes only"
                + " for time-series buckets); no update can express that on the target");
        }
    }

    /**
     * Reads a whole diff.
     *
     * @throws IllegalArgumentException naming the first malformed key
     */
    static Edit.Document read(BsonDocument diff) {
        return document(diff, "");
    }

    private static Edit.Document document(BsonDocument diff, String path) {
        Edit.Document edit = new Edit.Document();
        for (Map.Entry<String, DiffReader.Change> entry : DiffReader.readDocument(diff, path).changes().entrySet()) {
            String field = entry.getKey();
            DiffReader.Change change = entry.getValue();
            switch (change.kind()) {
                case DELETE -> edit.remove(field);
                case UPDATE -> edit.update(field, change.value());
                case INSERT -> edit.insert(field, change.value());
                case BINARY -> throw new BinaryDiffException(change.path());
                default -> edit.nest(field, nested(change));
            }
        }
        return edit;
    }

    private static Edit.Array array(BsonDocument diff, String path) {
        DiffReader.ArrayLevel level = DiffReader.readArray(diff, path);
        Edit.Array edit = new Edit.Array();
        if (level.newLength() != null) {
            edit.resize(level.newLength());
        }
        for (DiffReader.ElementChange element : level.changes()) {
            DiffReader.Change change = element.change();
            if (change.kind() == DiffReader.Kind.UPDATE) {
                edit.set(element.index(), change.value());
            } else {
                edit.nest(element.index(), nested(change));
            }
        }
        return edit;
    }

    private static Edit nested(DiffReader.Change change) {
        BsonDocument sub = change.value().asDocument();
        return change.kind() == DiffReader.Kind.SUB_ARRAY ? array(sub, change.path()) : document(sub, change.path());
    }
}
