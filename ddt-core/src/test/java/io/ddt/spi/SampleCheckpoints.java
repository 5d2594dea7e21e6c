package io.ddt.spi;

import java.time.Instant;
import java.util.List;

import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonMaxKey;
import org.bson.BsonMinKey;
import org.bson.BsonObjectId;
import org.bson.BsonString;
import org.bson.BsonTimestamp;
import org.bson.types.ObjectId;

import io.ddt.Phase;
import io.ddt.Position;

/** Checkpoints with every field filled the way a running job fills them, for tests of the value and the stores. */
public final class SampleCheckpoints {

    private SampleCheckpoints() {
    }

    /** A resume token in the server's form: {@code {_data: "<hex>"}}. */
    public static BsonDocument token(String hex) {
        return new BsonDocument("_data", new BsonString(hex));
    }

    /** A copy state of two collections: one split by type with a range part-way, one done. */
    public static CopyState copyState() {
        RangeState done = RangeState.of(0, "number", new BsonMinKey(), new BsonInt32(500)).advancedTo(new BsonInt32(499), 500)
            .finished();
        RangeState halfway = RangeState.of(1, "number", new BsonInt32(500), new BsonMaxKey()).advancedTo(new BsonInt64(750L), 251);
        RangeState untouched = RangeState.of(2, "objectId", new BsonMinKey(), new BsonObjectId(new ObjectId("65a1b2c3d4e5f60718293a4b")));
        return CopyState.empty()
            .with(CollectionCopyState.planned("shop.orders").withRanges(List.of(done, halfway, untouched)))
            .with(CollectionCopyState.planned("shop.users").withRanges(
                List.of(RangeState.of(0, "all", new BsonMinKey(), new BsonMaxKey()).finished())).withIndexesBuilt());
    }

    /** The {@code appliedSeconds} a checkpoint of {@link #streaming} was made with. */
    public static long appliedSeconds(Checkpoint checkpoint) {
        return checkpoint.watermark().orElseThrow().clusterTime().getTime() - 1_700_000_100L;
    }

    /** A streaming checkpoint with T0, T1 and a watermark that carries a resume token. */
    public static Checkpoint streaming(String jobId, long appliedSeconds) {
        return Checkpoint.builder(jobId).phase(Phase.STREAMING)
            .t0(Position.of(new BsonTimestamp(1_700_000_000, 7)))
            .t1(Position.of(new BsonTimestamp(1_700_000_100, 2), token("8265531C640000000229295A1004A1B2")))
            .watermark(Position.of(new BsonTimestamp((int) (1_700_000_100 + appliedSeconds), 1),
                token("82655320" + Long.toHexString(appliedSeconds) + "000000012B022C0100296E5A1004")))
            .copyState(copyState())
            .fingerprint(Checkpoint.fingerprintOf("FULL_AND_REALTIME", "NamespaceFilter{include=[shop.*]}"))
            .savedAt(Instant.parse("2024-01-15T10:20:30.123456789Z").plusSeconds(appliedSeconds))
            .build();
    }
}
