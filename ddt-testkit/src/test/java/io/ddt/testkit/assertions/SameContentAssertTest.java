package io.ddt.testkit.assertions;

import static io.ddt.testkit.assertions.DdtAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static java.util.concurrent.TimeUnit.SECONDS;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SameContentAssertTest {

    private final ServerPair servers = new ServerPair();
    private final ServerPair.Server source = servers.source;
    private final ServerPair.Server target = servers.target;

    @AfterEach
    void stop() {
        servers.close();
    }

    private void onBoth(String namespace, String... json) {
        source.insert(namespace, json);
        target.insert(namespace, json);
    }

    private AbstractThrowableAssert<?, ? extends Throwable> assertComparisonFails() {
        return assertThatThrownBy(() -> assertThat(target).hasSameContentAs(source)).isInstanceOf(AssertionError.class);
    }

    @Test
    void passesWhenDocumentsIndexesAndCollectionsAreTheSame() {
        onBoth("shop.orders", "{_id: 1, sku: 'a', qty: 2}", "{_id: 2, sku: 'b', qty: 3.5}");
        onBoth("shop.customers", "{_id: 'x', name: 'Ann', tags: ['a', 'b'], address: {city: 'Oslo', zip: '0150'}}");
        onBoth("crm.notes", "{_id: {$oid: '65a1b2c3d4e5f60718293a4b'}, text: 'hi'}");
        source.collection("shop.orders").createIndex(Indexes.ascending("sku"), new IndexOptions().unique(true));
        target.collection("shop.orders").createIndex(Indexes.ascending("sku"), new IndexOptions().unique(true));

        assertThatCode(() -> assertThat(target).hasSameContentAs(source)).doesNotThrowAnyException();
    }

    @Test
    void failsNamingADocumentMissingOnTheTarget() {
        onBoth("shop.orders", "{_id: 1, qty: 2}", "{_id: 3, qty: 4}");
        source.insert("shop.orders", "{_id: 2, qty: 3}");

        assertComparisonFails().hasMessageContaining("- shop.orders:")
                .hasMessageContaining("1 document differs (1 missing on target)")
                .hasMessageContaining("_id 2: missing on target");
    }

    @Test
    void failsNamingADocumentExtraOnTheTarget() {
        onBoth("shop.orders", "{_id: 1, qty: 2}");
        target.insert("shop.orders", "{_id: 'late', qty: 3}");

        assertComparisonFails().hasMessageContaining("- shop.orders:").hasMessageContaining("_id \"late\": extra on target");
    }

    @Test
    void failsNamingTheChangedFieldButNeverItsValue() {
        source.insert("shop.orders", "{_id: 7, card: 'secret-4111', qty: 2}");
        target.insert("shop.orders", "{_id: 7, card: 'secret-4999', qty: 2}");

        assertComparisonFails().hasMessageContaining("_id 7: different, fields [card]")
                .hasMessageNotContaining("secret");
    }

    @Test
    void failsWhenOnlyTheFieldOrderDiffers() {
        source.insert("shop.orders", "{_id: 7, a: 1, b: 2}");
        target.insert("shop.orders", "{_id: 7, b: 2, a: 1}");

        assertComparisonFails().hasMessageContaining("_id 7: different, field order [a, b]");
    }

    @Test
    void failsWhenTheFieldOrderOfAnEmbeddedDocumentDiffers() {
        source.insert("shop.orders", "{_id: 7, address: {city: 'Oslo', zip: '0150'}}");
        target.insert("shop.orders", "{_id: 7, address: {zip: '0150', city: 'Oslo'}}");

        assertComparisonFails().hasMessageContaining("_id 7: different, fields [address]");
    }

    @Test
    void failsOnAnIntAgainstADoubleOfTheSameValue() {
        source.insert("shop.orders", "{_id: 7, qty: {$numberInt: '2'}}");
        target.insert("shop.orders", "{_id: 7, qty: {$numberDouble: '2.0'}}");

        assertComparisonFails().hasMessageContaining("_id 7: different, fields [qty]");
    }

    @Test
    void failsOnAnIdThatChangedNumericType() {
        source.insert("shop.orders", "{_id: {$numberInt: '7'}, qty: 1}");
        target.insert("shop.orders", "{_id: {$numberLong: '7'}, qty: 1}");

        assertComparisonFails().hasMessageContaining("1 document differs (1 different)")
                .hasMessageContaining("_id 7: different, fields [_id]");
    }

    @Test
    void failsNamingAnIndexMissingOnTheTarget() {
        onBoth("shop.orders", "{_id: 1, sku: 'a'}");
        source.collection("shop.orders").createIndex(Indexes.ascending("sku"));

        assertComparisonFails().hasMessageContaining("- shop.orders:")
                .hasMessageContaining("index \"sku_1\": missing on target").hasMessageNotContaining("documents differ");
    }

    @Test
    void failsNamingAnIndexOptionThatDiffers() {
        onBoth("shop.orders", "{_id: 1, sku: 'a'}");
        source.collection("shop.orders").createIndex(Indexes.ascending("sku"), new IndexOptions().unique(true));
        target.collection("shop.orders").createIndex(Indexes.ascending("sku"));

        assertComparisonFails().hasMessageContaining("index \"sku_1\": different in unique (source true, target absent)");
    }

    @Test
    void failsWhenTheKeyOrderOfACompoundIndexDiffers() {
        onBoth("shop.orders", "{_id: 1, a: 1, b: 1}");
        source.collection("shop.orders").createIndex(Indexes.ascending("a", "b"), new IndexOptions().name("ab"));
        target.collection("shop.orders").createIndex(Indexes.ascending("b", "a"), new IndexOptions().name("ab"));

        assertComparisonFails().hasMessageContaining("index \"ab\": different in key");
    }

    @Test
    void failsNamingACollectionOnlyTheTargetHas() {
        onBoth("shop.orders", "{_id: 1}");
        target.insert("shop.leftovers", "{_id: 1}");

        assertComparisonFails().hasMessageContaining("- shop.leftovers (target only, no source namespace maps to it):")
                .hasMessageContaining("collection: extra on target");
    }

    @Test
    void failsNamingACollectionMissingOnTheTarget() {
        onBoth("shop.orders", "{_id: 1}");
        source.insert("shop.returns", "{_id: 1}");

        assertComparisonFails().hasMessageContaining("- shop.returns:\n    collection: missing on target");
    }

    @Test
    void namesTheFirstFiveDifferingDocumentsAndCountsAll() {
        onBoth("shop.orders", "{_id: 0}");
        for (int id = 1; id <= 8; id++) {
            source.insert("shop.orders", "{_id: " + id + "}");
        }

        assertComparisonFails().hasMessageContaining("8 documents differ (8 missing on target), the first 5:")
                .hasMessageContaining("_id 5: missing on target").hasMessageNotContaining("_id 6:");
    }

    @Test
    void mergesMixedIdTypesInServerOrderWithoutCascadingDifferences() {
        String[] mixed = {
            "{_id: {$minKey: 1}}", "{_id: null}", "{_id: -2.5}", "{_id: {$numberLong: '3'}}", "{_id: 10}",
            "{_id: 'B'}", "{_id: 'a'}", "{_id: 'é'}", "{_id: {k: 1}}", "{_id: {k: 1, z: 0}}",
            "{_id: {$numberDecimal: '10.5'}}", "{_id: '\uffff'}", "{_id: {a: 'x'}}",
            "{_id: {$binary: {base64: 'Ag==', subType: '00'}}}",
            "{_id: {$binary: {base64: 'AQI=', subType: '00'}}}", "{_id: {$oid: '65a1b2c3d4e5f60718293a4b'}}",
            "{_id: false}", "{_id: true}", "{_id: {$date: '2024-01-01T00:00:00Z'}}",
            "{_id: {$timestamp: {t: 5, i: 1}}}", "{_id: {$maxKey: 1}}",
        };
        onBoth("mix.ids", mixed);
        source.insert("mix.ids", "{_id: 'b'}");

        assertComparisonFails().hasMessageContaining("1 document differs (1 missing on target)")
                .hasMessageContaining("_id \"b\": missing on target");
    }

    @Test
    void comparesThroughANamespaceMapping() {
        source.insert("shop.orders", "{_id: 1, qty: 2}");
        target.insert("archive.orders", "{_id: 1, qty: 2}");

        assertThatCode(() -> assertThat(target).through(ns -> ns.replace("shop.", "archive.")).hasSameContentAs(source))
                .doesNotThrowAnyException();
        target.insert("archive.orders", "{_id: 2}");
        assertThatThrownBy(() -> assertThat(target).through(ns -> ns.replace("shop.", "archive.")).hasSameContentAs(source))
                .hasMessageContaining("- shop.orders -> archive.orders:").hasMessageContaining("_id 2: extra on target");
    }

    @Test
    void aFilterLeavesOtherNamespacesAndDatabasesUnchecked() {
        onBoth("shop.orders", "{_id: 1}");
        source.insert("shop.carts", "{_id: 1, items: 3}");
        target.insert("shop.carts", "{_id: 1, items: 4}");
        target.insert("elsewhere.junk", "{_id: 1}");

        assertThatCode(() -> assertThat(target).only("shop.orders"::equals).hasSameContentAs(source))
                .doesNotThrowAnyException();
        target.insert("shop.junk", "{_id: 1}");
        assertThatThrownBy(() -> assertThat(target).only("shop.orders"::equals).hasSameContentAs(source))
                .hasMessageContaining("1 namespace differs").hasMessageContaining("- shop.junk (target only");
    }

    @Test
    void ignoresTheSystemDatabases() {
        onBoth("shop.orders", "{_id: 1}");
        target.insert("config.settings", "{_id: 'chunksize', value: 64}");
        source.insert("local.startup_log", "{_id: 'host'}");

        assertThatCode(() -> assertThat(target).hasSameContentAs(source)).doesNotThrowAnyException();
    }

    @Test
    void readsBothSidesInBatchesOfTheGivenSize() {
        String[] documents = new String[250];
        for (int i = 0; i < documents.length; i++) {
            documents[i] = "{_id: " + i + ", pad: 'xxxxxxxxxx'}";
        }
        onBoth("big.items", documents);

        assertThat(target).readingInBatchesOf(100).hasSameContentAs(source);

        for (ServerPair.Server side : new ServerPair.Server[] {source, target}) {
            assertThat(side.commands("find")).allSatisfy(find -> assertThat(find.getInt32("batchSize").getValue()).isEqualTo(100));
            assertThat(side.commands("getMore")).hasSizeGreaterThanOrEqualTo(2)
                    .allSatisfy(getMore -> assertThat(getMore.getInt32("batchSize").getValue()).isEqualTo(100));
        }
    }

    @Test
    void writesOneLinePerDifferenceUnderItsNamespace() {
        onBoth("shop.orders", "{_id: 1, a: 1, b: 2}");
        source.insert("shop.orders", "{_id: 3}");
        target.insert("shop.orders", "{_id: 4}");
        source.insert("shop.users", "{_id: 'u1', a: 1, b: 2, c: 3}");
        target.insert("shop.users", "{_id: 'u1', b: 2, a: 1, d: 3}");
        source.collection("shop.orders").createIndex(Indexes.ascending("sku"), new IndexOptions().expireAfter(60L, SECONDS));
        target.collection("shop.orders").createIndex(Indexes.ascending("sku"), new IndexOptions().sparse(true));
        target.collection("shop.orders").createIndex(Indexes.ascending("zip"));
        target.insert("shop.extra", "{_id: 1}");

        assertThatThrownBy(() -> assertThat(target.client()).hasSameContentAs(source.client())).hasMessage("""
                Expecting the target client to hold the same content as the source client, but 3 namespaces differ:
                - shop.orders:
                    index "sku_1": different in expireAfterSeconds (source 60, target absent), sparse (source absent, target true)
                    index "zip_1": extra on target
                    2 documents differ (1 missing on target, 1 extra on target):
                      _id 3: missing on target
                      _id 4: extra on target
                - shop.users:
                    1 document differs (1 different):
                      _id "u1": different, fields [c, d], field order [a, b]
                - shop.extra (target only, no source namespace maps to it):
                    collection: extra on target""");
    }

    @Test
    void namesBothClustersWhenGivenTestClusters() {
        source.insert("shop.orders", "{_id: 1}");

        assertComparisonFails().hasMessageStartingWith("Expecting target cluster " + target.connectionString()
                + " to hold the same content as source cluster " + source.connectionString());
    }

    @Test
    void rejectsAMappingThatDoesNotReturnANamespace() {
        source.insert("shop.orders", "{_id: 1}");

        assertThatThrownBy(() -> assertThat(target).through(ns -> "nodot").hasSameContentAs(source))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"shop.orders\" into \"nodot\"");
    }

    @Test
    void rejectsAMappingThatMergesTwoComparedNamespaces() {
        source.insert("a.orders", "{_id: 1}");
        source.insert("b.orders", "{_id: 1}");

        assertThatThrownBy(() -> assertThat(target).through(ns -> "t.orders").hasSameContentAs(source))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("both \"a.orders\" and \"b.orders\"");
    }
}
