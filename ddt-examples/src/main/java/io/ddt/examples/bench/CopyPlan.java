package io.ddt.examples.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.bson.RawBsonDocument;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;

/**
 * The source data of {@code full-copy}: collections of uneven sizes in database {@value #DATABASE}
 * (weights n, n-1, ..., 1, so four hold 40%, 30%, 20% and 10%), each with its own kind of
 * {@code _id}, filled from {@link CopyDocuments}. Immutable; {@link #fill} is called once.
 */
final class CopyPlan {

    static final String DATABASE = "bench";

    /** One source collection: its name, its {@code _id} kind and how many documents it holds. */
    record Part(String name, CopyDocuments.IdKind kind, int documents) {
    }

    private final List<Part> parts;

    private CopyPlan(List<Part> parts) {
        this.parts = List.copyOf(parts);
    }

    /**
     * Spreads {@code documents} over {@code collections} collections of uneven sizes.
     *
     * @throws IllegalArgumentException if there are fewer documents than collections
     */
    static CopyPlan of(int documents, int collections) {
        if (collections < 1 || documents < collections) {
            throw new IllegalArgumentException("--collections must be at least 1 and at most --documents, not "
                + collections + " for " + documents + " documents");
        }
        long weights = (long) collections * (collections + 1) / 2;
        List<Part> parts = new ArrayList<>();
        int assigned = 0;
        for (int i = 0; i < collections; i++) {
            CopyDocuments.IdKind kind = CopyDocuments.IdKind.of(i);
            int size = i == collections - 1 ? documents - assigned : (int) (documents * (long) (collections - i) / weights);
            assigned += size;
            parts.add(new Part("c" + i + "_" + kind.name().toLowerCase(Locale.ROOT), kind, size));
        }
        return new CopyPlan(parts);
    }

    List<Part> parts() {
        return parts;
    }

    /** Such as {@code c0_int 400,000, c1_object_id 300,000}. */
    @Override
    public String toString() {
        return String.join(", ", parts.stream().map(p -> String.format("%s %,d", p.name(), p.documents())).toList());
    }

    int documents() {
        return parts.stream().mapToInt(Part::documents).sum();
    }

    /**
     * Fills the source with insertMany in batches of {@code batch}, on {@code threads} threads
     * (the documents are built while the cluster stores the previous batch). Returns documents per second.
     */
    double fill(MongoClient source, int batch, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> new Thread(runnable, "full-copy-fill"));
        long start = System.nanoTime();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Part part : parts) {
                int slices = Math.max(1, threads);
                for (int slice = 0; slice < slices; slice++) {
                    int from = (int) ((long) part.documents() * slice / slices);
                    int to = (int) ((long) part.documents() * (slice + 1) / slices);
                    futures.add(pool.submit(() -> insert(collection(source, part), part.kind(), from, to, batch)));
                }
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return documents() / ((System.nanoTime() - start) / 1e9);
    }

    static MongoCollection<RawBsonDocument> collection(MongoClient client, Part part) {
        return client.getDatabase(DATABASE).getCollection(part.name(), RawBsonDocument.class);
    }

    private static Void insert(MongoCollection<RawBsonDocument> collection, CopyDocuments.IdKind kind, int from, int to,
                               int batchSize) {
        List<RawBsonDocument> batch = new ArrayList<>(batchSize);
        for (int index = from; index < to; index++) {
            batch.add(CopyDocuments.document(kind, index));
            if (batch.size() == batchSize) {
                collection.insertMany(batch);
                batch = new ArrayList<>(batchSize);
            }
        }
        if (!batch.isEmpty()) {
            collection.insertMany(batch);
        }
        return null;
    }
}
