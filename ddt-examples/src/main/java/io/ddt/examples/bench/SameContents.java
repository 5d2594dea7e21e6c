package io.ddt.examples.bench;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

import org.bson.RawBsonDocument;

import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;

/**
 * Checks that two databases hold the same documents in the named collections, byte for byte, by
 * reading both in {@code _id} order side by side. Returns the problems found (at most a few per
 * collection, naming {@code _id}s but never content); empty means equal. One thread.
 */
final class SameContents {

    private static final int MAX_PER_COLLECTION = 3;

    private SameContents() {
    }

    static List<String> compare(MongoDatabase source, MongoDatabase target, List<String> collections) {
        List<String> problems = new ArrayList<>();
        for (String name : collections) {
            problems.addAll(compare(source, target, name));
        }
        return problems;
    }

    private static List<String> compare(MongoDatabase source, MongoDatabase target, String name) {
        List<String> problems = new ArrayList<>();
        long documents = 0;
        try (MongoCursor<RawBsonDocument> left = cursor(source, name); MongoCursor<RawBsonDocument> right = cursor(target, name)) {
            while ((left.hasNext() || right.hasNext()) && problems.size() < MAX_PER_COLLECTION) {
                RawBsonDocument s = next(left);
                RawBsonDocument t = next(right);
                documents++;
                if (s == null || t == null || !s.get("_id").equals(t.get("_id"))) {
                    problems.add(name + ": source and target part at document " + documents + " (_id "
                        + (s == null ? "none" : s.get("_id")) + " vs " + (t == null ? "none" : t.get("_id")) + ")");
                    break;
                }
                if (!Arrays.equals(bytes(s), bytes(t))) {
                    problems.add(name + ": _id " + s.get("_id") + " differs");
                }
            }
        }
        return problems;
    }

    private static MongoCursor<RawBsonDocument> cursor(MongoDatabase database, String name) {
        return database.getCollection(name, RawBsonDocument.class).find().sort(Sorts.ascending("_id")).batchSize(1000).iterator();
    }

    private static RawBsonDocument next(Iterator<RawBsonDocument> cursor) {
        return cursor.hasNext() ? cursor.next() : null;
    }

    private static byte[] bytes(RawBsonDocument document) {
        ByteBuffer buffer = document.getByteBuffer().asNIO();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }
}
