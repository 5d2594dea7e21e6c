package io.ddt.testkit.internal.changestream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;

import org.bson.BsonBinary;
import org.bson.BsonBinarySubType;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonTimestamp;
import org.junit.jupiter.api.Test;

class ResumeTokenTest {

    private static final BsonTimestamp TS = new BsonTimestamp(1_700_000_000, 5);

    @Test
    void eventTokenRoundTripsEveryField() {
        ResumeTokenData data = new ResumeTokenData(TS, false, 300, true, Entries.UUID_A,
                new BsonTimestamp(1_699_999_999, 70_000), 1234, 1);

        assertThat(ResumeToken.decode(ResumeToken.encode(data))).isEqualTo(data);
    }

    @Test
    void tokenWithoutCollectionUuidRoundTrips() {
        ResumeTokenData data = ResumeTokenData.event(TS, 0, null, TS, 0);

        assertThat(ResumeToken.decode(ResumeToken.encode(data))).isEqualTo(data);
    }

    @Test
    void highWaterMarkIsByteForByteTheServersToken() {
        // postBatchResumeToken from the MongoDB manual, for Timestamp(1666277036, 2).
        BsonDocument token = ResumeToken.highWaterMark(new BsonTimestamp(1_666_277_036, 2));

        assertThat(token).isEqualTo(new BsonDocument("_data",
                new BsonString("8263515EAC000000022B0429296E1404")));
        assertThat(ResumeToken.decode(token))
                .isEqualTo(ResumeTokenData.highWaterMark(new BsonTimestamp(1_666_277_036, 2)));
    }

    @Test
    void eventTokenStartsWithTheServersV2Prefix() {
        // A real 7.x insert token: ts, version 2, event type, txnOpIndex 0, not invalidate, uuid.
        String real = "826A8C8E62000000022B042C0100296E5A1004D802A00AB9E24901A92C71E85CC9ED82"
                + "463C6F7065726174696F6E54797065003C696E736572740046646F63756D656E744B65790046"
                + "645F696400646A8C8E62C1EC1FE8858052CF000004";
        BsonBinary uuid = new BsonBinary(BsonBinarySubType.UUID_STANDARD,
                HexFormat.of().parseHex("D802A00AB9E24901A92C71E85CC9ED82"));
        BsonTimestamp ts = new BsonTimestamp(1_787_596_386, 2);

        String ours = ResumeToken.encode(ResumeTokenData.event(ts, 0, uuid, ts, 0))
                .getString("_data").getValue();

        String prefix = real.substring(0, real.indexOf("ED82") + 4);
        assertThat(ours).startsWith(prefix).isNotEqualTo(real);
    }

    @Test
    void decodesTheClusterTimeAndUuidOfRealServerTokens() {
        // 4.2 insert event (version 1) captured from a replica set.
        BsonDocument v1 = BsonDocument.parse("{_data: '825E4FA224000000012B022C0100296E5A100420D9F949"
                + "CFC7496EA80E32BA633701A846645F696400645E4FA224A6717632D6EE2E850004'}");

        ResumeTokenData data = ResumeToken.decode(v1);

        assertThat(data.clusterTime()).isEqualTo(new BsonTimestamp(1_582_277_156, 1));
        assertThat(data.highWaterMark()).isFalse();
        assertThat(HexFormat.of().withUpperCase().formatHex(data.collectionUuid().getData()))
                .isEqualTo("20D9F949CFC7496EA80E32BA633701A8");
        assertThat(data.entryTs()).isNull();
        assertThat(ResumeToken.decode(BsonDocument.parse("{_data: '826A8C8FBF000000012B0229296E04'}")))
                .isEqualTo(ResumeTokenData.highWaterMark(new BsonTimestamp(1_787_596_735, 1)));
    }

    @Test
    void tokensSortAsStringsInStreamOrder() {
        BsonTimestamp next = new BsonTimestamp(TS.getTime(), TS.getInc() + 1);
        BsonTimestamp nextSecond = new BsonTimestamp(TS.getTime() + 1, 0);
        ResumeTokenData drop = ResumeTokenData.event(TS, 0, Entries.UUID_B, TS, 0);
        List<BsonDocument> inStreamOrder = List.of(
                ResumeToken.highWaterMark(TS),
                ResumeToken.encode(drop),
                ResumeToken.encode(drop.invalidate()),
                ResumeToken.highWaterMark(next),
                ResumeToken.encode(ResumeTokenData.event(next, 0, Entries.UUID_B, TS, 9)),
                ResumeToken.encode(ResumeTokenData.event(next, 1, Entries.UUID_A, TS, 0)),
                ResumeToken.encode(ResumeTokenData.event(next, 127, Entries.UUID_A, TS, 3)),
                ResumeToken.encode(ResumeTokenData.event(next, 128, Entries.UUID_A, next, 0)),
                ResumeToken.encode(ResumeTokenData.event(next, 70_000, null, next, 0)),
                ResumeToken.highWaterMark(nextSecond),
                ResumeToken.encode(ResumeTokenData.event(nextSecond, 0, null, nextSecond, 0)));
        List<String> strings = new ArrayList<>();
        inStreamOrder.forEach(t -> strings.add(t.getString("_data").getValue()));
        List<String> shuffled = new ArrayList<>(strings);
        Collections.shuffle(shuffled, new java.util.Random(42));

        Collections.sort(shuffled);

        assertThat(shuffled).containsExactlyElementsOf(strings);
        assertThat(strings).allMatch(s -> s.equals(s.toUpperCase(java.util.Locale.ROOT)));
    }

    @Test
    void rejectsWhatIsNotAToken() {
        assertThatThrownBy(() -> ResumeToken.decode(new BsonDocument("_data", new BsonString("zz"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hex");
        assertThatThrownBy(() -> ResumeToken.decode(BsonDocument.parse("{_data: 1}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("_data");
        assertThatThrownBy(() -> ResumeToken.decode(BsonDocument.parse("{_data: '826553F472'}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ends");
        assertThatThrownBy(() -> ResumeToken.decode(
                BsonDocument.parse("{_data: '826A8C8E64000000012B0629296E1404'}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("version 3");
        assertThatThrownBy(() -> ResumeToken.decode(
                BsonDocument.parse("{_data: '826A8C8E64000000012B0429296E140400'}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("after its end");
    }
}
