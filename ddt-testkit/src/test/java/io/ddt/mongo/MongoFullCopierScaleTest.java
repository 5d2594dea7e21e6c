package io.ddt.mongo;

import static io.ddt.testkit.assertions.DdtAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.bson.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

import io.ddt.CopySettings;
import io.ddt.spi.CopyListener;
import io.ddt.spi.CopyState;
import io.ddt.testkit.Cluster;
import io.ddt.testkit.Clusters;
import io.ddt.testkit.FakeCluster;

/** A million documents over twenty collections of uneven sizes arrive exactly. */
@Clusters
@Tag("slow")
class MongoFullCopierScaleTest {

    private static final Logger LOG = LoggerFactory.getLogger(MongoFullCopierScaleTest.class);
    private static final int TOTAL = 1_000_000;
    private static final int COLLECTIONS = 20;

    @Cluster
    FakeCluster source;

    @Cluster
    FakeCluster target;

    @Test
    void aMillionDocumentsOverTwentyUnevenCollectionsArriveExactly() {
        long start = System.nanoTime();
        int[] sizes = unevenSizes();
        for (int c = 0; c < COLLECTIONS; c++) {
            MongoDatabase db = source.client().getDatabase("scale" + (c % 3));
            MongoCollection<Document> coll = db.getCollection("c" + c);
            fill(coll, sizes[c], c);
            coll.createIndex(Indexes.ascending("k"), new IndexOptions().name("k_1"));
            if (c % 4 == 0) {
                coll.createIndex(Indexes.compoundIndex(Indexes.ascending("k"), Indexes.descending("_id")),
                    new IndexOptions().unique(true));
            }
        }
        long filled = System.nanoTime();
        CopyState state = MongoFullCopier.builder(source.client(), target.client())
            .settings(CopySettings.builder().threads(4).build()).build().copy(CopyState.empty(), CopyListener.NONE);
        long copied = System.nanoTime();
        assertThat(state.isComplete()).isTrue();
        assertThat(state.documents()).isEqualTo(TOTAL);
        assertThat(target).hasSameContentAs(source);
        LOG.info("scale copy: filled {} documents in {} ms, copied in {} ms ({} docs/s), verified in {} ms", TOTAL,
            (filled - start) / 1_000_000, (copied - filled) / 1_000_000, TOTAL * 1_000_000_000L / (copied - filled),
            (System.nanoTime() - copied) / 1_000_000);
    }

    private static int[] unevenSizes() {
        int[] sizes = new int[COLLECTIONS];
        double[] weights = new double[COLLECTIONS];
        double sum = 0;
        for (int c = 0; c < COLLECTIONS; c++) {
            weights[c] = Math.pow(1.6, c % 10) * (c % 7 == 3 ? 0.01 : 1);
            sum += weights[c];
        }
        int assigned = 0;
        for (int c = 0; c < COLLECTIONS - 1; c++) {
            sizes[c] = (int) (TOTAL * weights[c] / sum);
            assigned += sizes[c];
        }
        sizes[COLLECTIONS - 1] = TOTAL - assigned;
        return sizes;
    }

    private static void fill(MongoCollection<Document> coll, int count, int seed) {
        Random random = new Random(seed);
        List<Document> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Object id = (i % 10 == 0) ? "s" + i : (Object) i;
            batch.add(new Document("_id", id).append("k", i).append("v", random.nextInt(1000))
                .append("nested", new Document("a", random.nextDouble()).append("b", List.of(1, 2, i))));
            if (batch.size() == 2000) {
                coll.insertMany(batch);
                batch = new ArrayList<>();
            }
        }
        if (!batch.isEmpty()) {
            coll.insertMany(batch);
        }
    }
}
