package io.ddt.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Indexes;

import io.ddt.NamespaceFilter;
import io.ddt.Position;
import io.ddt.spi.EventStream;
import io.ddt.spi.OplogStreamer;
import io.ddt.testkit.Cluster;
import io.ddt.testkit.Clusters;
import io.ddt.testkit.FakeCluster;

/** The cluster-wide change stream, through its public builder, on a fake source. */
@Clusters
class ChangeStreamStreamerTest extends StreamerContract {

    @Test
    void beforeMongoDb6OnlyTheDdlEveryChangeStreamShowsArrives(@Cluster(version = "5.0.24", noopIntervalMillis = 200) FakeCluster old)
        throws InterruptedException {
        Position start = now(old);
        SourceWrites.insert(old.client(), "shop.orders", 1);
        SourceWrites.collection(old.client(), "shop.orders").createIndex(Indexes.ascending("a"));
        SourceWrites.collection(old.client(), "shop.orders").drop();
        try (EventStream stream = streamer(old.client(), NamespaceFilter.all(), 100).open(start, now(old))) {
            assertThat(StreamedEvents.readToEnd(stream).described()).containsExactly("insert shop.orders 1",
                "drop shop.orders");
        }
    }

    @Override
    OplogStreamer streamer(MongoClient client, NamespaceFilter filter, int batchEvents) {
        return ChangeStreamStreamer.builder(client).filter(filter).batchEvents(batchEvents).build();
    }
}
