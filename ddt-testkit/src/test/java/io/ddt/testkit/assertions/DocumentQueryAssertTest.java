package io.ddt.testkit.assertions;

import static io.ddt.testkit.assertions.DdtAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.model.Filters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DocumentQueryAssertTest {

    private final ServerPair servers = new ServerPair();
    private final ServerPair.Server cluster = servers.target;

    @BeforeEach
    void fill() {
        cluster.insert("shop.orders", "{_id: 1, status: 'open', card: 'secret-4111'}", "{_id: 2, status: 'paid'}");
    }

    @AfterEach
    void stop() {
        servers.close();
    }

    @Test
    void countsDocumentsExactly() {
        assertThatCode(() -> assertThat(cluster).hasDocumentCount("shop.orders", 2).hasDocumentCount("shop.none", 0))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> assertThat(cluster).hasDocumentCount("shop.orders", 3))
                .isInstanceOf(AssertionError.class)
                .hasMessage("Expecting shop.orders on target cluster " + cluster.connectionString()
                        + " to hold 3 documents, but it holds 2");
    }

    @Test
    void findsADocumentMatchingAFilter() {
        assertThatCode(() -> assertThat(cluster).containsDocument("shop.orders", Filters.eq("status", "paid")))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> assertThat(cluster).containsDocument("shop.orders", Filters.eq("status", "lost")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("shop.orders").hasMessageContaining("{\"status\": \"lost\"}");
    }

    @Test
    void namesOnlyTheIdOfAnUnexpectedDocument() {
        assertThatCode(() -> assertThat(cluster).doesNotContainDocument("shop.orders", Filters.eq("status", "lost")))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> assertThat(cluster).doesNotContainDocument("shop.orders", Filters.eq("status", "open")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("but _id 1 does").hasMessageNotContaining("secret");
    }

    @Test
    void rejectsANamespaceWithoutDatabase() {
        assertThatThrownBy(() -> assertThat(cluster.client()).hasDocumentCount("orders", 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"db.collection\"");
    }
}
