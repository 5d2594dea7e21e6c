package io.ddt.internal.copy;

import org.bson.BsonDocument;

import io.ddt.Namespace;

/**
 * A collection or view selected on the source, with where it goes on the target.
 *
 * @param source the source namespace
 * @param target the mapped target namespace
 * @param type {@code collection}, {@code view} or {@code timeseries}, as listCollections says
 * @param options the creation options as listCollections reports them
 */
record SourceCollection(Namespace source, Namespace target, String type, BsonDocument options) {

    boolean isView() {
        return type.equals("view");
    }
}
