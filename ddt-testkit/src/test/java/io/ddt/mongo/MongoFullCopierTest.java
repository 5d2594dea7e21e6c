package io.ddt.mongo;

import static io.ddt.testkit.assertions.DdtAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.bson.BsonBinary;
import org.bson.BsonBoolean;
import org.bson.BsonDateTime;
import org.bson.BsonDecimal128;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonMaxKey;
import org.bson.BsonMinKey;
import org.bson.BsonNull;
import org.bson.BsonObjectId;
import org.bson.BsonString;
import org.bson.BsonTimestamp;
import org.bson.BsonValue;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.CreateCollectionOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ValidationOptions;

import io.ddt.CopySettings;
import io.ddt.spi.CopyListener;
import io.ddt.spi.CopyState;
import io.ddt.testkit.Cluster;
import io.ddt.testkit.Clusters;
import io.ddt.testkit.FakeCluster;

/** The MongoDB full copy between two fake clusters, through its public API. */
@Clusters
class MongoFullCopierTest {

    @Cluster
    FakeCluster source;

    @Cluster
    FakeCluster target;

    static List<BsonValue> everyIdType() {
        return List.of(new BsonInt32(1), new BsonInt64(2), new BsonDouble(2.5), new BsonDecimal128(Decimal128.parse("3.75")),
            new BsonString("a"), new BsonString("zé"), new BsonObjectId(new ObjectId()),
            new BsonDateTime(1_700_000_000_000L), new BsonBinary(new byte[] {1, 2}), new BsonBinary((byte) 0x80, new byte[] {3}),
            new BsonBinary((byte) 4, ByteBuffer.allocate(16).putLong(1).putLong(2).array()),
            new BsonDocument("k", new BsonInt32(1)), BsonBoolean.TRUE, BsonNull.VALUE, new BsonMinKey(), new BsonMaxKey(),
            new BsonTimestamp(5, 6));
    }

    @Test
    void copiesEveryIdTypeExactlyOnceWhetherSplitOrNot() {
        MongoCollection<BsonDocument> ids = source.client().getDatabase("shop").getCollection("ids", BsonDocument.class);
        List<BsonDocument> documents = new ArrayList<>();
        for (BsonValue id : everyIdType()) {
            documents.add(new BsonDocument("_id", id).append("v", new BsonString("x".repeat(20))));
        }
        for (int i = 100; i < 400; i++) {
            documents.add(new BsonDocument("_id", new BsonInt32(i)));
            documents.add(new BsonDocument("_id", new BsonString("s" + i)));
        }
        ids.insertMany(documents);
        CopyState state = copier(CopySettings.builder().rangeDocuments(50).threads(3).build()).copy(CopyState.empty(), CopyListener.NONE);
        assertThat(state.isComplete()).isTrue();
        assertThat(state.collection("shop.ids").ranges().size()).isGreaterThan(5);
        assertThat(target).hasSameContentAs(source);
    }

    @Test
    void splitsEachTypeBracketInProportionToItsShareOfOneSample() {
        MongoCollection<BsonDocument> ids = source.client().getDatabase("shop").getCollection("shares", BsonDocument.class);
        List<BsonDocument> documents = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            documents.add(new BsonDocument("_id", new BsonInt32(i)));
        }
        for (int i = 0; i < 500; i++) {
            documents.add(new BsonDocument("_id", new BsonString("s" + i)));
        }
        for (int i = 0; i < 3; i++) {
            documents.add(new BsonDocument("_id", new BsonTimestamp(i, 1)));
        }
        ids.insertMany(documents);

        CopyState state = copier(CopySettings.builder().rangeDocuments(250).threads(3).build()).copy(CopyState.empty(), CopyListener.NONE);

