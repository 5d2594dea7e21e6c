package io.ddt.internal.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;

import org.bson.BsonDocument;
import org.bson.BsonTimestamp;
import org.junit.jupiter.api.Test;

import io.ddt.Namespace;
import io.ddt.NamespaceFilter;

/** The server's share of the namespace filter: never narrower than the filter itself. */
class ServerFiltersTest {

    private static final List<String> NAMES = List.of("shop.orders", "shop.orders.2024", "shop.tmp_abc", "shop.tmp_ab",
        "a+b.c(d)x", "a+b.c(d)", "ab.c(d)x", "x.orders", "x.orders2", "shop.line\nbreak", "shop.system.buckets.orders",
        "shop.system.views", "other.x", "shopping.orders");

    @Test
    void theOplogQuerySelectsAtLeastWhatTheGlobsSelectMetacharactersIncluded() {
        NamespaceFilter filter = NamespaceFilter.builder().include("shop.*").include("a+b.c(d)*").include("*.orders")
            .build();
        Pattern crud = Pattern.compile(orClause(filter, 0).getRegularExpression("ns").getPattern());

        for (String name : NAMES) {
            if (filter.matches(Namespace.parse(name))) {
                assertThat(crud.matcher(name).find()).as(name).isTrue();
            }
        }
        assertThat(crud.matcher("ab.c(d)x").find()).isFalse();
        assertThat(crud.matcher("other.x").find()).isFalse();
        assertThat(crud.matcher("shopping.x").find()).isFalse();
        assertThat(crud.matcher("shop.system.views").find()).isTrue();
        assertThat(crud.matcher("x.system.buckets.orders").find()).isTrue();
    }

    @Test
    void theOplogQueryKeepsCommandsOfDatabasesThatMayMatchRenamesTransactionsAndNoops() {
        NamespaceFilter filter = NamespaceFilter.builder().include("shop.*").include("logs_??.events").build();
        Pattern commands = Pattern.compile(orClause(filter, 4).getRegularExpression("ns").getPattern());

        assertThat(commands.matcher("shop.$cmd").find()).isTrue();
        assertThat(commands.matcher("logs_01.$cmd").find()).isTrue();
        assertThat(commands.matcher("logs_001.$cmd").find()).isFalse();
        assertThat(commands.matcher("other.$cmd").find()).isFalse();
        assertThat(orClause(filter, 1).toJson()).isEqualTo("{\"op\": \"n\"}");
        assertThat(orClause(filter, 2).toJson()).contains("admin.$cmd");
        assertThat(orClause(filter, 3).toJson()).contains("o.renameCollection");
    }

    @Test
    void withoutIncludeGlobsTheServerFiltersOnlyTimeAndMigrations() {
        for (NamespaceFilter filter : List.of(NamespaceFilter.all(), NamespaceFilter.builder().exclude("x.*").build(),
            NamespaceFilter.builder().includeRegex("shop\\..*").build())) {
            BsonDocument query = ServerFilters.oplog(new BsonTimestamp(7, 1), filter);
            assertThat(query.keySet()).containsExactly("ts", "fromMigrate");
            assertThat(ServerFilters.changeStreamMatch(filter)).isEmpty();
        }
    }

    @Test
    void theChangeStreamMatchLooksAtTheNamespaceAndARenamesTarget() {
        BsonDocument match = ServerFilters.changeStreamMatch(NamespaceFilter.builder().include("shop.or*").build())
            .orElseThrow().getDocument("$match");
        String json = match.toJson();

        assertThat(json).contains("\"ns.db\"", "\"ns.coll\"", "\"to.db\"", "\"to.coll\"", "invalidate");
        BsonDocument first = match.getArray("$or").get(0).asDocument();
        assertThat(Pattern.compile(first.getRegularExpression("ns.coll").getPattern()).matcher("orders").find()).isTrue();
        assertThat(Pattern.compile(first.getRegularExpression("ns.coll").getPattern()).matcher("xorders").find()).isFalse();
    }

    private static BsonDocument orClause(NamespaceFilter filter, int index) {
        return ServerFilters.oplog(new BsonTimestamp(7, 1), filter).getArray("$or").get(index).asDocument();
    }
}
