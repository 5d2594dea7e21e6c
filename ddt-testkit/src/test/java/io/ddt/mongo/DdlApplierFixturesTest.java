package io.ddt.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;

import io.ddt.Namespace;
import io.ddt.NamespaceMapping;
import io.ddt.event.ChangeEvent;
import io.ddt.event.CollMod;
import io.ddt.event.Create;
import io.ddt.event.CreateIndexes;
import io.ddt.event.Ddl;
import io.ddt.event.Drop;
import io.ddt.event.DropDatabase;
import io.ddt.event.DropIndexes;
import io.ddt.event.Invalidate;
import io.ddt.event.Noop;
import io.ddt.event.Rename;
import io.ddt.internal.apply.DdlApplier;
import io.ddt.testkit.Cluster;
import io.ddt.testkit.Clusters;
import io.ddt.testkit.FakeCluster;

/**
 * Every DDL, no-op and invalidate case of {@code shared/fixtures/oplog-cases.jsonl} has the
 * effect its {@code effect} describes when applied through {@link DdlApplier} to a target that
 * holds what the event acts on, and the same effect when applied a second time.
 */
@Clusters
class DdlApplierFixturesTest {

    @Cluster
    static FakeCluster target;

    private DdlApplier applier;

    static Stream<Arguments> ddlCases() {
        return FixtureCases.withCategory("ddl", "noop", "other");
    }

