package io.ddt.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.mongodb.ReadPreference;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import io.ddt.NamespaceFilter;
import io.ddt.Position;
import io.ddt.spi.EventStream;
import io.ddt.spi.OplogStreamer;
import io.ddt.testkit.Clusters;

/** The oplog tail, through its public builder, on a fake source. */
@Clusters
class MongoOplogStreamerTest extends StreamerContract {

    @Test
    void readsOneMemberThroughADirectConnection() throws InterruptedException {
        Position start = now(source);
        SourceWrites.insert(source.client(), "shop.orders", 1);
        String direct = "mongodb://127.0.0.1:" + source.port() + "/?directConnection=true";
        try (MongoClient member = MongoClients.create(direct);
             EventStream stream = MongoOplogStreamer.builder(member).readPreference(ReadPreference.secondaryPreferred())
                 .build().open(start, now(source))) {
            assertThat(StreamedEvents.readToEnd(stream).described()).containsExactly("create shop.orders",
                "insert shop.orders 1");
        }
    }

    @Override
    OplogStreamer streamer(MongoClient client, NamespaceFilter filter, int batchEvents) {
        return MongoOplogStreamer.builder(client).filter(filter).batchEvents(batchEvents).build();
    }
}
