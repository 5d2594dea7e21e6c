package io.ddt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.PatternSyntaxException;

import org.junit.jupiter.api.Test;

class NamespaceFilterTest {

    @Test
    void starOnTheCollectionSideMatchesEveryCollectionOfTheDatabaseDotsIncluded() {
        NamespaceFilter filter = NamespaceFilter.builder().include("shop.*").build();

        assertThat(matches(filter, "shop.orders")).isTrue();
        assertThat(matches(filter, "shop.orders.2024")).isTrue();
        assertThat(filter.matches(Namespace.of("shop", "line\nbreak"))).isTrue();
        assertThat(matches(filter, "shopping.orders")).isFalse();
        assertThat(matches(filter, "other.shop")).isFalse();
    }

    @Test
    void starOnTheDatabaseSideMatchesThatCollectionInEveryDatabase() {
        NamespaceFilter filter = NamespaceFilter.builder().include("*.orders").build();

        assertThat(matches(filter, "a.orders")).isTrue();
        assertThat(matches(filter, "b.orders")).isTrue();
        assertThat(matches(filter, "a.orders2")).isFalse();
        assertThat(matches(filter, "a.old.orders")).isFalse();
    }

    @Test
    void starMatchesAnyRunIncludingTheEmptyOne() {
        NamespaceFilter filter = NamespaceFilter.builder().include("logs_2024*.events").build();

        assertThat(matches(filter, "logs_2024.events")).isTrue();
        assertThat(matches(filter, "logs_2024_01.events")).isTrue();
        assertThat(matches(filter, "logs_2023.events")).isFalse();
        assertThat(matches(filter, "logs_2024.events_old")).isFalse();
    }

    @Test
    void questionMarkMatchesExactlyOneCharacterEvenOutsideTheBasicPlane() {
        NamespaceFilter filter = NamespaceFilter.builder().include("shop.tmp_??").build();

        assertThat(matches(filter, "shop.tmp_ab")).isTrue();
        assertThat(matches(filter, "shop.tmp_a📦")).isTrue();
        assertThat(matches(filter, "shop.tmp_a")).isFalse();
        assertThat(matches(filter, "shop.tmp_abc")).isFalse();
    }

    @Test
    void everyOtherGlobCharacterIsLiteralAndCaseSensitive() {
        NamespaceFilter filter = NamespaceFilter.builder().include("a+b.c(1)|[x]").build();

        assertThat(matches(filter, "a+b.c(1)|[x]")).isTrue();
        assertThat(matches(filter, "aab.c1")).isFalse();
        assertThat(matches(NamespaceFilter.builder().include("Shop.*").build(), "shop.orders")).isFalse();
    }

    @Test
    void regexMustMatchTheWholeFullName() {
        NamespaceFilter filter = NamespaceFilter.builder().includeRegex("shop\\.orders_\\d+").build();

        assertThat(matches(filter, "shop.orders_7")).isTrue();
        assertThat(matches(filter, "shop.orders_7x")).isFalse();
        assertThat(matches(filter, "myshop.orders_7")).isFalse();
    }

    @Test
    void anInvalidRegexFailsAtOnceNamingItAndTheSyntaxError() {
        NamespaceFilter.Builder builder = NamespaceFilter.builder();

        assertThatThrownBy(() -> builder.excludeRegex("shop\\.(orders"))
            .isInstanceOf(ConfigurationException.class)
            .hasMessage("Namespace regex 'shop\\.(orders' is not a valid Java regular expression: "
                + "Unclosed group near index 13")
            .hasCauseInstanceOf(PatternSyntaxException.class);
    }

    @Test
    void aMalformedGlobFailsAtOnceSayingWhatToWrite() {
        NamespaceFilter.Builder builder = NamespaceFilter.builder();

        assertThatThrownBy(() -> builder.include("shop")).isInstanceOf(ConfigurationException.class)
            .hasMessage("Namespace pattern 'shop' is invalid: it has no '.'; write 'shop.*' for every "
                + "collection of a database, or database.collection");
        assertThatThrownBy(() -> builder.include(".orders")).hasMessageContaining("database part (before the first '.') is empty");
        assertThatThrownBy(() -> builder.exclude("shop.")).hasMessageContaining("write 'shop.*' for every collection");
        assertThatThrownBy(() -> builder.include("my shop.*")).hasMessageContaining("can never match")
            .hasMessageContaining("a space");
        assertThatThrownBy(() -> builder.include("shop.$cmd")).hasMessageContaining("can never match");
    }

