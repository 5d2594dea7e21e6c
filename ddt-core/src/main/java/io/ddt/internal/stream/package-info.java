/**
 * The MongoDB oplog streamers: tailing {@code local.oplog.rs} and reading change streams, each
 * into batches of {@code io.ddt.event.ChangeEvent}s, with namespace filters pushed to the server,
 * transient errors ridden through and lost history detected. Internal: may change at any time;
 * use {@code io.ddt.mongo.MongoOplogStreamer} and {@code io.ddt.mongo.ChangeStreamStreamer}.
 */
package io.ddt.internal.stream;
