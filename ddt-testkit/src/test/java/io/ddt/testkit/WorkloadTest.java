package io.ddt.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoException;
import io.ddt.testkit.Workload.IdKind;
import io.ddt.testkit.WorkloadRecord.Outcome;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a workload writes, on plain mongo-java-server. That server fails every pipeline update
 * with a ClassCastException (error -1), so tests that compare data turn that kind off; the
 * kinds test keeps it and checks that it is the only kind that fails.
 */
class WorkloadTest {

    private static final String ORDERS = "shop.orders";
    private static final String USERS = "crm.users";

    private final PlainMongoServer server = new PlainMongoServer();

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void sameSeedGivesSameHistoryAndSameDataOnTwoFreshServers() {
        try (PlainMongoServer other = new PlainMongoServer()) {
            Workload first = mixedWorkload(server, 42).build();
            Workload second = mixedWorkload(other, 42).build();

            first.run();
            second.run();

            assertThat(first.history()).hasSize(600).isEqualTo(second.history());
            assertThat(server.contentOf(ORDERS)).hasSizeGreaterThan(50).isEqualTo(other.contentOf(ORDERS));
            assertThat(server.contentOf(USERS)).hasSizeGreaterThan(50).isEqualTo(other.contentOf(USERS));
        }
    }

    @Test
    void differentSeedGivesDifferentOperationsAndData() {
        try (PlainMongoServer other = new PlainMongoServer()) {
            Workload first = mixedWorkload(server, 42).maxOperations(200).build();
            Workload second = mixedWorkload(other, 43).maxOperations(200).build();

            first.run();
            second.run();

            assertThat(first.history()).isNotEqualTo(second.history());
            assertThat(server.contentOf(ORDERS)).isNotEqualTo(other.contentOf(ORDERS));
        }
    }

    @Test
    void everyOperationKindOccursWithin2000OperationsAndOnlyPipelineUpdatesFailHere() {
        Workload workload = Workload.builder(server.client()).seed(5).idKind(IdKind.MIXED)
            .initialDocuments(50).maxOperations(2_000).build();

        WorkloadStats stats = workload.run();

        assertThat(stats.operations()).isEqualTo(2_000);
        assertThat(stats.countsByOperation()).allSatisfy((kind, count) -> assertThat(count).as(kind.name()).isPositive());
        assertThat(workload.history()).filteredOn(r -> r.outcome() == Outcome.FAILED)
            .extracting(WorkloadRecord::operation).containsOnly(WorkloadOperation.UPDATE_PIPELINE);
        assertThat(stats.errors()).isEqualTo(stats.count(WorkloadOperation.UPDATE_PIPELINE));
        assertThat(stats.firstErrors()).hasSize(10);
        assertThat(stats.duplicateKeyErrors()).isPositive();
    }

    @Test
    void serverErrorsAreCountedAndTheFirstTenKept() {
        Workload workload = Workload.builder(server.client()).namespaces(ORDERS).initialDocuments(5)
            .weights(Map.of(WorkloadOperation.UPDATE_PUSH, 1)).build();
        workload.applyOne();
        server.client().getDatabase("shop").getCollection("orders")
            .updateMany(new BsonDocument(), new BsonDocument("$set", new BsonDocument("nums", new BsonString("not an array"))));

        for (int i = 0; i < 25; i++) {
            assertThat(workload.applyOne().outcome()).isEqualTo(Outcome.FAILED);
        }

        WorkloadStats stats = workload.stats();
        assertThat(stats.operations()).isEqualTo(26);
        assertThat(stats.errors()).isEqualTo(25);
        assertThat(stats.duplicateKeyErrors()).isZero();
        assertThat(stats.firstErrors()).hasSize(10).allSatisfy(e -> assertThat(e).isInstanceOf(MongoException.class));
    }

    @Test
    void insertOfAnExistingIdCountsAsDuplicateKeyNotAsError() {
        Workload workload = Workload.builder(server.client()).namespaces(ORDERS).initialDocuments(3)
            .weights(Map.of(WorkloadOperation.INSERT_ONE, 1)).duplicateIdProbability(1).maxOperations(20).build();

        WorkloadStats stats = workload.run();

        assertThat(stats.duplicateKeyErrors()).isEqualTo(20);
        assertThat(stats.errors()).isZero();
        assertThat(workload.history()).extracting(WorkloadRecord::outcome).containsOnly(Outcome.DUPLICATE_KEY);
        assertThat(server.contentOf(ORDERS)).hasSize(3);
    }