    @BeforeEach
    void emptyTarget() {
        MongoClient client = target.client();
        for (String database : client.listDatabaseNames()) {
            if (!List.of("admin", "local", "config").contains(database)) {
                client.getDatabase(database).drop();
            }
        }
        applier = new DdlApplier(client, NamespaceMapping.identity());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ddlCases")
    void hasTheEffectTheCaseDescribesOnceAndAgain(String name, BsonDocument fixture) {
        List<ChangeEvent> events = FixtureCases.events(fixture);
        List<Ddl> ddl = events.stream().filter(Ddl.class::isInstance).map(Ddl.class::cast).toList();
        assertThat(events).as("everything else changes nothing").allMatch(e -> e instanceof Ddl || e instanceof Noop
            || e instanceof Invalidate);
        ddl.forEach(this::prepare);

        ddl.forEach(applier::apply);
        ddl.forEach(this::assertEffect);
        ddl.forEach(applier::apply);
        ddl.forEach(this::assertEffect);

        if (name.endsWith("+abortIndexBuild")) {
            assertThat(indexNames(Namespace.parse(fixture.getString("ns").getValue()))).doesNotContain("a_1");
        }
    }

    /** Puts on the target what the event acts on, as it was on the source. */
    private void prepare(Ddl ddl) {
        if (ddl instanceof Drop || ddl instanceof DropDatabase) {
            Namespace namespace = ddl instanceof Drop drop ? drop.namespace() : Namespace.of(ddl.database(), "c");
            database(namespace).getCollection(namespace.collection(), BsonDocument.class).insertOne(new BsonDocument());
        } else if (ddl instanceof Rename rename) {
            database(rename.from()).getCollection(rename.from().collection(), BsonDocument.class).insertOne(new BsonDocument());
            if (rename.dropTarget()) {
                database(rename.to()).createCollection(rename.to().collection());
            }
        } else if (ddl instanceof DropIndexes indexes) {
            indexes.names().forEach(index -> createIndex(indexes.namespace(), index, false));
        } else if (ddl instanceof CollMod collMod) {
            database(collMod.namespace()).createCollection(collMod.namespace().collection());
            BsonDocument change = collMod.indexChange();
            if (change != null) {
                boolean toNonUnique = change.containsKey("forceNonUnique");
                createIndex(collMod.namespace(), change.getString("name").getValue(), toNonUnique);
            }
        }
    }

    private void assertEffect(Ddl ddl) {
        if (ddl instanceof Create create) {
            BsonDocument options = collectionInfo(create.namespace()).getDocument("options");
            create.options().forEach((option, value) -> {
                if (option.equals("size")) {
                    long rounded = (value.asNumber().longValue() + 255) / 256 * 256;
                    assertThat(options.getNumber(option).longValue()).as("size, as a member rounds it").isEqualTo(rounded);
                } else if (!option.equals("idIndex")) {
                    assertThat(options.get(option)).as(option).isEqualTo(value);
                }
            });
        } else if (ddl instanceof Drop drop) {
            assertThat(collectionNames(drop.namespace().database())).doesNotContain(drop.namespace().collection());
        } else if (ddl instanceof Rename rename) {
            assertThat(collectionNames(rename.from().database())).doesNotContain(rename.from().collection());
            assertThat(database(rename.to()).getCollection(rename.to().collection()).countDocuments()).isEqualTo(1);
        } else if (ddl instanceof CreateIndexes indexes) {
            for (BsonDocument spec : indexes.indexes()) {
                assertThat(index(indexes.namespace(), spec.getString("name").getValue()).get("key")).isEqualTo(spec.get("key"));
            }
        } else if (ddl instanceof DropIndexes indexes) {
            assertThat(indexNames(indexes.namespace())).doesNotContainAnyElementsOf(indexes.names());
        } else if (ddl instanceof CollMod collMod) {
            assertCollMod(collMod);
        } else if (ddl instanceof DropDatabase dropDatabase) {
            assertThat(collectionNames(dropDatabase.database())).isEmpty();
        }
    }

    private void assertCollMod(CollMod collMod) {
        BsonDocument change = collMod.indexChange();
        if (change == null) {
            BsonDocument options = collectionInfo(collMod.namespace()).getDocument("options");
            collMod.changes().forEach((option, value) -> assertThat(options.get(option)).as(option).isEqualTo(value));
            return;
        }
        BsonDocument index = index(collMod.namespace(), change.getString("name").getValue());
        change.forEach((option, value) -> {
            if (option.equals("forceNonUnique")) {
                assertThat(index.getBoolean("unique", BsonBoolean.FALSE).getValue()).isFalse();
            } else if (!option.equals("name")) {
                assertThat(index.get(option)).as(option).isEqualTo(value);
            }
        });
    }

    /** Creates an index named {@code field_1} or {@code f_1_g_1} on those fields. */
    private void createIndex(Namespace namespace, String name, boolean unique) {
        BsonDocument key = new BsonDocument();
        String[] parts = name.split("_");
        for (int i = 0; i + 1 < parts.length; i += 2) {
            key.append(parts[i], new BsonInt32(Integer.parseInt(parts[i + 1])));
        }
        database(namespace).getCollection(namespace.collection()).createIndex(key, new IndexOptions().name(name).unique(unique));
    }

    private MongoDatabase database(Namespace namespace) {
        return target.client().getDatabase(namespace.database());
    }

    private List<String> collectionNames(String database) {
        return target.client().getDatabase(database).listCollectionNames().into(new ArrayList<>());
    }

    private BsonDocument collectionInfo(Namespace namespace) {
        BsonDocument info = database(namespace).listCollections(BsonDocument.class)
            .filter(new BsonDocument("name", new org.bson.BsonString(namespace.collection()))).first();
        assertThat(info).as(namespace + " exists").isNotNull();
        return info;
    }

    private List<String> indexNames(Namespace namespace) {
        return database(namespace).getCollection(namespace.collection()).listIndexes(BsonDocument.class)
            .map(index -> index.getString("name").getValue()).into(new ArrayList<>());
    }

    private BsonDocument index(Namespace namespace, String name) {
        return database(namespace).getCollection(namespace.collection()).listIndexes(BsonDocument.class)
            .into(new ArrayList<>()).stream().filter(i -> i.getString("name").getValue().equals(name)).findFirst()
            .orElseThrow(() -> new AssertionError("no index " + name + " on " + namespace));
    }
}