    @Test
    void excludesWinOverIncludes() {
        NamespaceFilter filter = NamespaceFilter.builder()
            .include("shop.*").exclude("shop.tmp_*").excludeRegex(".*\\.cache").build();

        assertThat(matches(filter, "shop.orders")).isTrue();
        assertThat(matches(filter, "shop.tmp_1")).isFalse();
        assertThat(matches(filter, "shop.cache")).isFalse();
    }

    @Test
    void withoutIncludesEveryOrdinaryNamespaceNotExcludedMatches() {
        NamespaceFilter filter = NamespaceFilter.builder().exclude("test.*").build();

        assertThat(matches(filter, "shop.orders")).isTrue();
        assertThat(matches(filter, "crm.people")).isTrue();
        assertThat(matches(filter, "test.orders")).isFalse();
    }

    @Test
    void internalNamespacesAreNeverMatchedByDefault() {
        NamespaceFilter all = NamespaceFilter.all();

        assertThat(matches(all, "shop.orders")).isTrue();
        assertThat(matches(all, "admin.system.users")).isFalse();
        assertThat(matches(all, "admin.things")).isFalse();
        assertThat(matches(all, "local.oplog.rs")).isFalse();
        assertThat(matches(all, "config.system.sessions")).isFalse();
        assertThat(matches(all, "shop.system.views")).isFalse();
        assertThat(matches(NamespaceFilter.builder().include("*.*").build(), "shop.system.js")).isFalse();
    }

    @Test
    void theInternalSwitchAloneOrWithABroadRuleSelectsNoInternalNamespace() {
        NamespaceFilter broad = NamespaceFilter.builder().includeInternal(true).include("*.*").build();
        NamespaceFilter regex = NamespaceFilter.builder().includeInternal(true).includeRegex(".*").build();
        NamespaceFilter none = NamespaceFilter.builder().includeInternal(true).build();

        for (NamespaceFilter filter : new NamespaceFilter[] {broad, regex, none}) {
            assertThat(matches(filter, "shop.orders")).isTrue();
            assertThat(matches(filter, "local.oplog.rs")).isFalse();
            assertThat(matches(filter, "shop.system.js")).isFalse();
        }
    }

    @Test
    void internalNamespacesMatchWithTheSwitchAndAGlobThatNamesThem() {
        NamespaceFilter filter = NamespaceFilter.builder()
            .include("shop.*").includeInternal(true).include("*.system.js").include("admin.system.users").build();

        assertThat(matches(filter, "shop.system.js")).isTrue();
        assertThat(matches(filter, "crm.system.js")).isTrue();
        assertThat(matches(filter, "admin.system.users")).isTrue();
        assertThat(matches(filter, "shop.orders")).isTrue();
        assertThat(matches(filter, "shop.system.views")).isFalse();
        assertThat(matches(filter, "admin.system.roles")).isFalse();
        assertThat(matches(filter, "crm.people")).isFalse();
    }

    @Test
    void excludesWinOverIncludedInternalNamespacesToo() {
        NamespaceFilter filter = NamespaceFilter.builder()
            .includeInternal(true).include("admin.*").exclude("*.system.*").build();

        assertThat(matches(filter, "admin.custom")).isTrue();
        assertThat(matches(filter, "admin.system.users")).isFalse();
    }

    @Test
    void namingInternalNamespacesWithoutTheSwitchFailsAtBuild() {
        NamespaceFilter.Builder builder = NamespaceFilter.builder().include("shop.*").include("admin.system.users");

        assertThatThrownBy(builder::build).isInstanceOf(ConfigurationException.class)
            .hasMessageContaining("'admin.system.users' names internal namespaces")
            .hasMessageContaining("includeInternal(true)");
        assertThat(builder.includeInternal(true).build().matches(Namespace.parse("admin.system.users"))).isTrue();
    }

