package io.ddt.internal.apply;

import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoClient;

import io.ddt.Namespace;
import io.ddt.NamespaceMapping;
import io.ddt.event.Create;
import io.ddt.event.Ddl;
import io.ddt.event.Drop;

/** TEMP stand-in: runs one DDL event on the target, through the mapping, idempotently. */
public final class DdlApplier {

    private static final int NAMESPACE_EXISTS = 48;

    private final MongoClient target;
    private final NamespaceMapping mapping;

    public DdlApplier(MongoClient target, NamespaceMapping mapping) {
        this.target = target;
        this.mapping = mapping;
    }

    public void apply(Ddl ddl) {
        Namespace namespace = mapping.map(ddl.namespace());
        if (ddl instanceof Create) {
            try {
                target.getDatabase(namespace.database()).createCollection(namespace.collection());
            } catch (MongoCommandException e) {
                if (e.getErrorCode() != NAMESPACE_EXISTS) {
                    throw e;
                }
            }
        } else if (ddl instanceof Drop) {
            target.getDatabase(namespace.database()).getCollection(namespace.collection()).drop();
        } else {
            throw new UnsupportedOperationException("stand-in handles create and drop only");
        }
    }
}