        List<io.ddt.spi.RangeState> ranges = state.collection("shop.shares").ranges();
        assertThat(ranges).filteredOn(r -> r.bracket().equals("number")).hasSizeBetween(6, 11);
        assertThat(ranges).filteredOn(r -> r.bracket().equals("string")).hasSizeBetween(1, 4);
        assertThat(ranges).filteredOn(r -> r.bracket().equals("other")).hasSize(1);
        assertThat(target).hasSameContentAs(source);
    }

    @Test
    void copiesSplitCollectionsWhileALaterOneIsStillBeingSplitAndLooksCompleteOnlyAtTheEnd() {
        MongoDatabase db = source.client().getDatabase("shop");
        for (String name : List.of("a_small", "b_small", "c_large")) {
            List<Document> documents = new ArrayList<>();
            for (int i = 0; i < (name.equals("c_large") ? 300 : 50); i++) {
                documents.add(new Document("_id", i));
            }
            db.getCollection(name).insertMany(documents);
        }
        // Only the large collection is sampled and counted (with aggregate); make that slow.
        source.client().getDatabase("admin").runCommand(new Document("configureFailPoint", "failCommand").append("mode", "alwaysOn")
            .append("data", new Document("failCommands", List.of("aggregate")).append("blockConnection", true)
                .append("blockTimeMS", 500)));
        List<CopyState> states = java.util.Collections.synchronizedList(new ArrayList<>());
        CopyState last = copier(CopySettings.builder().rangeDocuments(100).threads(2).build()).copy(CopyState.empty(),
            new CopyListener() {
                @Override
                public void stateChanged(CopyState state) {
                    states.add(state);
                }
            });
        source.client().getDatabase("admin").runCommand(new Document("configureFailPoint", "failCommand").append("mode", "off"));

        assertThat(states).filteredOn(s -> s.documents() > 0).allMatch(s -> s.collections().size() == 3);
        assertThat(states).anyMatch(s -> s.collection("shop.a_small").done() && s.collection("shop.c_large").ranges().isEmpty());
        assertThat(states.subList(0, states.size() - 1)).noneMatch(CopyState::isComplete);
        assertThat(last.isComplete()).isTrue();
        assertThat(target).hasSameContentAs(source);
    }

    @Test
    void copiesEveryBsonTypeByteForByte() {
        MongoCollection<BsonDocument> types = source.client().getDatabase("shop").getCollection("types", BsonDocument.class);
        for (int i = 0; i < 5; i++) {
            types.insertOne(io.ddt.testkit.BsonSamples.everyType());
        }
        copier(CopySettings.builder().rangeDocuments(2).build()).copy(CopyState.empty(), CopyListener.NONE);
        assertThat(target).hasSameContentAs(source);
    }

    @Test
    void reportsProgressWithRatesAndTimeLeft() {
        MongoCollection<Document> docs = source.client().getDatabase("shop").getCollection("docs");
        List<Document> batch = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            batch.add(new Document("_id", i));
        }
        docs.insertMany(batch);
        List<io.ddt.spi.CopyProgress> reports = new java.util.concurrent.CopyOnWriteArrayList<>();
        CopyListener listener = new CopyListener() {
            @Override
            public void progress(io.ddt.spi.CopyProgress progress) {
                reports.add(progress);
            }
        };
        copier(CopySettings.builder().progressInterval(java.time.Duration.ofMillis(20)).build()).copy(CopyState.empty(), listener);
        io.ddt.spi.CopyProgress last = reports.get(reports.size() - 1);
        assertThat(last.documents()).isEqualTo(3000);
        assertThat(last.collections()).singleElement().satisfies(c -> {
            assertThat(c.namespace()).isEqualTo("shop.docs");
            assertThat(c.estimatedDocuments()).isEqualTo(3000);
            assertThat(c.bytes()).isPositive();
            assertThat(c.done()).isTrue();
        });
    }

    @Test
    void transientErrorsAreRetriedFromTheLastWrittenId() {
        MongoCollection<Document> docs = source.client().getDatabase("shop").getCollection("docs");
        List<Document> batch = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            batch.add(new Document("_id", i));
        }
        docs.insertMany(batch);
        target.client().getDatabase("admin").runCommand(new Document("configureFailPoint", "failCommand")
            .append("mode", new Document("times", 2)).append("data", new Document("failCommands", List.of("insert"))
                .append("errorCode", 10107).append("errorLabels", List.of("RetryableWriteError"))));
        source.client().getDatabase("admin").runCommand(new Document("configureFailPoint", "failCommand")
            .append("mode", new Document("times", 3)).append("data", new Document("failCommands", List.of("getMore"))
                .append("closeConnection", true)));
        try {
            copier(CopySettings.builder().batchDocuments(200).retryTimeout(java.time.Duration.ofSeconds(30)).build())
                .copy(CopyState.empty(), CopyListener.NONE);
        } finally {
            target.client().getDatabase("admin").runCommand(new Document("configureFailPoint", "failCommand").append("mode", "off"));
        }
        assertThat(target).hasSameContentAs(source);
    }

    @Test
    void copiesOptionsIndexesAndViews() {
        MongoDatabase db = source.client().getDatabase("app");
        db.createCollection("events", new CreateCollectionOptions().capped(true).sizeInBytes(1 << 20).maxDocuments(1000));
        db.createCollection("users", new CreateCollectionOptions().validationOptions(new ValidationOptions()
            .validator(Filters.exists("name"))));
        MongoCollection<Document> users = db.getCollection("users");
        users.insertMany(List.of(new Document("_id", 1).append("name", "a").append("email", "a@x").append("at", new java.util.Date()),
            new Document("_id", 2).append("name", "b")));
        users.createIndex(Indexes.ascending("email"), new IndexOptions().unique(true).sparse(true));
        users.createIndex(Indexes.ascending("at"), new IndexOptions().expireAfter(3600L, TimeUnit.SECONDS));
        users.createIndex(Indexes.compoundIndex(Indexes.ascending("name"), Indexes.descending("email")),
            new IndexOptions().partialFilterExpression(Filters.exists("email")).hidden(true));
        db.createView("named", "users", List.of(new Document("$match", new Document("name", new Document("$exists", true)))));
        db.getCollection("events").insertOne(new Document("_id", 1));
        copier(CopySettings.defaults()).copy(CopyState.empty(), CopyListener.NONE);
        assertThat(target).hasSameContentAs(source);
    }

    @Test
    void ttlExpiryStaysDeferredUntilRestored() {
        MongoCollection<Document> sessions = source.client().getDatabase("app").getCollection("sessions");
        sessions.insertOne(new Document("_id", 1).append("at", new java.util.Date()));
        sessions.createIndex(Indexes.ascending("at"), new IndexOptions().expireAfter(60L, TimeUnit.SECONDS));
        MongoFullCopier copier = MongoFullCopier.builder(source.client(), target.client()).restoreTtlAtEnd(false).build();
        copier.copy(CopyState.empty(), CopyListener.NONE);
        assertThat(ttlOf("app", "sessions")).isEqualTo(Integer.MAX_VALUE);
        copier.restoreTtl();
        assertThat(ttlOf("app", "sessions")).isEqualTo(60);
    }

    private long ttlOf(String database, String collection) {
        return target.client().getDatabase(database).getCollection(collection).listIndexes(BsonDocument.class)
            .into(new ArrayList<>()).stream().filter(i -> i.containsKey("expireAfterSeconds")).findFirst().orElseThrow()
            .getNumber("expireAfterSeconds").longValue();
    }

    MongoFullCopier copier(CopySettings settings) {
        return MongoFullCopier.builder(source.client(), target.client()).settings(settings).build();
    }
}
