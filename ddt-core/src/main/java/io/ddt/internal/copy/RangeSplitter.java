package io.ddt.internal.copy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * no privilege beyond reading, and reads little: one {@code $sample} of the whole collection
 * (a random cursor on a real server, a few documents per range), whose {@code _id}s are sorted
 * into the type brackets and cut at evenly spaced values, each bracket getting ranges in
 * proportion to its share of the sample; a bracket the sample missed is probed with a
 * {@code find} of one {@code _id}, so every document still falls in exactly one range. The
 * sizes come from the estimated count: no bracket is counted. A collection at or under
 * {@code rangeDocuments} is one range with no filter.
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
        long pieces = (estimated + rangeDocuments - 1) / rangeDocuments;
        Map<String, List<BsonValue>> sampled = sample(source, (int) Math.min(MAX_SAMPLES, pieces * SAMPLES_PER_RANGE));
        long total = sampled.values().stream().mapToLong(List::size).sum();
        List<RangeState> ranges = new ArrayList<>();
        for (String bracket : IdBrackets.SPLIT) {
            List<BsonValue> ids = sampled.getOrDefault(bracket, List.of());
            if (!ids.isEmpty() || present(source, IdBrackets.bracketFilter(bracket))) {
                long share = total == 0 ? 1 : Math.round((double) pieces * ids.size() / total);
                addRanges(ranges, bracket, splitPoints(ids, share));
            }
        }
        if (sampled.containsKey(IdBrackets.OTHER) || present(source, IdBrackets.bracketFilter(IdBrackets.OTHER))) {
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

    /** A random sample of {@code _id}s, by bracket; numbers, strings, ObjectIds and dates each in their own. */
    private static Map<String, List<BsonValue>> sample(MongoCollection<BsonDocument> source, int size) {
        List<BsonDocument> pipeline = List.of(new BsonDocument("$sample", new BsonDocument("size", new BsonInt32(size))),
            new BsonDocument("$project", new BsonDocument("_id", new BsonInt32(1))));
        Map<String, List<BsonValue>> byBracket = new HashMap<>();
        for (BsonDocument document : source.aggregate(pipeline).batchSize(1000)) {
            BsonValue id = document.get("_id");
            byBracket.computeIfAbsent(IdBrackets.bracketOf(id), bracket -> new ArrayList<>()).add(id);
        }
        return byBracket;
    }

    /** Up to {@code pieces - 1} distinct cut points, evenly spaced among the sampled values that can bound a range. */
    private static List<BsonValue> splitPoints(List<BsonValue> sampled, long pieces) {
        TreeSet<BsonValue> usable = new TreeSet<>(SplitPointOrder.INSTANCE);
        for (BsonValue id : sampled) {
            if (SplitPointOrder.usable(id)) {
                usable.add(id);
            }
        }
        List<BsonValue> ordered = new ArrayList<>(usable);
        List<BsonValue> points = new ArrayList<>();
        for (long i = 1; i < pieces && !ordered.isEmpty(); i++) {
            BsonValue point = ordered.get((int) (i * ordered.size() / pieces));
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
