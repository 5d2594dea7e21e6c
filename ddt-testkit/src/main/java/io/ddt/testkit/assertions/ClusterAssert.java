package io.ddt.testkit.assertions;

import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import io.ddt.testkit.TestCluster;
import org.assertj.core.api.AbstractAssert;
import org.bson.BsonDocument;
import org.bson.conversions.Bson;

/**
 * Assertions on the content of a MongoDB cluster, usually the target of a transfer, obtained
 * from {@link DdtAssertions#assertThat(TestCluster)}:
 *
 * <pre>{@code
 * assertThat(target)
 *         .through(ns -> ns.replace("shop.", "shop_copy."))
 *         .only(ns -> ns.startsWith("shop."))
 *         .hasSameContentAs(source);
 * }</pre>
 *
 * <p>{@link #through} and {@link #only} configure the next comparisons and return this
 * assertion; the mapping defaults to the identity and the filter to every namespace.
 *
 * <p>Like every AssertJ assertion, an instance is meant for one chain in one thread; it is not
 * thread-safe. The checks read the clusters when they run; they never write. A failed check
 * throws {@link AssertionError}; a driver error (an unreachable cluster) propagates as thrown.
 */
public final class ClusterAssert extends AbstractAssert<ClusterAssert, MongoClient> {

    /** Batch size of every cursor the comparison opens unless {@link #readingInBatchesOf} says otherwise. */
    public static final int DEFAULT_BATCH_SIZE = 1000;

    private final String targetDescription;
    private UnaryOperator<String> mapping = UnaryOperator.identity();
    private Predicate<String> filter;
    private int batchSize = DEFAULT_BATCH_SIZE;

    ClusterAssert(MongoClient actual, String targetDescription) {
        super(actual, ClusterAssert.class);
        this.targetDescription = targetDescription;
    }

    /**
     * Sets how source namespaces map to namespaces of this (target) cluster for
     * {@link #hasSameContentAs}. The function receives a source namespace {@code "db.coll"}
     * and returns the target namespace {@code "db.coll"}. It is called on the asserting thread
     * for every user namespace of the source, also those the {@link #only filter} leaves out
     * (so that their images are not taken for extra namespaces), and must not return {@code null}.
     * It stands in for {@code io.ddt.NamespaceMapping} until ddt-core has it.
     *
     * @param mapping source namespace to target namespace; replaces any earlier mapping
     * @return this assertion
     */
    public ClusterAssert through(UnaryOperator<String> mapping) {
        this.mapping = Objects.requireNonNull(mapping, "mapping");
        return this;
    }

    /**
     * Restricts {@link #hasSameContentAs} to the source namespaces the filter accepts. The
     * predicate receives a source namespace {@code "db.coll"}. Target namespaces that no source
     * namespace maps to are then reported as extra only in the target databases that the
     * selected namespaces map into. It stands in for {@code io.ddt.NamespaceFilter}.
     *
     * @param filter accepts the source namespaces to compare; replaces any earlier filter
     * @return this assertion
     */
    public ClusterAssert only(Predicate<String> filter) {
        this.filter = Objects.requireNonNull(filter, "filter");
        return this;
    }

