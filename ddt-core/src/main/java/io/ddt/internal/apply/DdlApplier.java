package io.ddt.internal.apply;

import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoClient;

import io.ddt.ConfigurationException;
import io.ddt.DdtException;
import io.ddt.Namespace;
import io.ddt.NamespaceMapping;
import io.ddt.event.CollMod;
import io.ddt.event.ConvertToCapped;
import io.ddt.event.Create;
import io.ddt.event.CreateIndexes;
import io.ddt.event.Ddl;
import io.ddt.event.Drop;
import io.ddt.event.DropDatabase;
import io.ddt.event.DropIndexes;
import io.ddt.event.Rename;
import io.ddt.internal.ServerErrors;

/**
 * Applies DDL events to the target, through the namespace mapping: both ends of a rename, the
 * collections a view reads, the database of a {@code dropDatabase} (by its database rule).
 *
 * <p><b>Idempotent.</b> Applying an event again, or over a later state of the target (a restart
 * from an older checkpoint), changes nothing that a later event in the stream does not set
 * right: creating a collection or view that exists, dropping one that does not, renaming a
 * collection that is gone (or onto one that exists, without {@code dropTarget}), creating an
 * index that exists (with the same or, since a later drop and create will follow, other
 * options), dropping an index or modifying a collection that is gone: all succeed without
 * effect, logged at DEBUG.
 *
 * <p><b>Index builds</b> arrive as one {@link CreateIndexes} when the source commits them
 * ({@code createIndexes}, or {@code commitIndexBuild} of a two-phase build); the
 * {@code startIndexBuild} and {@code abortIndexBuild} entries are no-ops before they get here,
 * so an aborted build leaves no index, as on the source. Each index is created by its own
 * command, so that one index that exists does not keep the others from being built.
 *
 * <p><b>Scope.</b> Events on namespaces that {@link ReplayScope} leaves out ({@code admin},
 * {@code local}, {@code config}, {@code system.*}) are skipped. The exception is a time-series
 * collection, which the source logs as the creation of its {@code system.buckets.} collection
 * and of a view: it is created on the target by its own name, with its time-series options, and
 * the view is skipped, as the server makes both.
 *
 * <p><b>Failures.</b> A command the target refuses for another reason fails with a
 * {@link DdtException} that names the event (namespace and position), the target namespace and
 * the server's error, never a document's values; a mapping that sends a collection a view reads
 * to another database fails with a {@link ConfigurationException}. Errors the driver reports as
 * transient (network, no primary) are rethrown as they are, for the caller's retry policy.
 *
 * <p>Thread-safe: it holds no state but the client and the mapping. Calls block for as long as
 * the target takes to run the command.
 */
public final class DdlApplier {

    private static final Logger LOG = LoggerFactory.getLogger(DdlApplier.class);

    private static final int NAMESPACE_NOT_FOUND = 26;
    private static final int INDEX_NOT_FOUND = 27;
    private static final int NAMESPACE_EXISTS = 48;
    private static final int INDEX_ALREADY_EXISTS = 68;
    private static final int INDEX_OPTIONS_CONFLICT = 85;
    private static final int INDEX_KEY_SPECS_CONFLICT = 86;
    private static final String BUCKETS_PREFIX = "system.buckets.";
    /** What the server keeps of a time-series collection's creation; the rest it derives. */
    private static final Set<String> TIME_SERIES_OPTIONS = Set.of("timeseries", "expireAfterSeconds", "collation",
        "storageEngine", "indexOptionDefaults");
    /** Index spec fields that name the source or that the target chooses, as the full copy drops them. */
    private static final Set<String> SOURCE_INDEX_FIELDS = Set.of("v", "ns", "background");

    private final MongoClient target;
    private final NamespaceMapping mapping;

    /**
     * Creates an applier.
     *
     * @param target the target cluster; not null
     * @param mapping where source namespaces go on the target; not null
     */
    public DdlApplier(MongoClient target, NamespaceMapping mapping) {
        this.target = Objects.requireNonNull(target, "target");
        this.mapping = Objects.requireNonNull(mapping, "mapping");
    }

    /**
     * Applies one DDL event to the target, or nothing where it is already applied or out of scope
     * (see the class description).
     *
     * @param ddl the event, read from the source; not null
     * @throws DdtException if the target refuses the command
     * @throws ConfigurationException if the mapping cannot express the event on the target
     */
    public void apply(Ddl ddl) {
        Objects.requireNonNull(ddl, "ddl");
        if (ddl instanceof Create create) {
            create(create);
        } else if (ddl instanceof Drop drop) {
            collectionCommand(drop, new BsonDocument(), "drop", Set.of(NAMESPACE_NOT_FOUND));
        } else if (ddl instanceof Rename rename) {
            rename(rename);
        } else if (ddl instanceof CreateIndexes indexes) {
            createIndexes(indexes);
        } else if (ddl instanceof DropIndexes indexes) {
            indexes.names().forEach(name -> collectionCommand(indexes, new BsonDocument("index", new BsonString(name)),
                "dropIndexes", Set.of(NAMESPACE_NOT_FOUND, INDEX_NOT_FOUND)));
        } else if (ddl instanceof CollMod collMod) {
            BsonDocument changes = new ViewPipelines(mapping, collMod.namespace()).options(collMod.changes());
            collectionCommand(collMod, changes, "collMod", Set.of(NAMESPACE_NOT_FOUND, INDEX_NOT_FOUND));
        } else if (ddl instanceof ConvertToCapped capped) {
            collectionCommand(capped, new BsonDocument("size", new BsonInt64(capped.size())), "convertToCapped",
                Set.of(NAMESPACE_NOT_FOUND));
        } else if (ddl instanceof DropDatabase dropDatabase) {
            dropDatabase(dropDatabase);
        }
    }

