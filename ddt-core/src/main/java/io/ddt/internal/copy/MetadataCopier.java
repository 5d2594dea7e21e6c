package io.ddt.internal.copy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoClient;

import io.ddt.ConfigurationException;
import io.ddt.CopySettings;
import io.ddt.Namespace;
import io.ddt.NamespaceFilter;
import io.ddt.NamespaceMapping;
import io.ddt.TargetNotEmptyException;
import io.ddt.spi.CopyState;

/**
 * Finds the selected collections and views on the source, checks the target before anything is
 * written (mapping collisions, non-empty targets), and creates the target collections with the
 * source's options, views after the collections they read.
 */
final class MetadataCopier {

    private static final Logger LOG = LoggerFactory.getLogger(MetadataCopier.class);
    private static final int NAMESPACE_EXISTS = 48;
    private static final Set<String> NOT_CREATE_OPTIONS = Set.of("uuid");

    private final MongoClient source;
    private final MongoClient target;
    private final NamespaceFilter filter;
    private final NamespaceMapping mapping;
    private final boolean deferTtl;

    MetadataCopier(MongoClient source, MongoClient target, NamespaceFilter filter, NamespaceMapping mapping, boolean deferTtl) {
        this.source = source;
        this.target = target;
        this.filter = filter;
        this.mapping = mapping;
        this.deferTtl = deferTtl;
    }

    /** The selected collections and views, collections first, each database in name order. */
    List<SourceCollection> selected() {
        List<SourceCollection> collections = new ArrayList<>();
        List<SourceCollection> views = new ArrayList<>();
        for (String database : source.listDatabaseNames()) {
            if (!filter.mayMatchDatabase(database)) {
                continue;
            }
            for (BsonDocument info : source.getDatabase(database).listCollections(BsonDocument.class)) {
                String name = info.getString("name").getValue();
                if (name.startsWith("system.buckets.") || name.equals("system.views")) {
                    continue;
                }
                Namespace namespace = Namespace.of(database, name);
                if (!filter.matches(namespace)) {
                    continue;
                }
                String type = info.getString("type", new BsonString("collection")).getValue();
                SourceCollection selected = new SourceCollection(namespace, mapping.map(namespace), type,
                    info.getDocument("options", new BsonDocument()));
                (selected.isView() ? views : collections).add(selected);
            }
        }
        collections.sort((a, b) -> a.source().compareTo(b.source()));
        views.sort((a, b) -> a.source().compareTo(b.source()));
        collections.addAll(views);
        List<Namespace> sources = new ArrayList<>();
        collections.forEach(c -> sources.add(c.source()));
        mapping.checkNoCollisions(sources);
        checkViewsStayWithTheirSources(collections);
        return collections;
    }

    private void checkViewsStayWithTheirSources(List<SourceCollection> selected) {
        for (SourceCollection view : selected) {
            if (view.isView()) {
                Namespace viewOn = Namespace.of(view.source().database(), view.options().getString("viewOn").getValue());
                if (!mapping.map(viewOn).database().equals(view.target().database())) {
                    throw new ConfigurationException("view " + view.source() + " reads " + viewOn + ", which the mapping"
                        + " sends to another database than the view; map them to the same database");
                }
            }
        }
    }

    /** Applies the non-empty-target policy to namespaces the copy has not started; before any write. */
    void checkTargets(List<SourceCollection> selected, CopyState resume, CopySettings.TargetPolicy policy) {
        List<Namespace> nonEmpty = new ArrayList<>();
        for (SourceCollection collection : selected) {
            if (collection.isView() || resume.collection(collection.source().fullName()) != null) {
                continue;
            }
            Namespace to = collection.target();
            boolean hasData = target.getDatabase(to.database()).getCollection(to.collection(), BsonDocument.class)
                .find().limit(1).batchSize(1).first() != null;
            if (hasData) {
                nonEmpty.add(to);
            }
        }
        if (nonEmpty.isEmpty() || policy == CopySettings.TargetPolicy.MERGE) {
            return;
        }
        if (policy == CopySettings.TargetPolicy.FAIL) {
            throw new TargetNotEmptyException(nonEmpty);
        }
        for (Namespace to : nonEmpty) {
            LOG.info("dropping {} on the target, as the DROP policy says", to);
            target.getDatabase(to.database()).getCollection(to.collection()).drop();
        }
    }

    /** Creates the target collection or view with the source's options; an existing one is kept. */
    void create(SourceCollection collection) {
        BsonDocument command = new BsonDocument("create", new BsonString(collection.target().collection()));
        for (var option : collection.options().entrySet()) {
            if (!NOT_CREATE_OPTIONS.contains(option.getKey())) {
                command.append(option.getKey(), targetOption(collection, option.getKey(), option.getValue()));
            }
        }
        try {
            target.getDatabase(collection.target().database()).runCommand(command);
        } catch (MongoCommandException e) {
            if (e.getErrorCode() != NAMESPACE_EXISTS) {
                throw new io.ddt.DdtException("cannot create " + collection.target() + " on the target: " + e.getErrorMessage(), e);
            }
        }
    }

    private BsonValue targetOption(SourceCollection collection, String key, BsonValue value) {
        if (key.equals("expireAfterSeconds") && deferTtl) {
            return new org.bson.BsonInt64(IndexCopier.DEFERRED_EXPIRY);
        }
        if (key.equals("viewOn")) {
            Namespace viewOn = Namespace.of(collection.source().database(), value.asString().getValue());
            return new BsonString(mapping.map(viewOn).collection());
        }
        return value;
    }
}
