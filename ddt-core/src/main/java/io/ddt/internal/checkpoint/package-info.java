/**
 * The checkpoint stores ddt ships: in memory, a file per job, a collection on a MongoDB cluster.
 * Internal: may change at any time; use {@code io.ddt.mongo.CheckpointStores}.
 */
package io.ddt.internal.checkpoint;
