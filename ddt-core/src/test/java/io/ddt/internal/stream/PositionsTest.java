package io.ddt.internal.stream;

import static org.assertj.core.api.Assertions.assertThat;

import org.bson.BsonBinary;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonTimestamp;
import org.junit.jupiter.api.Test;

import io.ddt.Position;

class PositionsTest {

    @Test
    void theClusterTimeIsReadFromTheStartOfAResumeToken() {
        // A 7.0 token, as in the change-event pages of MongoDB's documentation.
        BsonDocument token = new BsonDocument("_data", new BsonString(
            "8264B95E4C000000012B022C0100296E5A1004A1B7BA31A0C1453D8D8E0C7C6F8AB4B046645F6964006464B95E4C0C52E0D7C3F5B4BA0004"));

        assertThat(Positions.clusterTime(token)).isEqualTo(new BsonTimestamp(0x64B95E4C, 1));
        assertThat(Positions.clusterTime(new BsonDocument("_data", new BsonString("0164")))).isNull();
        assertThat(Positions.clusterTime(new BsonDocument("_data", new BsonBinary(new byte[] {1})))).isNull();
    }

    @Test
    void justBeforeAndJustAfterStepOneIncrement() {
        Position at = Position.of(new BsonTimestamp(10, 1));

        assertThat(Positions.justBefore(at)).isEqualTo(Position.of(new BsonTimestamp(10, 0)));
        assertThat(Positions.justAfter(at.clusterTime())).isEqualTo(new BsonTimestamp(10, 2));
    }
}
