package io.ddt.mongo;

import com.mongodb.client.MongoClient;

import io.ddt.NamespaceFilter;
import io.ddt.spi.OplogStreamer;
import io.ddt.testkit.Clusters;

/** The oplog tail, through its public builder, on a fake source. */
@Clusters
class MongoOplogStreamerTest extends StreamerContract {

    @Override
    OplogStreamer streamer(MongoClient client, NamespaceFilter filter, int batchEvents) {
        return MongoOplogStreamer.builder(client).filter(filter).batchEvents(batchEvents).build();
    }
}