    @Test
    void mayMatchDatabaseRulesOutDatabasesNoIncludeCanReach() {
        NamespaceFilter filter = NamespaceFilter.builder().include("shop.*").include("logs_*.events").build();

        assertThat(filter.mayMatchDatabase("shop")).isTrue();
        assertThat(filter.mayMatchDatabase("logs_2024")).isTrue();
        assertThat(filter.mayMatchDatabase("crm")).isFalse();
        assertThat(filter.mayMatchDatabase("admin")).isFalse();
    }

    @Test
    void mayMatchDatabaseRulesOutWholeDatabaseExcludesAndInternalDatabases() {
        NamespaceFilter filter = NamespaceFilter.builder().exclude("test*.*").exclude("crm.tmp").build();

        assertThat(filter.mayMatchDatabase("test")).isFalse();
        assertThat(filter.mayMatchDatabase("test_2")).isFalse();
        assertThat(filter.mayMatchDatabase("crm")).isTrue();
        assertThat(filter.mayMatchDatabase("local")).isFalse();
        assertThat(filter.mayMatchDatabase("config")).isFalse();
    }

    @Test
    void mayMatchDatabaseCannotRuleOutDatabasesForARegex() {
        NamespaceFilter filter = NamespaceFilter.builder().includeRegex("shop\\..*").build();

        assertThat(filter.mayMatchDatabase("crm")).isTrue();
        assertThat(filter.mayMatchDatabase("admin")).isFalse();
    }

    @Test
    void mayMatchDatabaseAdmitsAnInternalDatabaseOnlyWhenANamingGlobReachesIt() {
        NamespaceFilter filter = NamespaceFilter.builder().includeInternal(true).include("admin.*").build();

        assertThat(filter.mayMatchDatabase("admin")).isTrue();
        assertThat(filter.mayMatchDatabase("local")).isFalse();
        assertThat(filter.mayMatchDatabase("shop")).isFalse();
    }

    @Test
    void filtersWithTheSameRulesInAnyOrderAreEqual() {
        NamespaceFilter one = NamespaceFilter.builder().include("a.*").include("b.*").exclude("*.tmp").build();
        NamespaceFilter two = NamespaceFilter.builder().exclude("*.tmp").include("b.*").include("a.*")
            .include("a.*").build();

        assertThat(one).isEqualTo(two).hasSameHashCodeAs(two);
        assertThat(one).isNotEqualTo(NamespaceFilter.builder().include("a.*").include("b.*").build());
        assertThat(NamespaceFilter.builder().include("a.*").build())
            .isNotEqualTo(NamespaceFilter.builder().includeRegex("a.*").build());
        assertThat(NamespaceFilter.builder().build()).isEqualTo(NamespaceFilter.all())
            .isNotEqualTo(NamespaceFilter.builder().includeInternal(true).build());
    }

    @Test
    void toStringListsTheRulesInTheOrderGiven() {
        NamespaceFilter filter = NamespaceFilter.builder()
            .include("shop.*").includeRegex("logs\\..*").exclude("*.tmp_*").build();

        assertThat(filter).hasToString(
            "NamespaceFilter{include=[shop.*, regex:logs\\..*], exclude=[*.tmp_*], includeInternal=false}");
        assertThat(NamespaceFilter.all()).hasToString("NamespaceFilter{include=all, exclude=[], includeInternal=false}");
    }

    @Test
    void includeGlobsAreGivenForServersUnlessAnIncludeIsARegex() {
        assertThat(NamespaceFilter.builder().include("shop.*").include("*.orders").exclude("shop.tmp").build().includeGlobs())
            .contains(java.util.List.of("shop.*", "*.orders"));
        assertThat(NamespaceFilter.all().includeGlobs()).contains(java.util.List.of());
        assertThat(NamespaceFilter.builder().include("shop.*").includeRegex("logs\\..*").build().includeGlobs()).isEmpty();
        assertThat(NamespaceFilter.builder().excludeRegex("logs\\..*").build().includeGlobs()).contains(java.util.List.of());
    }

    private static boolean matches(NamespaceFilter filter, String fullName) {
        return filter.matches(Namespace.parse(fullName));
    }
}