    @Test
    void knownIdsAreExactlyTheIdsInTheCollectionsAfterARun() {
        Workload workload = mixedWorkload(server, 9).build();

        workload.run();

        for (String namespace : List.of(ORDERS, USERS)) {
            String[] parts = namespace.split("\\.");
            Set<BsonValue> stored = new HashSet<>();
            server.client().getDatabase(parts[0]).getCollection(parts[1], BsonDocument.class)
                .find().forEach(doc -> stored.add(doc.get("_id")));
            assertThat(new HashSet<>(workload.knownIds(namespace))).as(namespace).isEqualTo(stored);
        }
    }

    @Test
    void everyIdTypeOccursWhenIdsAreMixed() {
        Workload workload = Workload.builder(server.client()).namespaces(ORDERS).idKind(IdKind.MIXED)
            .initialDocuments(200).weights(Map.of(WorkloadOperation.UPDATE_SET, 1)).maxOperations(1).build();

        workload.run();

        assertThat(workload.knownIds(ORDERS)).extracting(BsonValue::getBsonType).containsOnly(
            org.bson.BsonType.OBJECT_ID, org.bson.BsonType.INT32, org.bson.BsonType.INT64, org.bson.BsonType.STRING,
            org.bson.BsonType.DOCUMENT, org.bson.BsonType.DOUBLE, org.bson.BsonType.BINARY);
    }

    @Test
    void insertedDocumentsStayWithinTheConfiguredSizeRange() {
        Workload workload = Workload.builder(server.client()).namespaces(ORDERS).idKind(IdKind.DOCUMENT)
            .documentSize(300, 700).initialDocuments(300).weights(Map.of(WorkloadOperation.INSERT_MANY, 1))
            .maxOperations(20).build();

        workload.run();

        List<Integer> sizes = server.client().getDatabase("shop").getCollection("orders", RawBsonDocument.class)
            .find().map(doc -> doc.getByteBuffer().remaining()).into(new java.util.ArrayList<>());
        assertThat(sizes).hasSizeGreaterThan(340).allSatisfy(size -> assertThat(size).isBetween(300, 700));
        assertThat(sizes.stream().mapToInt(Integer::intValue).max().getAsInt()
            - sizes.stream().mapToInt(Integer::intValue).min().getAsInt()).isGreaterThan(300);
    }

    @Test
    void applyOneIssuesOneOperationAndRecordsItInTheHistory() {
        Workload workload = Workload.builder(server.client()).namespaces(ORDERS).initialDocuments(10).build();

        WorkloadRecord first = workload.applyOne();
        WorkloadRecord second = workload.applyOne();

        assertThat(workload.history()).containsExactly(first, second);
        assertThat(first.sequence()).isZero();
        assertThat(second.sequence()).isEqualTo(1);
        assertThat(first.namespace()).isEqualTo(ORDERS);
        Map<WorkloadOperation, Long> expected = new EnumMap<>(WorkloadOperation.class);
        expected.merge(first.operation(), 1L, Long::sum);
        expected.merge(second.operation(), 1L, Long::sum);
        assertThat(workload.stats().countsByOperation()).containsAllEntriesOf(expected);
        assertThat(workload.stats().operations()).isEqualTo(2);
    }

    @Test
    void historyKeepsOnlyTheFirstRecordsUpToItsLimitButCountsAll() {
        Workload workload = Workload.builder(server.client()).namespaces(ORDERS).historyLimit(5).maxOperations(20).build();

        WorkloadStats stats = workload.run();

        assertThat(workload.history()).hasSize(5).extracting(WorkloadRecord::sequence).containsExactly(0L, 1L, 2L, 3L, 4L);
        assertThat(stats.operations()).isEqualTo(20);
    }

    private static WorkloadBuilder mixedWorkload(PlainMongoServer on, long seed) {
        return Workload.builder(on.client()).seed(seed).namespaces(ORDERS, USERS).idKind(IdKind.MIXED)
            .initialDocuments(50).maxOperations(600).weight(WorkloadOperation.UPDATE_PIPELINE, 0);
    }
}
