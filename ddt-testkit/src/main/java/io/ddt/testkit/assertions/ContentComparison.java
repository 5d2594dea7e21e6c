package io.ddt.testkit.assertions;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import org.bson.BsonDocument;
import org.bson.RawBsonDocument;

/**
 * Compares every selected source namespace with the target namespace it maps to (collection,
 * type, options, indexes, documents), then looks for namespaces only the target has.
 *
 * <p>A target namespace counts as extra when no source namespace maps to it, selected or not,
 * and it lies in scope: anywhere when there is no filter, otherwise in a database that some
 * selected namespace maps into. So a filter narrows the search for extras to the databases it
 * writes, and a namespace the filter left out is never reported as extra.
 *
 * <p>One instance runs one comparison from one thread. It reads both clusters as they are; if
 * they change during the run, the result reflects no single point in time.
 */
final class ContentComparison {

    private final MongoClient source;
    private final MongoClient target;
    private final UnaryOperator<String> mapping;
    private final Predicate<String> filter;
    private final Catalog catalog;
    private final DocumentMerge merge;

    /**
     * @param filter the source namespaces to compare, or {@code null} for all of them
     */
    ContentComparison(MongoClient source, MongoClient target, UnaryOperator<String> mapping,
                      Predicate<String> filter, int batchSize) {
        this.source = source;
        this.target = target;
        this.mapping = mapping;
        this.filter = filter;
        this.catalog = new Catalog(batchSize);
        this.merge = new DocumentMerge(batchSize);
    }

    /** Runs the comparison and returns the namespaces that differ, source namespaces first, in name order. */
    List<NamespaceReport> run() {
        SortedMap<String, BsonDocument> sourceCollections = catalog.collections(source);
        SortedMap<String, BsonDocument> targetCollections = catalog.collections(target);
        Map<String, String> images = mapAll(sourceCollections.keySet());
        Map<String, String> selected = select(images);
        List<NamespaceReport> reports = new ArrayList<>();
        selected.forEach((from, to) -> addIfDifferent(reports,
                compareNamespace(from, to, sourceCollections.get(from), targetCollections.get(to))));
        reports.addAll(extras(targetCollections.keySet(), new HashSet<>(images.values()), selected));
        return reports;
    }

    private Map<String, String> mapAll(Set<String> namespaces) {
        Map<String, String> images = new LinkedHashMap<>();
        for (String namespace : namespaces) {
            images.put(namespace, mapped(namespace));
        }
        return images;
    }

    private String mapped(String namespace) {
        String image = mapping.apply(namespace);
        if (image == null || image.indexOf('.') <= 0 || image.endsWith(".")) {
            throw new IllegalArgumentException("The namespace mapping turned \"" + namespace + "\" into \"" + image
                    + "\"; it must return a target namespace of the form \"db.collection\".");
        }
        return image;
    }

    private Map<String, String> select(Map<String, String> images) {
        Map<String, String> selected = new LinkedHashMap<>();
        Map<String, String> seen = new HashMap<>();
        images.forEach((from, to) -> {
            if (filter == null || filter.test(from)) {
                String other = seen.putIfAbsent(to, from);
                if (other != null) {
                    throw new IllegalArgumentException("The namespace mapping sends both \"" + other + "\" and \""
                            + from + "\" to \"" + to + "\"; the target cannot hold the same content as both.");
                }
                selected.put(from, to);
            }
        });
        return selected;
    }

    private NamespaceReport compareNamespace(String from, String to, BsonDocument sourceEntry, BsonDocument targetEntry) {
        if (targetEntry == null) {
            return new NamespaceReport(from, to, List.of(MetadataDifference.of("collection",
                    DifferenceKind.MISSING_ON_TARGET)), new DocumentTally());
        }
        List<MetadataDifference> metadata = new ArrayList<>(MetadataComparison.compareCollections(sourceEntry, targetEntry));
        DocumentTally documents = new DocumentTally();
        // A view holds no documents or indexes of its own; its definition is in its options.
        if (!"view".equals(Catalog.type(sourceEntry)) && !"view".equals(Catalog.type(targetEntry))) {
            MongoCollection<RawBsonDocument> left = collection(source, from);
            MongoCollection<RawBsonDocument> right = collection(target, to);
            metadata.addAll(MetadataComparison.compareIndexes(catalog.indexes(left), catalog.indexes(right)));
            documents = merge.compare(left, right, hasCollation(sourceEntry) || hasCollation(targetEntry));
        }
        return new NamespaceReport(from, to, metadata, documents);
    }

    private static boolean hasCollation(BsonDocument entry) {
        return Catalog.options(entry).containsKey("collation");
    }

    private static MongoCollection<RawBsonDocument> collection(MongoClient client, String namespace) {
        int dot = namespace.indexOf('.');
        return client.getDatabase(namespace.substring(0, dot))
                .getCollection(namespace.substring(dot + 1), RawBsonDocument.class);
    }

    private List<NamespaceReport> extras(Set<String> targetNamespaces, Set<String> images, Map<String, String> selected) {
        Set<String> databasesInScope = new HashSet<>();
        selected.values().forEach(to -> databasesInScope.add(to.substring(0, to.indexOf('.'))));
        List<NamespaceReport> extras = new ArrayList<>();
        for (String namespace : targetNamespaces) {
            boolean inScope = filter == null || databasesInScope.contains(namespace.substring(0, namespace.indexOf('.')));
            if (inScope && !images.contains(namespace)) {
                extras.add(new NamespaceReport(null, namespace, List.of(MetadataDifference.of("collection",
                        DifferenceKind.EXTRA_ON_TARGET)), new DocumentTally()));
            }
        }
        return extras;
    }

    private static void addIfDifferent(List<NamespaceReport> reports, NamespaceReport report) {
        if (report.hasDifferences()) {
            reports.add(report);
        }
    }
}
