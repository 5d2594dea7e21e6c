/**
 * Applying change events to the target. Each document change becomes one idempotent write
 * ({@link io.ddt.internal.apply.DocumentWrites}) and each DDL command runs through the namespace
 * mapping ({@link io.ddt.internal.apply.DdlApplier}). The engine behind
 * {@code io.ddt.mongo.MongoChangeApplier}: a dispatcher thread that routes events to workers by
 * namespace and {@code _id} and runs barriers alone, workers that write ordered bulk writes, the
 * serial retry of duplicate keys, and the tracker that turns applied batches into a watermark.
 * Internal: may change at any time.
 */
package io.ddt.internal.apply;
