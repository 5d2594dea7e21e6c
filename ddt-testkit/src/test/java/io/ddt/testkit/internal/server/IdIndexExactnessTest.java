package io.ddt.testkit.internal.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;
import org.junit.jupiter.api.Test;

import com.mongodb.MongoCommandException;
import com.mongodb.client.ClientSession;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.CreateCollectionOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.RenameCollectionOptions;
import com.mongodb.client.model.Updates;

import io.ddt.testkit.Workload;
import io.ddt.testkit.internal.bson.BsonOrder;

/**
 * The {@code _id} index holds exactly the engine's documents, byte for byte, after every kind
 * of write: a random workload of every write kind over mixed {@code _id} types, transactions
 * committed and aborted, capped trims, renames within and across databases, drops and restarts.
 */
class IdIndexExactnessTest {

    private static final BsonOrder ORDER = new BsonOrder();

    @Test
    void indexHoldsTheEnginesDocumentsThroughEveryWritePath() {
        try (ServedMember served = new ServedMember()) {
            MongoClient client = served.client();
            Workload.builder(client).namespaces("w.a", "w.b", "w2.c").idKind(Workload.IdKind.MIXED).seed(11)
                .initialDocuments(40).duplicateIdProbability(0.05).unlimitedRate().maxOperations(800).build().run();
            assertExact(served.member());

            transactions(client);
            assertExact(served.member());

            capped(client);
            assertExact(served.member());

            client.getDatabase("w").getCollection("b").renameCollection(new com.mongodb.MongoNamespace("w.b2"));
            client.getDatabase("w").getCollection("b2").renameCollection(new com.mongodb.MongoNamespace("w3.b"));
            client.getDatabase("w").getCollection("spare", BsonDocument.class).insertOne(new BsonDocument("_id", new BsonInt32(1)));
            client.getDatabase("w3").getCollection("b").renameCollection(new com.mongodb.MongoNamespace("w.spare"),
                new RenameCollectionOptions().dropTarget(true));
            assertExact(served.member());

            client.getDatabase("w").getCollection("a").drop();
            client.getDatabase("w2").drop();
            served.restart();
            assertExact(served.member());
            assertThat(served.member().idIndex().namespaces()).contains("w.spare").doesNotContain("w.a", "w2.c", "w.b", "w3.b");
        }
    }

    @Test
    void anIdEqualToAStoredOneOfAnotherTypeIsADuplicate() {
        try (ServedMember served = new ServedMember()) {
            MongoCollection<BsonDocument> coll = served.client().getDatabase("d").getCollection("c", BsonDocument.class);
            coll.insertOne(BsonDocument.parse("{_id: {a: 1}}"));
            coll.insertOne(BsonDocument.parse("{_id: 'sym'}"));

            for (String twin : List.of("{_id: {a: 1.0}}", "{_id: {$symbol: 'sym'}}", "{_id: {a: {$numberLong: '1'}}}")) {
                assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(
                    com.mongodb.MongoWriteException.class, () -> coll.insertOne(BsonDocument.parse(twin))).getCode())
                    .as(twin).isEqualTo(11000);
            }
            assertThat(coll.countDocuments()).isEqualTo(2);
            assertExact(served.member());
        }
    }

    private static void transactions(MongoClient client) {
        MongoCollection<BsonDocument> coll = client.getDatabase("w").getCollection("a", BsonDocument.class);
        try (ClientSession session = client.startSession()) {
            session.withTransaction(() -> {
                coll.insertOne(session, new BsonDocument("_id", new BsonString("tx-committed")));
                coll.updateOne(session, Filters.eq("_id", "tx-committed"), Updates.set("x", 1));
                return null;
            });
            BsonValue someId = coll.find().first().get("_id");
            session.startTransaction();
            coll.insertOne(session, new BsonDocument("_id", new BsonString("tx-aborted")));
            coll.replaceOne(session, Filters.eq("_id", someId), new BsonDocument("replaced", new BsonInt32(1)));
            coll.deleteOne(session, Filters.eq("_id", "tx-committed"));
            session.abortTransaction();
        }
    }

    private static void capped(MongoClient client) {
        client.getDatabase("w").createCollection("capped", new CreateCollectionOptions().capped(true).sizeInBytes(4096).maxDocuments(5));
        MongoCollection<BsonDocument> capped = client.getDatabase("w").getCollection("capped", BsonDocument.class);
        for (int i = 0; i < 20; i++) {
            capped.insertOne(new BsonDocument("_id", new BsonInt32(i)).append("pad", new BsonString("p".repeat(300))));
        }
        try {
            capped.insertOne(new BsonDocument("_id", new BsonInt32(19)));
        } catch (com.mongodb.MongoWriteException expected) {
            // a duplicate leaves both the engine and the index as they were
        }
        assertThat(capped.countDocuments()).isEqualTo(5);
    }

    /** Every collection has an index, no view or dropped one does, and each holds the engine's documents. */
    static void assertExact(FakeMember member) {
        Set<String> collections = new TreeSet<>();
        for (String database : member.catalog().databases()) {
            for (Catalog.Entry entry : member.catalog().inDatabase(database)) {
                if (!entry.view()) {
                    collections.add(entry.namespace());
                }
            }
        }
        assertThat(member.idIndex().namespaces()).containsExactlyInAnyOrderElementsOf(collections);
        for (String namespace : collections) {
            NavigableMap<BsonValue, RawBsonDocument> indexed = member.idIndex().documents(namespace);
            Map<BsonValue, RawBsonDocument> stored = new TreeMap<>(ORDER);
            String database = DocumentWrites.database(namespace);
            for (BsonDocument document : member.engine().findAll(database, ServedMember.find(DocumentWrites.collection(namespace)))) {
                stored.put(document.get("_id"), IdIndex.raw(document));
            }
            assertThat(new ArrayList<>(indexed.values())).as(namespace).containsExactlyElementsOf(stored.values());
            indexed.forEach((id, document) -> assertThat(document.get("_id")).isEqualTo(id));
        }
    }
}
