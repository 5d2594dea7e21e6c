package io.ddt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class NamespaceMappingTest {

    @Test
    void identityKeepsEveryName() {
        NamespaceMapping identity = NamespaceMapping.identity();

        assertThat(identity.map(ns("shop.orders"))).isEqualTo(ns("shop.orders"));
        assertThat(identity.mapDatabase("shop")).isEqualTo("shop");
        assertThat(identity.isIdentity()).isTrue();
        assertThat(NamespaceMapping.builder().build()).isEqualTo(identity);
    }

    @Test
    void aDatabaseRuleKeepsTheCollectionName() {
        NamespaceMapping mapping = NamespaceMapping.builder().renameDatabase("shop", "shop_v2").build();

        assertThat(mapping.map(ns("shop.orders.2024"))).isEqualTo(ns("shop_v2.orders.2024"));
        assertThat(mapping.map(ns("crm.people"))).isEqualTo(ns("crm.people"));
        assertThat(mapping.mapDatabase("shop")).isEqualTo("shop_v2");
        assertThat(mapping.isIdentity()).isFalse();
    }

    @Test
    void aCollectionRuleWinsOverTheDatabaseRule() {
        NamespaceMapping mapping = NamespaceMapping.builder()
            .renameDatabase("shop", "shop_v2")
            .renameCollection("shop.orders", "archive.orders_2024")
            .build();

        assertThat(mapping.map(ns("shop.orders"))).isEqualTo(ns("archive.orders_2024"));
        assertThat(mapping.map(ns("shop.items"))).isEqualTo(ns("shop_v2.items"));
        assertThat(mapping.mapDatabase("shop")).isEqualTo("shop_v2");
    }

    @Test
    void rulesApplyOnceAndNeverInAChain() {
        NamespaceMapping mapping = NamespaceMapping.builder()
            .renameDatabase("a", "b").renameDatabase("b", "c")
            .renameCollection("x.one", "x.two").renameCollection("x.two", "x.three")
            .build();

        assertThat(mapping.map(ns("a.t"))).isEqualTo(ns("b.t"));
        assertThat(mapping.map(ns("b.t"))).isEqualTo(ns("c.t"));
        assertThat(mapping.map(ns("x.one"))).isEqualTo(ns("x.two"));
        assertThat(mapping.map(ns("x.two"))).isEqualTo(ns("x.three"));
    }

    @Test
    void aSwapOfTwoDatabasesHasNoCollision() {
        NamespaceMapping swap = NamespaceMapping.builder().renameDatabase("a", "b").renameDatabase("b", "a").build();

        assertThat(swap.map(ns("a.t"))).isEqualTo(ns("b.t"));
        assertThatCode(() -> swap.checkNoCollisions(List.of(ns("a.t"), ns("b.t")))).doesNotThrowAnyException();
    }

    @Test
    void aSourceCanHaveOnlyOneRule() {
        NamespaceMapping.Builder builder = NamespaceMapping.builder()
            .renameDatabase("shop", "one").renameCollection("shop.orders", "x.orders");

        assertThatThrownBy(() -> builder.renameDatabase("shop", "two"))
            .isInstanceOf(ConfigurationException.class)
            .hasMessage("renameDatabase('shop', 'two'): the database 'shop' is already renamed to 'one'; "
                + "a source can have one rule");
        assertThatThrownBy(() -> builder.renameCollection("shop.orders", "x.orders"))
            .isInstanceOf(ConfigurationException.class)
            .hasMessageContaining("the collection shop.orders is already renamed to x.orders");
    }

    @Test
    void invalidNamesFailAsConfigurationNamingTheRule() {
        NamespaceMapping.Builder builder = NamespaceMapping.builder();

        assertThatThrownBy(() -> builder.renameDatabase("shop", "shop/v2"))
            .isInstanceOf(ConfigurationException.class)
            .hasMessageStartingWith("renameDatabase('shop', 'shop/v2'): database name 'shop/v2' contains '/'");
        assertThatThrownBy(() -> builder.renameCollection("shop", "x.y"))
            .isInstanceOf(ConfigurationException.class)
            .hasMessageContaining("renameCollection('shop', 'x.y'): Invalid namespace 'shop'")
            .hasCauseInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.renameDatabase(null, "x")).isInstanceOf(NullPointerException.class)
            .hasMessage("from");
    }

    @Test
    void rulesMayNotMoveDataIntoTheServersOwnDatabases() {
        NamespaceMapping.Builder builder = NamespaceMapping.builder();

        assertThatThrownBy(() -> builder.renameDatabase("shop", "admin"))
            .isInstanceOf(ConfigurationException.class).hasMessageContaining("belongs to the server");
        assertThatThrownBy(() -> builder.renameCollection("shop.a", "local.a"))
            .isInstanceOf(ConfigurationException.class).hasMessageContaining("'local'");
        assertThat(builder.renameCollection("admin.a", "admin.b").build().map(ns("admin.a"))).isEqualTo(ns("admin.b"));
    }

    @Test
    void twoCollectionRulesWithOneTargetFailAtBuildNamingBothSources() {
        NamespaceMapping.Builder builder = NamespaceMapping.builder()
            .renameCollection("a.x", "c.z").renameCollection("b.y", "c.z");

        assertThatThrownBy(builder::build).isInstanceOf(ConfigurationException.class)
            .hasMessage("Source namespaces a.x and b.y are both renamed to c.z; give each target one source");
    }

    @Test
    void collisionCheckNamesBothSourcesAndTheSharedTarget() {
        NamespaceMapping mapping = NamespaceMapping.builder().renameDatabase("old", "shop").build();

        assertThatThrownBy(() -> mapping.checkNoCollisions(List.of(ns("shop.orders"), ns("old.orders"), ns("old.x"))))
            .isInstanceOf(ConfigurationException.class)
            .hasMessage("Source namespaces old.orders and shop.orders both map to the target namespace shop.orders; "
                + "change the mapping or the filter so that each target namespace has one source");
    }

    @Test
    void collisionCheckCatchesACollectionRuleLandingOnAnUnmappedSource() {
        NamespaceMapping mapping = NamespaceMapping.builder().renameCollection("shop.old", "shop.orders").build();

        assertThatCode(() -> mapping.checkNoCollisions(List.of(ns("shop.old"), ns("shop.items"))))
            .doesNotThrowAnyException();
        assertThatThrownBy(() -> mapping.checkNoCollisions(List.of(ns("shop.old"), ns("shop.orders"))))
            .hasMessageContaining("shop.old and shop.orders both map to the target namespace shop.orders");
    }

    @Test
    void collisionCheckCatchesTargetDatabasesThatDifferOnlyInAsciiCase() {
        NamespaceMapping mapping = NamespaceMapping.builder().renameDatabase("a", "Shop").renameDatabase("b", "Été")
            .build();

        assertThatThrownBy(() -> mapping.checkNoCollisions(List.of(ns("a.x"), ns("shop.y"))))
            .isInstanceOf(ConfigurationException.class)
            .hasMessageContaining("Source namespaces a.x and shop.y map to the target databases 'Shop' and 'shop', "
                + "which differ only in case");
        assertThatCode(() -> mapping.checkNoCollisions(List.of(ns("b.x"), ns("été.y")))).doesNotThrowAnyException();
    }

    @Test
    void aDatabaseRuleThatMakesATooLongNameFailsAsConfiguration() {
        NamespaceMapping mapping = NamespaceMapping.builder().renameDatabase("a", "d".repeat(60)).build();
        Namespace source = Namespace.of("a", "c".repeat(200));

        assertThatThrownBy(() -> mapping.map(source)).isInstanceOf(ConfigurationException.class)
            .hasMessageContaining("maps " + source + " to an invalid namespace")
            .hasMessageContaining("261 bytes");
        assertThatThrownBy(() -> mapping.checkNoCollisions(List.of(source))).isInstanceOf(ConfigurationException.class);
    }

    @Test
    void mappingsWithTheSameRulesAreEqualAndPrintTheirRules() {
        NamespaceMapping one = NamespaceMapping.builder()
            .renameDatabase("shop", "shop_v2").renameCollection("shop.orders", "archive.orders").build();
        NamespaceMapping two = NamespaceMapping.builder()
            .renameCollection("shop.orders", "archive.orders").renameDatabase("shop", "shop_v2").build();

        assertThat(one).isEqualTo(two).hasSameHashCodeAs(two);
        assertThat(one).isNotEqualTo(NamespaceMapping.builder().renameDatabase("shop", "shop_v2").build());
        assertThat(one).hasToString(
            "NamespaceMapping{databases={shop=shop_v2}, collections={shop.orders=archive.orders}}");
        assertThat(NamespaceMapping.identity()).hasToString("NamespaceMapping{identity}");
    }

    private static Namespace ns(String fullName) {
        return Namespace.parse(fullName);
    }
}
