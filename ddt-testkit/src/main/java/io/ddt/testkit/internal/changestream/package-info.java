/**
 * Internal: turns oplog entries in the MongoDB 7.0 format into the change events, resume tokens
 * and transaction grouping that a 7.0 server's {@code $changeStream} stage produces, so that the
 * fake cluster can serve change streams. Not a public API; it may change at any time.
 *
 * <p>Entry points: {@link io.ddt.testkit.internal.changestream.ChangeEventStream} (feed entries
 * in order, get the events that became visible), built from
 * {@link io.ddt.testkit.internal.changestream.ChangeEventBuilder} (pure, one entry or one
 * committed transaction at a time) and
 * {@link io.ddt.testkit.internal.changestream.TransactionAssembler}; and
 * {@link io.ddt.testkit.internal.changestream.ResumeToken} for tokens.
 */
package io.ddt.testkit.internal.changestream;
