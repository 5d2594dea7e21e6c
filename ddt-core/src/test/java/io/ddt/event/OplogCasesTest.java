package io.ddt.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case of {@code shared/fixtures/oplog-cases.jsonl} reads into the kind of event its
 * category names, with the case's namespace, the source's document key and the entry's
 * position. Oplog cases go through a {@link TransactionAssembler} (which reads single entries
 * with {@link ChangeEvents#fromOplog}); change-stream cases through
 * {@link ChangeEvents#fromChangeStream}.
 */
class OplogCasesTest {

    private static final Map<String, Class<? extends ChangeEvent>> KIND_BY_CATEGORY = Map.ofEntries(
        Map.entry("insert", Insert.class), Map.entry("update-v1", Update.class),
        Map.entry("update-v2-diff", Update.class), Map.entry("replace", Replace.class),
        Map.entry("delete", Delete.class), Map.entry("applyOps-txn", Transaction.class),
        Map.entry("ddl-create", Create.class), Map.entry("ddl-drop", Drop.class),
        Map.entry("ddl-rename", Rename.class), Map.entry("ddl-createIndexes", CreateIndexes.class),
        Map.entry("ddl-dropIndexes", DropIndexes.class), Map.entry("ddl-collMod", CollMod.class),
        Map.entry("ddl-dropDatabase", DropDatabase.class), Map.entry("noop", Noop.class));

    static Stream<Arguments> cases() {
        return OplogCases.all().stream().map(c -> Arguments.of(c.getString("name").getValue(), c));
    }

    @Test
    void theFixtureFileHoldsEveryCase() {
        assertThat(OplogCases.all()).hasSize(167);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyCaseReadsIntoTheKindItsCategoryNames(String name, BsonDocument oplogCase) {
        List<ChangeEvent> events = read(oplogCase);
        ChangeEvent last = events.get(events.size() - 1);

        if (name.endsWith("+abortIndexBuild") || name.endsWith("-abort")) {
            assertThat(events).as("an abandoned build or transaction applies nothing").allMatch(e -> e instanceof Noop);
            assertThat(((Noop) last).reason()).isIn("abortIndexBuild", "abortTransaction");
            return;
        }
        assertThat(events).filteredOn(e -> e.getClass() == expectedKind(oplogCase)).hasSize(1);
        ChangeEvent event = events.stream().filter(e -> e.getClass() == expectedKind(oplogCase)).findFirst().orElseThrow();
        assertThat(event.position().clusterTime()).isEqualTo(lastTime(oplogCase));
        assertNamespace(event, oplogCase.getString("ns").getValue());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void documentChangesCarryTheKeyTheSourceGave(String name, BsonDocument oplogCase) {
        BsonDocument entry = OplogCases.entries(oplogCase).get(0);
        List<ChangeEvent> events = read(oplogCase);
        if (!(events.get(0) instanceof DocumentChange change) || OplogCases.entries(oplogCase).size() > 1) {
            return;
        }
        assertThat(change.documentKey()).isEqualTo(expectedKey(entry));
        assertThat(change.id()).isEqualTo(change.documentKey().get("_id"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void changeEventsArePositionedAtTheirClusterTimeAndResumeToken(String name, BsonDocument oplogCase) {
        if (!isChangeStream(oplogCase)) {
            return;
        }
        BsonDocument entry = oplogCase.getDocument("entry");

        ChangeEvent event = ChangeEvents.fromChangeStream(entry);

        assertThat(event.position().clusterTime()).isEqualTo(entry.getTimestamp("clusterTime"));
        assertThat(event.position().resumeToken()).contains(entry.getDocument("_id"));
        assertThat(event.wallTime() != null).isEqualTo(entry.containsKey("wallTime"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void oplogUpdatesKeepTheFormTheServerWrote(String name, BsonDocument oplogCase) {
        if (isChangeStream(oplogCase) || !oplogCase.getString("category").getValue().startsWith("update")) {
            return;
        }
        BsonDocument o = oplogCase.getDocument("entry").getDocument("o");

        Update update = (Update) ChangeEvents.fromOplog(oplogCase.getDocument("entry"));

        if (o.getNumber("$v").intValue() == 2) {
            assertThat(update.spec()).isEqualTo(new UpdateSpec.Diff(o.getDocument("diff")));
        } else {
            assertThat(((UpdateSpec.Modifiers) update.spec()).update()).doesNotContainKey("$v")
                .isEqualTo(new BsonDocument(o.entrySet().stream().filter(e -> !e.getKey().equals("$v"))
                    .map(e -> new org.bson.BsonElement(e.getKey(), e.getValue())).toList()));
        }
    }

    private static List<ChangeEvent> read(BsonDocument oplogCase) {
        List<ChangeEvent> events = new ArrayList<>();
        if (isChangeStream(oplogCase)) {
            events.add(ChangeEvents.fromChangeStream(oplogCase.getDocument("entry")));
            return events;
        }
        TransactionAssembler assembler = new TransactionAssembler();
        for (BsonDocument entry : OplogCases.entries(oplogCase)) {
            assembler.accept(entry).ifPresent(events::add);
        }
        assertThat(assembler.pendingCount()).as("transactions left unfinished").isZero();
        return events;
    }

    private static Class<? extends ChangeEvent> expectedKind(BsonDocument oplogCase) {
        String name = oplogCase.getString("name").getValue();
        if (name.equals("changeStream.docs.invalidate")) {
            return Invalidate.class;
        }
        if (name.equals("changeStream.docs.shardCollection")) {
            return Noop.class;
        }
        return KIND_BY_CATEGORY.get(oplogCase.getString("category").getValue());
    }

    private static void assertNamespace(ChangeEvent event, String ns) {
        if (event instanceof DocumentChange change) {
            assertThat(change.namespace().fullName()).isEqualTo(ns);
        } else if (event instanceof DropDatabase drop) {
            assertThat(drop.database()).isEqualTo(ns);
        } else if (event instanceof Ddl ddl) {
            assertThat(ddl.namespace().fullName()).isEqualTo(ns);
        } else if (event instanceof Transaction transaction) {
            assertThat(transaction.events()).isNotEmpty().allSatisfy(e -> assertNamespace(e, ns));
        }
    }

    private static org.bson.BsonTimestamp lastTime(BsonDocument oplogCase) {
        List<BsonDocument> entries = OplogCases.entries(oplogCase);
        BsonDocument last = entries.get(entries.size() - 1);
        if (isChangeStream(oplogCase)) {
            return last.getTimestamp("clusterTime");
        }
        // In the 2PC capture the coordinator's own bookkeeping follows the commit.
        return entries.stream().filter(e -> e.getDocument("o").containsKey("commitTransaction")).findFirst()
            .orElse(last).getTimestamp("ts");
    }

    private static BsonDocument expectedKey(BsonDocument entry) {
        if (entry.containsKey("documentKey")) {
            return entry.getDocument("documentKey");
        }
        if (entry.containsKey("o2")) {
            return entry.getDocument("o2");
        }
        BsonDocument o = entry.getDocument("o");
        return entry.getString("op").getValue().equals("d") ? o : new BsonDocument("_id", o.get("_id"));
    }

    private static boolean isChangeStream(BsonDocument oplogCase) {
        return oplogCase.getString("kind").getValue().equals("changeStream");
    }
}
