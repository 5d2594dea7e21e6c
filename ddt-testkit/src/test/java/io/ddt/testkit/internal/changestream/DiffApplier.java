package io.ddt.testkit.internal.changestream;

import java.util.Map;

import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonNull;
import org.bson.BsonValue;

/**
 * Applies a $v:2 diff to a document, as the server's document_diff_applier does for the diffs
 * the tests write: only to check that a hand-written diff turns a fixture's pre into its post.
 */
final class DiffApplier {

    private DiffApplier() {
    }

    static BsonDocument apply(BsonDocument pre, BsonDocument diff) {
        BsonDocument post = pre.clone();
        applyToDocument(post, diff);
        return post;
    }

    private static void applyToDocument(BsonDocument target, BsonDocument diff) {
        for (Map.Entry<String, BsonValue> section : diff.entrySet()) {
            switch (section.getKey()) {
                case "d" -> section.getValue().asDocument().keySet().forEach(target::remove);
                case "u" -> section.getValue().asDocument().forEach(target::put);
                case "i" -> section.getValue().asDocument().forEach((field, value) -> {
                    target.remove(field);
                    target.append(field, value);
                });
                default -> applySub(target.get(section.getKey().substring(1)),
                        section.getValue().asDocument());
            }
        }
    }

    private static void applyToArray(BsonArray target, BsonDocument diff) {
        Integer newSize = null;
        for (Map.Entry<String, BsonValue> entry : diff.entrySet()) {
            String key = entry.getKey();
            if (key.equals("l")) {
                newSize = entry.getValue().asInt32().getValue();
            } else if (key.startsWith("u")) {
                int index = Integer.parseInt(key.substring(1));
                resize(target, Math.max(target.size(), index + 1));
                target.set(index, entry.getValue());
            } else if (key.startsWith("s")) {
                applySub(target.get(Integer.parseInt(key.substring(1))), entry.getValue().asDocument());
            }
        }
        if (newSize != null) {
            resize(target, newSize);
        }
    }

    private static void applySub(BsonValue target, BsonDocument subDiff) {
        if (subDiff.getFirstKey().equals("a")) {
            applyToArray(target.asArray(), subDiff);
        } else {
            applyToDocument(target.asDocument(), subDiff);
        }
    }

    private static void resize(BsonArray array, int size) {
        while (array.size() > size) {
            array.remove(array.size() - 1);
        }
        while (array.size() < size) {
            array.add(BsonNull.VALUE);
        }
    }
}
