package io.ddt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonTimestamp;
import org.junit.jupiter.api.Test;

class PositionTest {

    private static final BsonTimestamp T1 = new BsonTimestamp(1_700_000_000, 1);
    private static final BsonTimestamp T2 = new BsonTimestamp(1_700_000_000, 2);
    private static final BsonTimestamp LATER = new BsonTimestamp(1_700_000_001, 0);
    private static final BsonDocument TOKEN_A = token("8265531C0000000012B022C0100296E5A1004AAAA");
    private static final BsonDocument TOKEN_B = token("8265531C0000000012B022C0100296E5A1004BBBB");

    @Test
    void ordersByClusterTimeThenNoTokenFirstThenByToken() {
        List<Position> sorted = List.of(Position.of(T1), Position.of(T1, TOKEN_A), Position.of(T1, TOKEN_B),
            Position.of(T2), Position.of(LATER, TOKEN_A));
        List<Position> shuffled = new ArrayList<>(sorted);
        Collections.reverse(shuffled);

        Collections.sort(shuffled);

        assertThat(shuffled).containsExactlyElementsOf(sorted);
    }

    @Test
    void theOrderAgreesWithEquals() {
        BsonDocument sameData = token("8265531C0000000012B022C0100296E5A1004AAAA").append("extra", new BsonString("x"));

        assertThat(Position.of(T1, TOKEN_A)).isEqualByComparingTo(Position.of(T1, TOKEN_A.clone()))
            .isEqualTo(Position.of(T1, TOKEN_A.clone())).hasSameHashCodeAs(Position.of(T1, TOKEN_A.clone()));
        assertThat(Position.of(T1, sameData)).isNotEqualTo(Position.of(T1, TOKEN_A));
        assertThat(Position.of(T1, sameData).compareTo(Position.of(T1, TOKEN_A))).isNotZero();
        assertThat(Position.of(T1, null)).isEqualTo(Position.of(T1)).isNotEqualTo(Position.of(T1, TOKEN_A));
    }

    @Test
    void roundTripsThroughBsonWithAndWithoutToken() {
        Position withToken = Position.of(T2, TOKEN_B);
        Position timeOnly = Position.of(T2);

        assertThat(withToken.toBson()).isEqualTo(new BsonDocument("clusterTime", T2).append("resumeToken", TOKEN_B));
        assertThat(timeOnly.toBson()).isEqualTo(new BsonDocument("clusterTime", T2));
        assertThat(Position.fromBson(withToken.toBson())).isEqualTo(withToken);
        assertThat(Position.fromBson(timeOnly.toBson())).isEqualTo(timeOnly);
    }

    @Test
    void rejectsDocumentsThatAreNotPositions() {
        assertThatThrownBy(() -> Position.fromBson(new BsonDocument())).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("'clusterTime' must be a timestamp");
        assertThatThrownBy(() -> Position.fromBson(new BsonDocument("clusterTime", T1).append("resumeToken", new BsonString("x"))))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'resumeToken' must be a document");
        assertThatThrownBy(() -> Position.of(null)).isInstanceOf(NullPointerException.class).hasMessage("clusterTime");
    }

    @Test
    void isImmutableThoughTokensAreMutableDocuments() {
        BsonDocument token = TOKEN_A.clone();
        Position position = Position.of(T1, token);

        token.put("_data", new BsonString("changed"));
        position.resumeToken().orElseThrow().put("_data", new BsonString("changed too"));
        position.toBson().getDocument("resumeToken").put("_data", new BsonString("and again"));

        assertThat(position.resumeToken()).contains(TOKEN_A);
    }

    @Test
    void printsTheTimeAsTheServerDoesAndOnlyAHashOfTheToken() {
        assertThat(Position.of(T1)).hasToString("Timestamp(1700000000, 1)");
        assertThat(Position.of(T1, TOKEN_A).toString()).matches("Timestamp\\(1700000000, 1\\) token #[0-9a-f]{8}")
            .doesNotContain("8265531C");
        assertThat(Position.of(T1, TOKEN_A).toString()).isNotEqualTo(Position.of(T1, TOKEN_B).toString());
    }

    private static BsonDocument token(String data) {
        return new BsonDocument("_data", new BsonString(data));
    }
}
