package io.ddt.examples.bench;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;

/**
 * Checks what {@code full-copy} left on the target: per collection the same count as the source
 * (and as planned), and a sample of documents, fetched by {@code _id} from both sides, equal
 * byte for byte; with {@code all}, every document, both sides read in {@code _id} order.
 * Collects the differences instead of stopping at the first. One thread.
 */
final class CopyVerifier {

    /** What a verification found; {@code problems} is empty when the copy is exact. */
    record Result(long compared, List<String> problems) {
        Result {
            problems = List.copyOf(problems);
        }
    }

    private static final int MAX_PROBLEMS = 20;

    private final MongoClient source;
    private final MongoClient target;
    private final List<String> problems = new ArrayList<>();
    private long compared;

    CopyVerifier(MongoClient source, MongoClient target) {
        this.source = source;
        this.target = target;
    }

    /**
     * Verifies every collection of the plan.
     *
     * @param sample documents compared per collection, evenly spaced over its indexes
     * @param all whether to compare every document instead of a sample
     */
    Result verify(CopyPlan plan, int sample, boolean all) {
        for (CopyPlan.Part part : plan.parts()) {
            MongoCollection<RawBsonDocument> from = CopyPlan.collection(source, part);
            MongoCollection<RawBsonDocument> to = CopyPlan.collection(target, part);
            long sourceCount = from.countDocuments();
            long targetCount = to.countDocuments();
            if (sourceCount != part.documents() || targetCount != sourceCount) {
                problem(part.name() + ": " + part.documents() + " planned, " + sourceCount + " on the source, " + targetCount
                    + " on the target");
            }
            if (all) {
                compareAll(part.name(), from, to);
            } else {
                compareSample(part, from, to, Math.min(sample, part.documents()));
            }
        }
        return new Result(compared, problems);
    }

    private void compareSample(CopyPlan.Part part, MongoCollection<RawBsonDocument> from,
                               MongoCollection<RawBsonDocument> to, int sample) {
        for (int i = 0; i < sample; i++) {
            long index = (long) i * part.documents() / sample;
            BsonDocument byId = new BsonDocument("_id", CopyDocuments.id(part.kind(), index));
            compare(part.name(), byId.get("_id"), from.find(byId).first(), to.find(byId).first());
        }
    }

    private void compareAll(String name, MongoCollection<RawBsonDocument> from, MongoCollection<RawBsonDocument> to) {
        BsonDocument byId = new BsonDocument("_id", new BsonInt32(1));
        try (MongoCursor<RawBsonDocument> left = from.find().sort(byId).batchSize(1000).iterator();
             MongoCursor<RawBsonDocument> right = to.find().sort(byId).batchSize(1000).iterator()) {
            while (left.hasNext() && right.hasNext()) {
                RawBsonDocument expected = left.next();
                compare(name, expected.get("_id"), expected, right.next());
            }
            if (left.hasNext() || right.hasNext()) {
                problem(name + ": the " + (left.hasNext() ? "target" : "source") + " ends first in _id order");
            }
        }
    }

    private void compare(String name, BsonValue id, RawBsonDocument expected, RawBsonDocument actual) {
        compared++;
        if (expected == null || actual == null || !bytes(expected).equals(bytes(actual))) {
            problem(name + " " + new BsonDocument("_id", id).toJson() + ": " + (expected == null ? "missing on the source"
                : actual == null ? "missing on the target" : "the target's bytes differ"));
        }
    }

    private static ByteBuffer bytes(RawBsonDocument document) {
        return document.getByteBuffer().asNIO();
    }

    private void problem(String text) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(text);
        } else if (problems.size() == MAX_PROBLEMS) {
            problems.add("... and more");
        }
    }
}
