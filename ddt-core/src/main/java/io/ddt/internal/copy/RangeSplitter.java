package io.ddt.internal.copy;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonMaxKey;
import org.bson.BsonMinKey;
import org.bson.BsonValue;

import com.mongodb.client.MongoCollection;

import io.ddt.spi.RangeState;

/**
 * Splits a collection into {@code _id} ranges of about {@code rangeDocuments} documents. Needs
 * no privilege beyond reading: it probes which type brackets hold {@code _id}s, samples each
 * split bracket with {@code $sample}, and cuts at evenly spaced sampled values. A collection at
 * or under {@code rangeDocuments} is one range with no filter.
 */
final class RangeSplitter {

    private static final int SAMPLES_PER_RANGE = 10;
    private static final int MAX_SAMPLES = 10_000;

    private final long rangeDocuments;

    RangeSplitter(long rangeDocuments) {
        this.rangeDocuments = rangeDocuments;
    }

    List<RangeState> split(MongoCollection<BsonDocument> source) {
        long estimated = source.estimatedDocumentCount();
        if (estimated <= rangeDocuments) {
            return List.of(RangeState.of(0, IdBrackets.ALL, new BsonMinKey(), new BsonMaxKey()));
        }
        List<RangeState> ranges = new ArrayList<>();
        for (String bracket : IdBrackets.SPLIT) {
            BsonDocument filter = IdBrackets.bracketFilter(bracket);
            if (present(source, filter)) {
                long count = source.countDocuments(filter);
                addRanges(ranges, bracket, splitPoints(source, filter, count));
            }
        }
        if (present(source, IdBrackets.bracketFilter(IdBrackets.OTHER))) {
            ranges.add(RangeState.of(ranges.size(), IdBrackets.OTHER, new BsonMinKey(), new BsonMaxKey()));
        }
        if (ranges.isEmpty()) {
            // Emptied since the estimate: one range that finds nothing still marks it copied.
            return List.of(RangeState.of(0, IdBrackets.ALL, new BsonMinKey(), new BsonMaxKey()));
        }
        return ranges;
    }

    private static boolean present(MongoCollection<BsonDocument> source, BsonDocument filter) {
        return source.find(filter).projection(new BsonDocument("_id", new BsonInt32(1))).limit(1).batchSize(1).first() != null;
    }

    private List<BsonValue> splitPoints(MongoCollection<BsonDocument> source, BsonDocument filter, long count) {
        int pieces = (int) Math.min(Integer.MAX_VALUE, (count + rangeDocuments - 1) / rangeDocuments);
        if (pieces <= 1) {
            return List.of();
        }
        int samples = (int) Math.min(MAX_SAMPLES, (long) pieces * SAMPLES_PER_RANGE);
        List<BsonDocument> pipeline = List.of(new BsonDocument("$match", filter),
            new BsonDocument("$sample", new BsonDocument("size", new BsonInt32(samples))),
            new BsonDocument("$project", new BsonDocument("_id", new BsonInt32(1))));
        TreeSet<BsonValue> sampled = new TreeSet<>(SplitPointOrder.INSTANCE);
        for (BsonDocument document : source.aggregate(pipeline).batchSize(1000)) {
            BsonValue id = document.get("_id");
            if (SplitPointOrder.usable(id)) {
                sampled.add(id);
            }
        }
        List<BsonValue> ordered = new ArrayList<>(sampled);
        List<BsonValue> points = new ArrayList<>();
        for (int i = 1; i < pieces && !ordered.isEmpty(); i++) {
            BsonValue point = ordered.get((int) ((long) i * ordered.size() / pieces));
            if (points.isEmpty() || SplitPointOrder.INSTANCE.compare(points.get(points.size() - 1), point) < 0) {
                points.add(point);
            }
        }
        return points;
    }

    private static void addRanges(List<RangeState> ranges, String bracket, List<BsonValue> points) {
        BsonValue lower = new BsonMinKey();
        for (BsonValue point : points) {
            ranges.add(RangeState.of(ranges.size(), bracket, lower, point));
            lower = point;
        }
        ranges.add(RangeState.of(ranges.size(), bracket, lower, new BsonMaxKey()));
    }
}
