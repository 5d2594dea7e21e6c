package io.ddt.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonNull;
import org.bson.BsonString;
import org.bson.BsonTimestamp;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.ddt.CheckpointException;
import io.ddt.Phase;
import io.ddt.Position;

class CheckpointTest {

    private static final Checkpoint FULL = SampleCheckpoints.streaming("orders-sync", 42);

    @Test
    void roundTripsAFullCheckpointThroughBsonBytesExactly() {
        RawBsonDocument bytes = new RawBsonDocument(FULL.toBson(), new BsonDocumentCodec());

        Checkpoint back = Checkpoint.fromBson(bytes.toBsonDocument());

        assertThat(back).isEqualTo(FULL).hasSameHashCodeAs(FULL);
        assertThat(back.toBson()).isEqualTo(FULL.toBson());
        assertThat(back.watermark().orElseThrow().resumeToken()).isEqualTo(FULL.watermark().orElseThrow().resumeToken());
        assertThat(back.copyState().collection("shop.orders").ranges().get(1).lastId()).isEqualTo(FULL.copyState()
            .collection("shop.orders").ranges().get(1).lastId());
    }

    @Test
    void namesEveryFieldAndWritesUnknownPositionsAsNull() {
        Checkpoint copying = Checkpoint.builder("j").phase(Phase.COPYING).fingerprint("f").build();

        BsonDocument document = copying.toBson();

        assertThat(document.keySet()).containsExactly("formatVersion", "jobId", "phase", "t0", "t1", "watermark",
            "copyState", "fingerprint", "savedAt");
        assertThat(document.get("t0")).isEqualTo(BsonNull.VALUE);
        assertThat(document.getInt32("formatVersion").getValue()).isEqualTo(Checkpoint.FORMAT_VERSION);
        assertThat(Checkpoint.fromBson(document)).isEqualTo(copying);
        assertThat(Checkpoint.fromBson(document).t0()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"formatVersion", "jobId", "phase", "t0", "t1", "watermark", "copyState", "fingerprint", "savedAt"})
    void refusesADocumentMissingAField(String field) {
        BsonDocument document = FULL.toBson();
        document.remove(field);

        assertThatThrownBy(() -> Checkpoint.fromBson(document)).isInstanceOf(CheckpointException.class)
            .hasMessageContaining("'" + field + "' is missing").hasMessageContaining("delete it");
    }

    @Test
    void refusesANewerFormatNamingTheJobAndBothVersions() {
        BsonDocument document = FULL.toBson().append("formatVersion", new BsonInt32(Checkpoint.FORMAT_VERSION + 1));
        document.remove("phase"); // a newer format may lay fields out differently: the version is checked first

        assertThatThrownBy(() -> Checkpoint.fromBson(document)).isInstanceOf(CheckpointException.class)
            .hasMessage("The checkpoint of job orders-sync has format version 2, newer than this ddt reads (1): run "
                + "the ddt version that wrote it, or delete the checkpoint to start the job from the beginning.");
    }

    @Test
    void takesAFormatVersionWrittenAsAnotherNumberTypeByAHandEdit() {
        assertThat(Checkpoint.fromBson(FULL.toBson().append("formatVersion", new BsonDouble(1.0)))).isEqualTo(FULL);
        assertThatThrownBy(() -> Checkpoint.fromBson(FULL.toBson().append("formatVersion", new BsonString("1"))))
            .isInstanceOf(CheckpointException.class).hasMessageContaining("'formatVersion' must be a number but is STRING");
    }

    @Test
    void namesTheFieldOfAWrongTypeOrValue() {
        assertThatThrownBy(() -> Checkpoint.fromBson(FULL.toBson().append("phase", new BsonInt32(1))))
            .isInstanceOf(CheckpointException.class).hasMessageContaining("'phase' must be STRING but is INT32");
        assertThatThrownBy(() -> Checkpoint.fromBson(FULL.toBson().append("phase", new BsonString("PAUSED"))))
            .hasMessageContaining("'phase' is \"PAUSED\", not one of [COPYING, STREAMING, DONE]");
        assertThatThrownBy(() -> Checkpoint.fromBson(FULL.toBson().append("t1", new BsonDocument("x", new BsonInt32(1)))))
            .isInstanceOf(CheckpointException.class).hasMessageContaining("'t1' is not a position");
        assertThatThrownBy(() -> Checkpoint.fromBson(FULL.toBson().append("copyState", new BsonDocument())))
            .isInstanceOf(CheckpointException.class).hasMessageContaining("'copyState' is not a copy state");
        assertThatThrownBy(() -> Checkpoint.fromBson(FULL.toBson().append("t0", BsonNull.VALUE)))
            .isInstanceOf(CheckpointException.class).hasMessageContaining("orders-sync").hasMessageContaining("T1 is set but T0 is not");
    }

    @Test
    void buildRefusesPositionsThatContradictThePhase() {
        Position early = Position.of(new BsonTimestamp(100, 1));
        Position late = Position.of(new BsonTimestamp(200, 1));
        Checkpoint.Builder streaming = Checkpoint.builder("j").phase(Phase.STREAMING).fingerprint("f");

        assertThatThrownBy(() -> streaming.t0(late).t1(early).build()).hasMessageContaining("before T0");
        assertThatThrownBy(() -> streaming.t0(early).t1(late).phase(Phase.COPYING).build())
            .hasMessageContaining("T1 is set while the phase is COPYING");
        assertThatThrownBy(() -> Checkpoint.builder("j").fingerprint("f").build()).hasMessageContaining("phase is not set");
        assertThatThrownBy(() -> Checkpoint.builder("j").phase(Phase.DONE).build()).hasMessageContaining("fingerprint");
        assertThatThrownBy(() -> Checkpoint.builder(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keepsSavedAtToTheMillisecondSoThatTheBsonFormIsExact() {
        Instant before = Instant.now().minusMillis(1);
        Checkpoint now = Checkpoint.builder("j").phase(Phase.DONE).fingerprint("f").build();

        assertThat(now.savedAt()).isAfter(before).isEqualTo(now.savedAt().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        assertThat(FULL.savedAt()).isEqualTo(Instant.parse("2024-01-15T10:21:12.123Z"));
        assertThat(FULL.toBuilder().build()).isEqualTo(FULL);
    }

    @Test
    void fingerprintsDependOnEverySettingAndItsBoundaries() {
        String fingerprint = Checkpoint.fingerprintOf("FULL", "filter");

        assertThat(fingerprint).matches("sha256:[0-9a-f]{64}").isEqualTo(Checkpoint.fingerprintOf("FULL", "filter"));
        assertThat(List.of(Checkpoint.fingerprintOf("FULL", "filte"), Checkpoint.fingerprintOf("REALTIME", "filter"),
            Checkpoint.fingerprintOf("FULLf", "ilter"), Checkpoint.fingerprintOf("FULL"))).doesNotContain(fingerprint).doesNotHaveDuplicates();
    }

    @Test
    void describesItselfWithoutResumeTokensOrIds() {
        assertThat(FULL.toString()).contains("job=orders-sync", "phase=STREAMING", "Timestamp(1700000142, 1) token #")
            .doesNotContain("82655320", "8265531C", "499", "65a1b2c3");
    }
}
