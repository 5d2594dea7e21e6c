package io.ddt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.bson.BsonBinary;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.bson.BsonTimestamp;
import org.bson.BsonValue;
import org.junit.jupiter.api.Test;

class DdtExceptionsTest {

    private static final Namespace ORDERS = Namespace.parse("shop.orders");

    @Test
    void everyExceptionIsAnUncheckedDdtExceptionThatKeepsItsCause() {
        Throwable cause = new IllegalStateException("server said no");
        List<DdtException> all = List.of(
            new DdtException("m", cause),
            new ConfigurationException("m", cause),
            new HistoryLostException(new BsonTimestamp(1, 1), null, cause),
            new ConflictException(ORDERS, new BsonDocument("_id", new BsonInt32(1)), "duplicate key", cause),
            new DocumentRejectedException(ORDERS, new BsonInt32(1), "too large", cause),
            new CheckpointException("m", cause));

        assertThat(all).allSatisfy(e -> assertThat(e).isInstanceOf(RuntimeException.class).hasCause(cause));
        assertThat(new TargetNotEmptyException(List.of(ORDERS))).isInstanceOf(DdtException.class);
    }

    @Test
    void targetNotEmptyNamesTheNamespacesSortedAndTheWaysOut() {
        TargetNotEmptyException e = new TargetNotEmptyException(List.of(ns("shop.z"), ns("shop.a"), ns("shop.z")));

        assertThat(e.namespaces()).containsExactly(ns("shop.a"), ns("shop.z"));
        assertThat(e).hasMessage("The target already holds data in 2 selected namespaces (shop.a, shop.z) and the "
            + "policy for existing target data is to fail, so nothing was written. Empty or drop them on the "
            + "target, map the sources to other namespaces, or choose the policy that drops or merges existing "
            + "target data.");
        assertThatThrownBy(() -> e.namespaces().add(ns("x.y"))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void targetNotEmptyListsAtMostTenNamespaces() {
        List<Namespace> many = new ArrayList<>();
        for (int i = 10; i < 22; i++) {
            many.add(ns("db.c" + i));
        }

        assertThat(new TargetNotEmptyException(many).getMessage())
            .contains("12 selected namespaces (db.c10, ", "db.c19 and 2 more)").doesNotContain("db.c20");
        assertThatThrownBy(() -> new TargetNotEmptyException(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void historyLostSaysHowFarBehindTheStartIsAndWhatToDo() {
        BsonTimestamp requested = new BsonTimestamp(1_714_557_600, 1);
        BsonTimestamp oldest = new BsonTimestamp(1_714_557_600 + 9_000, 3);

        HistoryLostException e = new HistoryLostException(requested, oldest);

        assertThat(e.requestedClusterTime()).isEqualTo(requested);
        assertThat(e.oldestAvailableClusterTime()).contains(oldest);
        assertThat(e).hasMessage("The source's oplog no longer holds the start position "
            + "Timestamp(1714557600, 1) = 2024-05-01T10:00:00Z: its oldest entry is at "
            + "Timestamp(1714566600, 3) = 2024-05-01T12:30:00Z, 2h 30m later, so the changes in between are "
            + "lost. Start again with a full copy (for example SyncMode.FULL_AND_REALTIME); to keep it from "
            + "happening again, enlarge the source's oplog (replSetResizeOplog) or set oplogMinRetentionHours, "
            + "and keep stops shorter than the oplog window.");
    }

    @Test
    void historyLostWithoutTheOldestTimeStillNamesThePositionAndTheRemedy() {
        HistoryLostException e = new HistoryLostException(new BsonTimestamp(1_714_557_600, 1), null);

        assertThat(e.oldestAvailableClusterTime()).isEmpty();
        assertThat(e.getMessage())
            .contains("start position Timestamp(1714557600, 1) = 2024-05-01T10:00:00Z: the changes made since "
                + "then are lost.")
            .contains("Start again with a full copy");
    }

    @Test
    void conflictNamesTheNamespaceAndKeyAndCopiesTheKey() {
        BsonDocument key = new BsonDocument("_id", new BsonInt32(42)).append("region", new BsonString("eu"));

        ConflictException e = new ConflictException(ORDERS, key, "duplicate key on index email_1 (E11000)");
        key.put("_id", new BsonInt32(7));
        e.documentKey().put("_id", new BsonInt32(8));

        assertThat(e.namespace()).isEqualTo(ORDERS);
        assertThat(e.documentKey()).isEqualTo(new BsonDocument("_id", new BsonInt32(42))
            .append("region", new BsonString("eu")));
        assertThat(e.getMessage()).startsWith("The target refused a write to shop.orders for the document with key "
            + "{\"_id\": 42, \"region\": \"eu\"}: duplicate key on index email_1 (E11000). ")
            .contains("compare the target's indexes with the source's");
    }

    @Test
    void documentRejectedNamesTheIdAndCutsALongOne() {
        DocumentRejectedException e = new DocumentRejectedException(ORDERS, new BsonString("a-1"),
            "Document failed validation (121)");
        DocumentRejectedException large = new DocumentRejectedException(ORDERS, new BsonBinary(new byte[4096]),
            "too large");

        assertThat(e.id()).isEqualTo(new BsonString("a-1"));
        assertThat(e.getMessage()).startsWith("The target rejected the document {\"_id\": \"a-1\"} of shop.orders: "
            + "Document failed validation (121). Fix the document on the source");
        assertThat(large.getMessage()).hasSizeLessThan(ErrorText.MAX_KEY_CHARS + 300).contains("...}");
        assertThat(large.id()).isEqualTo(new BsonBinary(new byte[4096]));
    }

    @Test
    void documentRejectedCopiesADocumentId() {
        BsonDocument id = new BsonDocument("k", new BsonInt32(1));
        DocumentRejectedException e = new DocumentRejectedException(ORDERS, id, "r");
        id.put("k", new BsonInt32(2));
        BsonValue returned = e.id();
        returned.asDocument().put("k", new BsonInt32(3));

        assertThat(e.id()).isEqualTo(new BsonDocument("k", new BsonInt32(1)));
    }

    @Test
    void durationsReadTheWayAPersonSaysThem() {
        assertThat(ErrorText.duration(0)).isEqualTo("0s");
        assertThat(ErrorText.duration(9_000)).isEqualTo("2h 30m");
        assertThat(ErrorText.duration(90_061)).isEqualTo("1d 1h 1m 1s");
    }

    private static Namespace ns(String fullName) {
        return Namespace.parse(fullName);
    }
}