    /**
     * Sets the batch size of the cursors the comparison reads; memory holds about one batch
     * per side. The default is {@value #DEFAULT_BATCH_SIZE}.
     *
     * @param batchSize documents per batch, at least 1
     * @return this assertion
     */
    public ClusterAssert readingInBatchesOf(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, was " + batchSize);
        }
        this.batchSize = batchSize;
        return this;
    }

    /**
     * Verifies that this cluster holds the same content as {@code source}, through the mapping
     * and filter set before. For every user namespace of the source (databases {@code admin},
     * {@code local}, {@code config} and {@code system.*} collections are skipped) it compares,
     * with the target namespace it maps to: the collection's type and options; its indexes by
     * name with all their options except {@code v} and {@code ns}; and its documents, byte for
     * byte by {@code _id}, so that field order and numeric types count. Views are compared by
     * their definition only. Target namespaces that no source namespace maps to fail too.
     *
     * <p>The documents are read from both sides in {@code _id} order and merged as they stream,
     * so memory stays bounded whatever the collection sizes. The failure message names each
     * differing namespace and, per namespace, the counts and the first five differing
     * {@code _id}s with what differs (missing on target, extra on target, or the names of the
     * differing top-level fields); it never shows the documents' values.
     *
     * @param source the cluster the content came from
     * @return this assertion
     * @throws AssertionError if the content differs
     * @throws IllegalArgumentException if the mapping returns something that is not a
     *     namespace, or maps two compared source namespaces to one target namespace
     */
    public ClusterAssert hasSameContentAs(TestCluster source) {
        Objects.requireNonNull(source, "source");
        return compareWith(source.client(), "source cluster " + source.connectionString());
    }

    /**
     * Verifies that this cluster holds the same content as the cluster {@code source} is
     * connected to; see {@link #hasSameContentAs(TestCluster)}.
     *
     * @param source a client of the cluster the content came from; it is not closed
     * @return this assertion
     * @throws AssertionError if the content differs
     */
    public ClusterAssert hasSameContentAs(MongoClient source) {
        Objects.requireNonNull(source, "source");
        return compareWith(source, "the source client");
    }

    private ClusterAssert compareWith(MongoClient source, String sourceDescription) {
        isNotNull();
        List<NamespaceReport> reports = new ContentComparison(source, actual, mapping, filter, batchSize).run();
        if (!reports.isEmpty()) {
            failWithMessage("%s", DifferenceMessage.render(targetDescription, sourceDescription, reports));
        }
        return this;
    }

    /**
     * Verifies that the namespace holds exactly {@code expected} documents, counted with
     * {@code countDocuments} (exact, never the estimated count). A missing collection holds none.
     *
     * @param namespace {@code "db.coll"} on this cluster
     * @param expected the number of documents
     * @return this assertion
     * @throws AssertionError if the count differs
     */
    public ClusterAssert hasDocumentCount(String namespace, long expected) {
        isNotNull();
        long count = collection(namespace).countDocuments();
        if (count != expected) {
            failWithMessage("Expecting %s on %s to hold %d documents, but it holds %d",
                    namespace, targetDescription, expected, count);
        }
        return this;
    }

    /**
     * Verifies that at least one document of the namespace matches the query filter.
     *
     * @param namespace {@code "db.coll"} on this cluster
     * @param query a query filter, such as {@code Filters.eq("_id", 42)}
     * @return this assertion
     * @throws AssertionError if no document matches
     */
    public ClusterAssert containsDocument(String namespace, Bson query) {
        isNotNull();
        if (first(namespace, query) == null) {
            failWithMessage("Expecting %s on %s to contain a document matching %s, but none does",
                    namespace, targetDescription, render(query));
        }
        return this;
    }

    /**
     * Verifies that no document of the namespace matches the query filter.
     *
     * @param namespace {@code "db.coll"} on this cluster
     * @param query a query filter
     * @return this assertion
     * @throws AssertionError if a document matches; the message names its {@code _id} only
     */
    public ClusterAssert doesNotContainDocument(String namespace, Bson query) {
        isNotNull();
        BsonDocument found = first(namespace, query);
        if (found != null) {
            failWithMessage("Expecting %s on %s to contain no document matching %s, but _id %s does",
                    namespace, targetDescription, render(query), DifferenceMessage.value(found.get("_id")));
        }
        return this;
    }

    private BsonDocument first(String namespace, Bson query) {
        Objects.requireNonNull(query, "query");
        return collection(namespace).find(query).limit(1).first();
    }

    private static String render(Bson query) {
        return query.toBsonDocument(BsonDocument.class, MongoClientSettings.getDefaultCodecRegistry()).toJson();
    }

    private MongoCollection<BsonDocument> collection(String namespace) {
        Objects.requireNonNull(namespace, "namespace");
        int dot = namespace.indexOf('.');
        if (dot <= 0 || dot == namespace.length() - 1) {
            throw new IllegalArgumentException("namespace must look like \"db.collection\", was \"" + namespace + "\"");
        }
        return actual.getDatabase(namespace.substring(0, dot)).getCollection(namespace.substring(dot + 1), BsonDocument.class);
    }
}