    private void create(Create create) {
        if (create.isTimeSeries()) {
            createTimeSeries(create);
            return;
        }
        BsonDocument options = create.isView() ? new ViewPipelines(mapping, create.namespace()).options(create.options())
            : create.options();
        collectionCommand(create, options, "create", Set.of(NAMESPACE_EXISTS));
    }

    /** Creates a time-series collection by its own name when its buckets are created. */
    private void createTimeSeries(Create create) {
        String name = create.namespace().collection();
        if (create.isView() || !name.startsWith(BUCKETS_PREFIX)) {
            LOG.debug("{}: the view of a time-series collection comes with its buckets; nothing to apply", create);
            return;
        }
        Namespace collection = Namespace.of(create.database(), name.substring(BUCKETS_PREFIX.length()));
        BsonDocument options = new BsonDocument();
        create.options().forEach((option, value) -> {
            if (TIME_SERIES_OPTIONS.contains(option)) {
                options.append(option, value);
            }
        });
        command(create, collection, "create", options, Set.of(NAMESPACE_EXISTS));
    }

    private void rename(Rename rename) {
        if (!inScope(rename, rename.from()) || !inScope(rename, rename.to())) {
            return;
        }
        Namespace from = mapping.map(rename.from());
        Namespace to = mapping.map(rename.to());
        if (from.equals(to)) {
            LOG.debug("{}: the mapping sends both ends to {}; nothing to rename", rename, to);
            return;
        }
        BsonDocument command = new BsonDocument("renameCollection", new BsonString(from.fullName()))
            .append("to", new BsonString(to.fullName())).append("dropTarget", BsonBoolean.valueOf(rename.dropTarget()));
        run(rename, from, "admin", command, Set.of(NAMESPACE_NOT_FOUND, NAMESPACE_EXISTS));
    }

    private void createIndexes(CreateIndexes indexes) {
        for (BsonDocument spec : indexes.indexes()) {
            BsonDocument index = new BsonDocument();
            spec.forEach((field, value) -> {
                if (!SOURCE_INDEX_FIELDS.contains(field)) {
                    index.append(field, value);
                }
            });
            collectionCommand(indexes, new BsonDocument("indexes", new BsonArray(List.of(index))),
                "createIndexes", Set.of(INDEX_ALREADY_EXISTS, INDEX_OPTIONS_CONFLICT, INDEX_KEY_SPECS_CONFLICT));
        }
    }

    private void dropDatabase(DropDatabase dropDatabase) {
        if (!ReplayScope.isReplayed(dropDatabase.database())) {
            LOG.debug("{}: the server's own database; not replayed", dropDatabase);
            return;
        }
        String database = mapping.mapDatabase(dropDatabase.database());
        try {
            target.getDatabase(database).drop();
            LOG.info("{}: dropped database {} on the target", dropDatabase, database);
        } catch (MongoCommandException e) {
            throw failure(dropDatabase, "dropDatabase of " + database, e);
        }
    }

    /** Runs {@code {name: <target collection>, ...arguments}} for the event's collection, if in scope. */
    private void collectionCommand(Ddl ddl, BsonDocument arguments, String name, Set<Integer> alreadyDone) {
        if (inScope(ddl, ddl.namespace())) {
            command(ddl, ddl.namespace(), name, arguments, alreadyDone);
        }
    }

    private void command(Ddl ddl, Namespace source, String name, BsonDocument arguments, Set<Integer> alreadyDone) {
        Namespace to = mapping.map(source);
        BsonDocument command = new BsonDocument(name, new BsonString(to.collection()));
        command.putAll(arguments);
        run(ddl, to, to.database(), command, alreadyDone);
    }

    private void run(Ddl ddl, Namespace to, String database, BsonDocument command, Set<Integer> alreadyDone) {
        String name = command.getFirstKey();
        try {
            target.getDatabase(database).runCommand(command);
            LOG.info("{}: ran {} on {} on the target", ddl, name, to);
        } catch (MongoCommandException e) {
            if (!alreadyDone.contains(e.getErrorCode())) {
                throw failure(ddl, name + " on " + to, e);
            }
            LOG.debug("{}: already applied on the target ({} on {}: {})", ddl, name, to, ServerErrors.describe(e));
        }
    }

    private static boolean inScope(Ddl ddl, Namespace source) {
        boolean replayed = ReplayScope.isReplayed(source);
        if (!replayed) {
            LOG.debug("{}: {} is the server's own; not replayed", ddl, source);
        }
        return replayed;
    }

    private static RuntimeException failure(Ddl ddl, String what, MongoCommandException e) {
        if (e.hasErrorLabel("RetryableWriteError") || e.hasErrorLabel("TransientTransactionError")) {
            return e;
        }
        return new DdtException("Cannot apply " + ddl + " to the target: " + what + " failed with " + ServerErrors.describe(e)
            + ". Make the target accept it (or change the namespace mapping), then restart from the last checkpoint;"
            + " the event is applied again.", e);
    }
}
