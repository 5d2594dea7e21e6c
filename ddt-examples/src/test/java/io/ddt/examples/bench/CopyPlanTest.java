package io.ddt.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;

import org.bson.BsonType;
import org.bson.RawBsonDocument;
import org.junit.jupiter.api.Test;

class CopyPlanTest {

    @Test
    void spreadsTheDocumentsOverCollectionsOfUnevenSizesThatAddUp() {
        CopyPlan plan = CopyPlan.of(1_000_000, 4);

        assertThat(plan.parts()).extracting(CopyPlan.Part::documents).containsExactly(400_000, 300_000, 200_000, 100_000);
        assertThat(plan.parts()).extracting(CopyPlan.Part::kind).containsExactly(CopyDocuments.IdKind.values());
        assertThat(CopyPlan.of(1001, 3).documents()).isEqualTo(1001);
    }

    @Test
    void refusesMoreCollectionsThanDocuments() {
        assertThatThrownBy(() -> CopyPlan.of(3, 4)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("--collections");
    }

    @Test
    void buildsDocumentsOfAboutOneKilobyteWithNestedFields() {
        for (int index = 0; index < 200; index++) {
            RawBsonDocument document = CopyDocuments.document(CopyDocuments.IdKind.INT, index);

            assertThat(document.getByteBuffer().remaining()).isBetween(960, 1090);
            assertThat(document.getDocument("customer").getDocument("address").getString("city").getValue()).endsWith("ville");
            assertThat(document.getArray("items")).hasSize(2);
        }
    }

    @Test
    void rebuildsTheSameDocumentFromItsIndex() {
        assertThat(CopyDocuments.document(CopyDocuments.IdKind.STRING, 42))
            .isEqualTo(CopyDocuments.document(CopyDocuments.IdKind.STRING, 42))
            .isNotEqualTo(CopyDocuments.document(CopyDocuments.IdKind.STRING, 43));
    }

    @Test
    void mixesIntStringAndObjectIdIdsInTheMixedCollection() {
        Set<BsonType> types = new HashSet<>();
        Set<Object> ids = new HashSet<>();
        for (int index = 0; index < 300; index++) {
            types.add(CopyDocuments.id(CopyDocuments.IdKind.MIXED, index).getBsonType());
            ids.add(CopyDocuments.id(CopyDocuments.IdKind.MIXED, index));
        }

        assertThat(types).containsExactlyInAnyOrder(BsonType.INT32, BsonType.STRING, BsonType.OBJECT_ID);
        assertThat(ids).hasSize(300);
    }
}
