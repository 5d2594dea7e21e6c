package io.ddt.testkit.internal.server;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;

/**
 * The reads the member answers from its {@code _id} index instead of the engine: a
 * {@code find} whose filter looks only at {@code _id} (see {@link IdFilter}), sorted by
 * {@code _id} or not at all, projecting nothing or {@code _id} alone, with any batch size, skip
 * and limit; a {@code count} with such a query; and aggregations of such a {@code $match}
 * followed by a {@code $sample} (of whole documents or of {@code _id}s) or by the
 * {@code $group} that {@code countDocuments} sends. The engine would scan and sort the whole
 * collection for each; here a read costs the stretch of the index it covers.
 *
 * <p>Each method returns null when the index cannot answer, and the engine answers as before.
 * An unsorted find with an empty filter stays with the engine, since its natural order is the
 * order of insertion. Thread-safe.
 */
final class IndexedReads {

    /** Find options that change what or how a find returns in ways the index walk does not reproduce. */
    private static final Set<String> ENGINE_OPTIONS = Set.of("min", "max", "returnKey", "showRecordId", "tailable");

    private final FakeMember member;
    private volatile boolean enabled = true;

    IndexedReads(FakeMember member) {
        this.member = member;
    }

    /** Turns answering from the index on or off, so that tests can compare both answers. */
    void enabled(boolean on) {
        this.enabled = on;
    }

    /** The reply to a find, or null if the engine must answer it. */
    BsonDocument find(String namespace, BsonDocument command) {
        NavigableMap<BsonValue, RawBsonDocument> index = index(namespace);
        BsonValue filter = command.get("filter", new BsonDocument());
        Integer direction = sortDirection(command.get("sort"));
        Boolean idOnly = idProjection(command.get("projection"));
        if (index == null || !filter.isDocument() || direction == null || idOnly == null
            || direction == 0 && (filter.asDocument().isEmpty() || command.containsKey("hint"))
            || ENGINE_OPTIONS.stream().anyMatch(command::containsKey)) {
            return null;
        }
        IdFilter compiled = IdFilter.compile(filter.asDocument());
        long skip = whole(command, "skip");
        long limit = Math.abs(whole(command, "limit"));
        if (compiled == null || skip < 0 || limit == Long.MIN_VALUE) {
            return null;
        }
        NavigableMap<BsonValue, RawBsonDocument> range = compiled.range(index);
        if (direction < 0) {
            range = range.descendingMap();
        }
        IndexCursor cursor = new IndexCursor(namespace, range.entrySet().iterator(), compiled, idOnly, skip, limit);
        return member.cursors().open(cursor, QueryCommands.cursorOptions(command), false, 0);
    }

    /** The reply to a count with a non-empty query, or null if the engine must answer it. */
    BsonDocument count(String namespace, BsonDocument command) {
        NavigableMap<BsonValue, RawBsonDocument> index = index(namespace);
        BsonValue query = command.get("query", new BsonDocument());
        if (index == null || !query.isDocument() || query.asDocument().isEmpty()) {
            return null;
        }
        IdFilter compiled = IdFilter.compile(query.asDocument());
        long skip = whole(command, "skip");
        long limit = Math.abs(whole(command, "limit"));
        if (compiled == null || skip < 0 || limit == Long.MIN_VALUE) {
            return null;
        }
        long n = Math.max(0, count(compiled, index) - skip);
        n = limit > 0 ? Math.min(n, limit) : n;
        return new BsonDocument("n", number(n)).append("ok", new BsonDouble(1));
    }

    /** The results of an aggregation over a collection, or null if the engine must run it. */
    List<BsonDocument> aggregate(String namespace, BsonArray pipeline) {
        NavigableMap<BsonValue, RawBsonDocument> index = index(namespace);
        List<BsonDocument> stages = documents(pipeline);
        if (index == null || stages == null) {
            return null;
        }
        BsonDocument match = !stages.isEmpty() && stages.get(0).containsKey("$match") ? stages.remove(0) : new BsonDocument("$match", new BsonDocument());
        IdFilter filter = match.get("$match").isDocument() ? IdFilter.compile(match.getDocument("$match")) : null;
        if (filter == null) {
            return null;
        }
        Long sample = IndexedStages.sampleSize(stages);
        if (sample != null) {
            return sample(filter, index, sample, IndexedStages.projectsIdOnly(stages));
        }
        IndexedStages.Count counting = IndexedStages.count(stages);
        if (counting == null) {
            return null;
        }
        long n = Math.min(Math.max(0, count(filter, index) - counting.skip()), counting.limit());
        return n == 0 ? new ArrayList<>() : new ArrayList<>(List.of(counting.result(number(n))));
    }

