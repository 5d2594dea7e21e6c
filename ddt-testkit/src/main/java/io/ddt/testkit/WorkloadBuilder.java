package io.ddt.testkit;

import com.mongodb.client.MongoClient;
import io.ddt.testkit.Workload.IdKind;
import io.ddt.testkit.internal.workload.WorkloadSettings;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Builds a {@link Workload}; {@link Workload#builder(MongoClient)} returns one with every default
 * set. Each setter checks its argument at once and throws {@link IllegalArgumentException} naming
 * it; {@link #build()} checks the whole. Not thread-safe; a builder may build several workloads.
 */
public final class WorkloadBuilder {

    /** Largest document size accepted: well under 16 MB, so updates can grow a document. */
    public static final int MAX_DOCUMENT_SIZE = 8 * 1024 * 1024;

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+");

    private final MongoClient client;
    private String name = "workload";
    private long seed = 1;
    private List<String> namespaces = List.of("ddt_workload.docs");
    private final Map<WorkloadOperation, Integer> weights = new EnumMap<>(WorkloadOperation.class);
    private double operationsPerSecond;
    private long maxOperations = Long.MAX_VALUE;
    private Duration duration;
    private int initialDocuments;
    private int minDocumentSize = 256;
    private int maxDocumentSize = 2048;
    private IdKind idKind = IdKind.OBJECT_ID;
    private double duplicateIdProbability = 0.02;
    private int historyLimit = 100_000;

    WorkloadBuilder(MongoClient client) {
        this.client = client;
        for (WorkloadOperation kind : WorkloadOperation.values()) {
            weights.put(kind, kind.defaultWeight());
        }
    }

    /**
     * Sets the seed of the random source. Default 1.
     *
     * @param seed any value
     * @return this builder
     */
    public WorkloadBuilder seed(long seed) {
        this.seed = seed;
        return this;
    }

    /**
     * Sets the namespaces written, each {@code "db.coll"}; each operation picks one at random.
     * Default {@code ddt_workload.docs}.
     *
     * @param namespaces one or more distinct namespaces
     * @return this builder
     */
    public WorkloadBuilder namespaces(String... namespaces) {
        return namespaces(List.of(namespaces));
    }

    /**
     * Sets the namespaces written, as {@link #namespaces(String...)} does.
     *
     * @param namespaces one or more distinct namespaces
     * @return this builder
     */
    public WorkloadBuilder namespaces(List<String> namespaces) {
        Set<String> distinct = new LinkedHashSet<>(namespaces);
        if (distinct.isEmpty() || distinct.size() != namespaces.size()) {
            throw new IllegalArgumentException("namespaces must be one or more distinct names, not " + namespaces);
        }
        distinct.forEach(WorkloadBuilder::checkNamespace);
        this.namespaces = List.copyOf(distinct);
        return this;
    }

    /**
     * Sets one kind's relative weight; 0 turns the kind off. Defaults:
     * {@link WorkloadOperation#defaultWeight()}.
     *
     * @param operation the kind
     * @param weight zero or more
     * @return this builder
     */
    public WorkloadBuilder weight(WorkloadOperation operation, int weight) {
        Objects.requireNonNull(operation, "operation");
        if (weight < 0) {
            throw new IllegalArgumentException("weight of " + operation + " must be zero or more, not " + weight);
        }
        weights.put(operation, weight);
        return this;
    }

    /**
     * Sets every kind's weight at once: kinds absent from the map get weight 0.
     *
     * @param weights the weights, each zero or more
     * @return this builder
     */
    public WorkloadBuilder weights(Map<WorkloadOperation, Integer> weights) {
        for (WorkloadOperation kind : WorkloadOperation.values()) {
            weight(kind, weights.getOrDefault(kind, 0));
        }
        return this;
    }

    /**
     * Limits the rate with a token bucket (bursts of at most a tenth of a second's worth). Default:
     * unlimited.
     *
     * @param operationsPerSecond more than zero
     * @return this builder
     */
    public WorkloadBuilder operationsPerSecond(double operationsPerSecond) {
        if (!(operationsPerSecond > 0) || Double.isInfinite(operationsPerSecond)) {
            throw new IllegalArgumentException("operationsPerSecond must be positive and finite, not " + operationsPerSecond);
        }
        this.operationsPerSecond = operationsPerSecond;
        return this;
    }

    /**
     * Removes the rate limit: operations follow one another as fast as the server answers. The
     * default.
     *
     * @return this builder
     */
    public WorkloadBuilder unlimitedRate() {
        this.operationsPerSecond = 0;
        return this;
    }

    /**
     * Ends each run after this many operations. Default: no limit.
     *
     * @param maxOperations one or more
     * @return this builder
     */
    public WorkloadBuilder maxOperations(long maxOperations) {
        if (maxOperations < 1) {
            throw new IllegalArgumentException("maxOperations must be at least 1, not " + maxOperations);
        }
        this.maxOperations = maxOperations;
        return this;
    }

    /**
     * Ends each run after this long, whichever of this and {@link #maxOperations} comes first.
     * Default: no limit.
     *
     * @param duration positive
     * @return this builder
     */
    public WorkloadBuilder duration(Duration duration) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("duration must be positive, not " + duration);
        }
        this.duration = duration;
        return this;
    }

    /**
     * Sets how many documents each namespace receives (by {@code insertMany}) before the first
     * operation. Default 0.
     *
     * @param count zero or more
     * @return this builder
     */
    public WorkloadBuilder initialDocuments(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("initialDocuments must be zero or more, not " + count);
        }
        this.initialDocuments = count;
        return this;
    }

    /**
     * Sets the range of encoded sizes of inserted and replacing documents, in bytes, drawn
     * uniformly. Updates may then grow or shrink a document. Default 256 to 2048.
     *
     * @param minBytes at least {@value WorkloadSettings#MIN_DOCUMENT_SIZE}
     * @param maxBytes at least {@code minBytes}, at most {@link #MAX_DOCUMENT_SIZE}
     * @return this builder
     */
    public WorkloadBuilder documentSize(int minBytes, int maxBytes) {
        if (minBytes < WorkloadSettings.MIN_DOCUMENT_SIZE || maxBytes < minBytes || maxBytes > MAX_DOCUMENT_SIZE) {
            throw new IllegalArgumentException("documentSize must satisfy " + WorkloadSettings.MIN_DOCUMENT_SIZE
                + " <= minBytes <= maxBytes <= " + MAX_DOCUMENT_SIZE + ", not " + minBytes + ", " + maxBytes);
        }
        this.minDocumentSize = minBytes;
        this.maxDocumentSize = maxBytes;
        return this;
    }

    /**
     * Sets the type of the generated {@code _id}s. Default {@link IdKind#OBJECT_ID}.
     *
     * @param idKind the type
     * @return this builder
     */
    public WorkloadBuilder idKind(IdKind idKind) {
        this.idKind = Objects.requireNonNull(idKind, "idKind");
        return this;
    }

    /**
     * Sets how often an {@link WorkloadOperation#INSERT_ONE} reuses a live {@code _id}, to provoke
     * a duplicate-key error. Default 0.02.
     *
     * @param probability from 0 to 1
     * @return this builder
     */
    public WorkloadBuilder duplicateIdProbability(double probability) {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("duplicateIdProbability must be within [0, 1], not " + probability);
        }
        this.duplicateIdProbability = probability;
        return this;
    }

    /**
     * Sets how many records {@link Workload#history()} keeps; later operations are counted but
     * not kept, which bounds memory on long runs. Default 100,000.
     *
     * @param limit zero or more
     * @return this builder
     */
    public WorkloadBuilder historyLimit(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("historyLimit must be zero or more, not " + limit);
        }
        this.historyLimit = limit;
        return this;
    }

    /**
     * Sets the name used in thread names ({@code ddt-<name>-<n>}) and log lines. Default
     * {@code workload}.
     *
     * @param name letters, digits, {@code _} and {@code -}
     * @return this builder
     */
    public WorkloadBuilder name(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("name must be letters, digits, _ or -, not " + name);
        }
        this.name = name;
        return this;
    }

    /**
     * Builds the workload. It touches no server until its first operation.
     *
     * @return a new workload
     * @throws IllegalStateException if every weight is zero
     */
    public Workload build() {
        if (weights.values().stream().mapToInt(Integer::intValue).sum() <= 0) {
            throw new IllegalStateException("at least one operation kind needs a weight above zero");
        }
        return new Workload(new WorkloadSettings(name, seed, namespaces, weights, operationsPerSecond,
            maxOperations, duration, initialDocuments, minDocumentSize, maxDocumentSize, idKind,
            duplicateIdProbability, historyLimit), client);
    }

    private static void checkNamespace(String namespace) {
        int dot = namespace == null ? -1 : namespace.indexOf('.');
        if (dot <= 0 || dot == namespace.length() - 1 || namespace.contains("$") || namespace.contains(" ")) {
            throw new IllegalArgumentException("namespace must be \"db.collection\", not " + namespace);
        }
    }
}
