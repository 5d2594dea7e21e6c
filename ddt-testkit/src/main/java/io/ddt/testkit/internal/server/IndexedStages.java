package io.ddt.testkit.internal.server;

import java.util.List;
import java.util.Map;

import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * Recognises the aggregation stages after an {@code _id}-only {@code $match} that
 * {@link IndexedReads} answers from the index: {@code $sample}, alone or followed by the
 * projection {@code {_id: 1}}, as a splitter sends it; and the optional {@code $skip} and
 * {@code $limit} and the {@code $group} of a constant with one {@code {$sum: 1}}, as the
 * driver's {@code countDocuments} sends them. Stateless.
 */
final class IndexedStages {

    /** What a counting pipeline asks for: skip, limit (Long.MAX_VALUE for none) and the group's shape. */
    record Count(long skip, long limit, BsonValue groupId, String field) {

        BsonDocument result(BsonValue n) {
            return new BsonDocument("_id", groupId).append(field, n);
        }
    }

    private IndexedStages() {
    }

    /** The size of a {@code $sample} that is all the stages ask for, or null. */
    static Long sampleSize(List<BsonDocument> stages) {
        if (stages.isEmpty() || stages.size() > 2 || !stages.get(0).containsKey("$sample")
            || stages.size() == 2 && !projectsIdOnly(stages)) {
            return null;
        }
        BsonValue sample = stages.get(0).get("$sample");
        if (!sample.isDocument() || sample.asDocument().size() != 1 || !sample.asDocument().isNumber("size")) {
            return null;
        }
        double size = sample.asDocument().getNumber("size").doubleValue();
        return size > 0 && size == Math.rint(size) ? (long) size : null;
    }

    /** True if the stages end in the projection {@code {_id: 1}}. */
    static boolean projectsIdOnly(List<BsonDocument> stages) {
        BsonDocument last = stages.get(stages.size() - 1);
        return last.containsKey("$project") && Boolean.TRUE.equals(IndexedReads.idProjection(last.get("$project")));
    }

    /** The counting pipeline's parameters, or null if the stages are not one. */
    static Count count(List<BsonDocument> stages) {
        int i = 0;
        long skip = 0;
        long limit = Long.MAX_VALUE;
        if (i < stages.size() && stages.get(i).containsKey("$skip")) {
            skip = positive(stages.get(i++).get("$skip"));
        }
        if (i < stages.size() && stages.get(i).containsKey("$limit")) {
            limit = positive(stages.get(i++).get("$limit"));
        }
        if (skip < 0 || limit < 0 || i != stages.size() - 1 || !stages.get(i).isDocument("$group")) {
            return null;
        }
        return group(skip, limit, stages.get(i).getDocument("$group"));
    }

    private static Count group(long skip, long limit, BsonDocument group) {
        BsonValue id = group.get("_id");
        if (group.size() != 2 || id == null || id.isDocument() || id.isArray()
            || id.isString() && id.asString().getValue().startsWith("$")) {
            return null;
        }
        for (Map.Entry<String, BsonValue> field : group.entrySet()) {
            if (!field.getKey().equals("_id")) {
                BsonValue accumulator = field.getValue();
                boolean sumOfOnes = accumulator.isDocument() && accumulator.asDocument().size() == 1
                    && accumulator.asDocument().isNumber("$sum")
                    && accumulator.asDocument().getNumber("$sum").doubleValue() == 1;
                return sumOfOnes ? new Count(skip, limit, id, field.getKey()) : null;
            }
        }
        return null;
    }

    /** The value of a {@code $skip} or {@code $limit}, or -1 if it is not a positive whole number. */
    private static long positive(BsonValue value) {
        if (!value.isNumber()) {
            return -1;
        }
        double n = value.asNumber().doubleValue();
        return n > 0 && n == Math.rint(n) ? (long) n : -1;
    }
}
