package io.ddt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NamespaceTest {

    @Test
    void parseSplitsAtTheFirstDotSoCollectionNamesKeepTheirDots() {
        Namespace ns = Namespace.parse("logs.app.2024.events");

        assertThat(ns.database()).isEqualTo("logs");
        assertThat(ns.collection()).isEqualTo("app.2024.events");
        assertThat(ns.fullName()).isEqualTo("logs.app.2024.events");
    }

    @Test
    void acceptsNamesInAnyScript() {
        Namespace ns = Namespace.of("商店", "заказы📦");

        assertThat(ns.fullName()).isEqualTo("商店.заказы📦");
        assertThat(Namespace.parse("商店.заказы📦")).isEqualTo(ns);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a/b", "a\\b", "a b", "a\"b", "a$b", "a\0b"})
    void rejectsCharactersMongoDbForbidsInDatabaseNames(String database) {
        assertThatThrownBy(() -> Namespace.of(database, "orders"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("database name '" + database.replace("\0", "\\0") + "'")
            .hasMessageContaining("does not allow");
    }

    @Test
    void countsTheDatabaseNameLimitInUtf8Bytes() {
        assertThat(Namespace.of("a".repeat(63), "c").database()).hasSize(63);
        assertThat(Namespace.of("商".repeat(21), "c").database()).hasSize(21);

        assertThatThrownBy(() -> Namespace.of("a".repeat(64), "c"))
            .hasMessageContaining("64 bytes").hasMessageContaining("at most 63");
        assertThatThrownBy(() -> Namespace.of("商".repeat(22), "c"))
            .hasMessageContaining("66 bytes");
    }

    @Test
    void limitsTheFullNameTo255Utf8Bytes() {
        String collection = "c".repeat(255 - "db.".length());

        assertThat(Namespace.of("db", collection).fullName()).hasSize(255);
        assertThatThrownBy(() -> Namespace.of("db", collection + "c"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("256 bytes");
    }

    @Test
    void rejectsCollectionNamesTheServerRejects() {
        assertThatThrownBy(() -> Namespace.of("shop", "")).hasMessageContaining("collection name is empty");
        assertThatThrownBy(() -> Namespace.of("", "orders")).hasMessageContaining("database name is empty");
        assertThatThrownBy(() -> Namespace.of("shop", ".orders")).hasMessageContaining("starts with '.'");
        assertThatThrownBy(() -> Namespace.of("shop", "or\0ders")).hasMessageContaining("'or\\0ders' contains NUL");
        assertThatThrownBy(() -> Namespace.parse("shop.$cmd"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("Invalid namespace 'shop.$cmd': collection name '$cmd' contains '$', "
                + "which MongoDB does not allow in a collection name");
    }

    @Test
    void allowsTheLegacyOplogAsTheOnlyCollectionWithADollar() {
        assertThat(Namespace.parse("local.oplog.$main").collection()).isEqualTo("oplog.$main");
        assertThatThrownBy(() -> Namespace.parse("local.oplog.$other")).hasMessageContaining("'$'");
    }

    @Test
    void rejectsALoneSurrogateThatWouldReachTheServerAsAQuestionMark() {
        assertThatThrownBy(() -> Namespace.of("shop", "orders\uD83D"))
            .hasMessageContaining("lone UTF-16 surrogate");
    }

    @Test
    void parseWithoutADotSaysHowToWriteANamespace() {
        assertThatThrownBy(() -> Namespace.parse("orders"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("Invalid namespace 'orders': it has no '.'; write it as database.collection");
    }

    @Test
    void rejectsNullArgumentsByName() {
        assertThatThrownBy(() -> Namespace.of(null, "c")).isInstanceOf(NullPointerException.class)
            .hasMessage("database");
        assertThatThrownBy(() -> Namespace.parse(null)).hasMessage("fullName");
    }

    @Test
    void systemMeansACollectionNamePrefixedWithSystemDot() {
        assertThat(Namespace.parse("shop.system.views").isSystem()).isTrue();
        assertThat(Namespace.parse("shop.system.buckets.weather").isSystem()).isTrue();
        assertThat(Namespace.parse("shop.system").isSystem()).isFalse();
        assertThat(Namespace.parse("shop.systems.x").isSystem()).isFalse();
        assertThat(Namespace.parse("system.orders").isSystem()).isFalse();
    }

    @Test
    void internalDatabasesAreAdminLocalAndConfigSpelledExactly() {
        assertThat(Namespace.parse("admin.x").isInternalDatabase()).isTrue();
        assertThat(Namespace.parse("local.oplog.rs").isInternalDatabase()).isTrue();
        assertThat(Namespace.parse("config.settings").isInternalDatabase()).isTrue();
        assertThat(Namespace.parse("Admin.x").isInternalDatabase()).isFalse();
        assertThat(Namespace.parse("admin2.x").isInternalDatabase()).isFalse();
    }

    @Test
    void equalNamesMakeEqualValuesAndCaseMatters() {
        Namespace ns = Namespace.of("shop", "orders");

        assertThat(ns).isEqualTo(Namespace.parse("shop.orders")).hasSameHashCodeAs(Namespace.parse("shop.orders"));
        assertThat(ns).isNotEqualTo(Namespace.of("Shop", "orders")).isNotEqualTo(Namespace.of("shop", "Orders"));
        assertThat(ns).isNotEqualTo("shop.orders");
        assertThat(ns).hasToString("shop.orders");
    }

    @Test
    void sortsByDatabaseThenCollection() {
        List<Namespace> namespaces = new ArrayList<>(List.of(Namespace.parse("b.a"), Namespace.parse("a.z"),
            Namespace.parse("a.b.c"), Namespace.parse("a.b"), Namespace.parse("ab.a")));
        Collections.sort(namespaces);

        assertThat(namespaces).extracting(Namespace::fullName).containsExactly("a.b", "a.b.c", "a.z", "ab.a", "b.a");
    }
}
