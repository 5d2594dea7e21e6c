package io.ddt.testkit.internal.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Random;
import java.util.Set;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonType;
import org.bson.BsonValue;
import org.junit.jupiter.api.Test;

class DocumentFactoryTest {

    @Test
    void documentsHaveExactlyASizeWithinTheRange() {
        DocumentFactory factory = new DocumentFactory(new Random(1), 256, 4_000);

        for (int i = 0; i < 2_000; i++) {
            BsonDocument doc = factory.document(new BsonInt32(i));
            assertThat(DocumentFactory.encodedSize(doc)).isBetween(256, 4_000);
        }
    }

    @Test
    void smallestAllowedSizeFitsTheLargestIdAndTheCoreFields() {
        DocumentFactory factory = new DocumentFactory(new Random(2), DocumentFactory.MIN_DOCUMENT_SIZE,
            DocumentFactory.MIN_DOCUMENT_SIZE);
        BsonDocument bigId = new BsonDocument("tenant", new org.bson.BsonString("t6"))
            .append("n", new org.bson.BsonInt64(Long.MAX_VALUE));

        for (int i = 0; i < 200; i++) {
            assertThat(DocumentFactory.encodedSize(factory.document(bigId))).isEqualTo(DocumentFactory.MIN_DOCUMENT_SIZE);
        }
    }

    @Test
    void documentsHoldEveryBsonTypeTheWorkloadPromises() {
        DocumentFactory factory = new DocumentFactory(new Random(3), 1_500, 2_000);
        Set<BsonType> seen = EnumSet.noneOf(BsonType.class);

        for (int i = 0; i < 50; i++) {
            collectTypes(factory.document(new BsonInt32(i)), seen);
        }

        assertThat(seen).contains(BsonType.INT32, BsonType.INT64, BsonType.DOUBLE, BsonType.DECIMAL128,
            BsonType.STRING, BsonType.DATE_TIME, BsonType.BOOLEAN, BsonType.NULL, BsonType.BINARY,
            BsonType.DOCUMENT, BsonType.ARRAY);
    }

    @Test
    void documentsHoldTextOutsideAscii() {
        DocumentFactory factory = new DocumentFactory(new Random(4), 1_500, 2_000);

        String json = factory.document(new BsonInt32(1)).toJson() + factory.document(new BsonInt32(2)).toJson();

        assertThat(json.chars().anyMatch(c -> c > 127)).isTrue();
    }

    private static void collectTypes(BsonValue value, Set<BsonType> seen) {
        seen.add(value.getBsonType());
        if (value.isDocument()) {
            value.asDocument().values().forEach(v -> collectTypes(v, seen));
        } else if (value.isArray()) {
            value.asArray().forEach(v -> collectTypes(v, seen));
        }
    }
}
