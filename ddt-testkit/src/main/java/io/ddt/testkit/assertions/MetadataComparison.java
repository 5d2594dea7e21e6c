package io.ddt.testkit.assertions;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonValue;

/**
 * Compares what describes two collections: their type and options from
 * {@code listCollections}, and their index sets from {@code listIndexes}, matched by index name.
 *
 * <p>Option values compare as BSON values (type counts, order inside embedded documents does
 * not), except an index's {@code key}, whose field order is the index's meaning.
 *
 * <p>Stateless and thread-safe.
 */
final class MetadataComparison {

    private MetadataComparison() {
    }

    /** Differences of type and options between two {@code listCollections} entries. */
    static List<MetadataDifference> compareCollections(BsonDocument source, BsonDocument target) {
        List<MetadataDifference> differences = new ArrayList<>();
        String sourceType = Catalog.type(source);
        String targetType = Catalog.type(target);
        if (!sourceType.equals(targetType)) {
            differences.add(new MetadataDifference("collection type", DifferenceKind.DIFFERENT, List.of("type"),
                    new BsonDocument("type", new BsonString(sourceType)),
                    new BsonDocument("type", new BsonString(targetType))));
        }
        BsonDocument sourceOptions = Catalog.options(source);
        BsonDocument targetOptions = Catalog.options(target);
        List<String> keys = differingKeys(sourceOptions, targetOptions);
        if (!keys.isEmpty()) {
            differences.add(new MetadataDifference("collection options", DifferenceKind.DIFFERENT, keys,
                    sourceOptions, targetOptions));
        }
        return differences;
    }

    /** Indexes missing on the target, extra on the target, or specified differently. */
    static List<MetadataDifference> compareIndexes(Map<String, BsonDocument> source, Map<String, BsonDocument> target) {
        List<MetadataDifference> differences = new ArrayList<>();
        source.forEach((name, spec) -> {
            BsonDocument other = target.get(name);
            if (other == null) {
                differences.add(MetadataDifference.of(indexItem(name), DifferenceKind.MISSING_ON_TARGET));
            } else {
                List<String> keys = differingKeys(spec, other);
                if (!keys.isEmpty()) {
                    differences.add(new MetadataDifference(indexItem(name), DifferenceKind.DIFFERENT, keys, spec, other));
                }
            }
        });
        target.keySet().stream().filter(name -> !source.containsKey(name))
                .forEach(name -> differences.add(MetadataDifference.of(indexItem(name), DifferenceKind.EXTRA_ON_TARGET)));
        return differences;
    }

    private static String indexItem(String name) {
        return "index \"" + name + "\"";
    }

    private static List<String> differingKeys(BsonDocument source, BsonDocument target) {
        Set<String> names = new LinkedHashSet<>(source.keySet());
        names.addAll(target.keySet());
        List<String> differing = new ArrayList<>();
        for (String name : names) {
            if (!sameOption(name, source.get(name), target.get(name))) {
                differing.add(name);
            }
        }
        return differing;
    }

    private static boolean sameOption(String name, BsonValue source, BsonValue target) {
        if (source == null || target == null) {
            return source == target;
        }
        return "key".equals(name) ? FieldComparison.strictlyEqual(source, target) : source.equals(target);
    }
}
