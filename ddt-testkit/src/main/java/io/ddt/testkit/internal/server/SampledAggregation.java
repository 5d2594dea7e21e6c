package io.ddt.testkit.internal.server;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonValue;

/**
 * Runs an aggregation in the engine, except its {@code $sample} stages, which the fake runs
 * itself: the engine samples with a random comparator that breaks the sort's contract on larger
 * inputs. The stages before a {@code $sample} run in the engine, the sample is a shuffle, and
 * the stages after it run over the sample in a scratch collection.
 */
final class SampledAggregation {

    private static final String SCRATCH = "sample_stage";

    private final MjsEngine engine;

    SampledAggregation(MjsEngine engine) {
        this.engine = engine;
    }

    List<BsonDocument> run(String database, String collection, BsonArray pipeline) {
        int sample = indexOfSample(pipeline);
        if (sample < 0) {
            return aggregate(database, collection, pipeline);
        }
        BsonArray before = new BsonArray(new ArrayList<>(pipeline.subList(0, sample)));
        BsonArray after = new BsonArray(new ArrayList<>(pipeline.subList(sample + 1, pipeline.size())));
        List<BsonDocument> input = aggregate(database, collection, before);
        int size = pipeline.get(sample).asDocument().getDocument("$sample").getNumber("size").intValue();
        List<BsonDocument> shuffled = new ArrayList<>(input);
        Collections.shuffle(shuffled, ThreadLocalRandom.current());
        List<BsonDocument> sampled = new ArrayList<>(shuffled.subList(0, Math.min(size, shuffled.size())));
        if (after.isEmpty() || sampled.isEmpty()) {
            return sampled;
        }
        return overScratch(sampled, after);
    }

    private synchronized List<BsonDocument> overScratch(List<BsonDocument> documents, BsonArray stages) {
        engine.dropIfExists(Updates.SCRATCH_DATABASE, SCRATCH);
        try {
            BsonArray batch = new BsonArray();
            for (BsonDocument document : documents) {
                batch.add(document);
            }
            engine.run(Updates.SCRATCH_DATABASE, new BsonDocument("insert", new BsonString(SCRATCH)).append("documents", batch));
            return run(Updates.SCRATCH_DATABASE, SCRATCH, stages);
        } finally {
            engine.dropIfExists(Updates.SCRATCH_DATABASE, SCRATCH);
        }
    }

    private List<BsonDocument> aggregate(String database, String collection, BsonArray pipeline) {
        BsonDocument reply = engine.run(database, new BsonDocument("aggregate", new BsonString(collection))
            .append("pipeline", pipeline).append("cursor", new BsonDocument()));
        return MjsEngine.documents(reply.getDocument("cursor").getArray("firstBatch"));
    }

    private static int indexOfSample(BsonArray pipeline) {
        for (int i = 0; i < pipeline.size(); i++) {
            BsonValue stage = pipeline.get(i);
            if (stage.isDocument() && stage.asDocument().containsKey("$sample")) {
                return i;
            }
        }
        return -1;
    }
}