    private NavigableMap<BsonValue, RawBsonDocument> index(String namespace) {
        return enabled ? member.idIndex().documents(namespace) : null;
    }

    private static long count(IdFilter filter, NavigableMap<BsonValue, RawBsonDocument> index) {
        long n = 0;
        for (BsonValue id : filter.range(index).keySet()) {
            if (filter.matches(id)) {
                n++;
            }
        }
        return n;
    }

    /** A uniform sample without repeats (reservoir sampling), in random order. */
    private static List<BsonDocument> sample(IdFilter filter, NavigableMap<BsonValue, RawBsonDocument> index, long size,
                                             boolean idOnly) {
        List<RawBsonDocument> reservoir = new ArrayList<>();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long seen = 0;
        for (Map.Entry<BsonValue, RawBsonDocument> entry : filter.range(index).entrySet()) {
            if (!filter.matches(entry.getKey())) {
                continue;
            }
            seen++;
            if (reservoir.size() < size) {
                reservoir.add(entry.getValue());
            } else {
                long slot = random.nextLong(seen);
                if (slot < size) {
                    reservoir.set((int) slot, entry.getValue());
                }
            }
        }
        Collections.shuffle(reservoir, random);
        List<BsonDocument> result = new ArrayList<>(reservoir.size());
        for (RawBsonDocument document : reservoir) {
            result.add(idOnly ? new BsonDocument("_id", document.get("_id")) : document);
        }
        return result;
    }

    private static List<BsonDocument> documents(BsonArray pipeline) {
        List<BsonDocument> stages = new ArrayList<>();
        for (BsonValue stage : pipeline) {
            if (!stage.isDocument() || stage.asDocument().size() != 1) {
                return null;
            }
            stages.add(stage.asDocument());
        }
        return stages;
    }

    /** A whole-number option, 0 if absent, or Long.MIN_VALUE if it is not a whole number: the engine then answers. */
    private static long whole(BsonDocument command, String key) {
        BsonValue value = command.get(key);
        if (value == null) {
            return 0;
        }
        if (!value.isNumber() || value.asNumber().doubleValue() != Math.rint(value.asNumber().doubleValue())) {
            return Long.MIN_VALUE;
        }
        return value.asNumber().longValue();
    }

    /** 1 or -1 for a sort by {@code _id} alone, 0 for none, null for any other sort. */
    private static Integer sortDirection(BsonValue sort) {
        if (sort == null || sort.isDocument() && sort.asDocument().isEmpty()) {
            return 0;
        }
        if (!sort.isDocument() || sort.asDocument().size() != 1 || !sort.asDocument().containsKey("_id")
            || !sort.asDocument().get("_id").isNumber()) {
            return null;
        }
        double direction = sort.asDocument().getNumber("_id").doubleValue();
        return direction == 1 ? 1 : direction == -1 ? -1 : null;
    }

    /** False for no projection, true for {@code {_id: 1}}, null for any other. */
    static Boolean idProjection(BsonValue projection) {
        if (projection == null || projection.isDocument() && projection.asDocument().isEmpty()) {
            return false;
        }
        if (!projection.isDocument() || projection.asDocument().size() != 1 || !projection.asDocument().containsKey("_id")) {
            return null;
        }
        BsonValue include = projection.asDocument().get("_id");
        boolean included = include.isBoolean() ? include.asBoolean().getValue()
            : include.isNumber() && include.asNumber().doubleValue() != 0;
        return included ? Boolean.TRUE : null;
    }

    static BsonValue number(long n) {
        return n == (int) n ? new BsonInt32((int) n) : new BsonInt64(n);
    }
}
