/**
 * The MongoDB change applier: a dispatcher thread that routes events to workers by namespace and
 * {@code _id} and runs barriers alone, workers that write ordered bulk writes, the serial retry of
 * duplicate keys, and the tracker that turns applied batches into a watermark. Internal: may
 * change at any time; use {@code io.ddt.mongo.MongoChangeApplier}.
 */
package io.ddt.internal.apply;
