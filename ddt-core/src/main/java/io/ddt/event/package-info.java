/**
 * The change-event model: one change on the source, in a form that no longer depends on whether
 * it was read from the oplog or from a change stream.
 *
 * <p>{@link io.ddt.event.ChangeEvent} is sealed. Its kinds:
 * <ul>
 *   <li>{@link io.ddt.event.DocumentChange}: {@link io.ddt.event.Insert},
 *       {@link io.ddt.event.Update}, {@link io.ddt.event.Replace}, {@link io.ddt.event.Delete},
 *       each with a namespace and a document key;</li>
 *   <li>{@link io.ddt.event.Ddl}: {@link io.ddt.event.Create} (collections, views, time series),
 *       {@link io.ddt.event.Drop}, {@link io.ddt.event.Rename},
 *       {@link io.ddt.event.CreateIndexes}, {@link io.ddt.event.DropIndexes},
 *       {@link io.ddt.event.CollMod}, {@link io.ddt.event.ConvertToCapped} and
 *       {@link io.ddt.event.DropDatabase};</li>
 *   <li>{@link io.ddt.event.Transaction}: events that committed together;</li>
 *   <li>{@link io.ddt.event.Noop}: nothing changed, the position moved;</li>
 *   <li>{@link io.ddt.event.Invalidate}: a change stream ended and must be reopened.</li>
 * </ul>
 * Every event has an {@link io.ddt.event.EventHeader}: its {@link io.ddt.Position}, wall time,
 * {@code fromMigrate} flag and transaction id.
 *
 * <p>{@link io.ddt.event.ChangeEvents} reads events from oplog entries and change events;
 * {@link io.ddt.event.TransactionAssembler} joins the oplog entries of a transaction that MongoDB
 * wrote in several parts.
 *
 * <p>Events are immutable values: records whose lists are unmodifiable, and whose documents are
 * those of the entry they were read from, not copies, so that reading stays cheap. Read from a
 * {@link org.bson.RawBsonDocument}, as the streamers read, those documents are immutable too;
 * read from a {@link org.bson.BsonDocument}, and where the parser had to build a document (a
 * key made of {@code o._id}, options without the command's name), they are not, and callers
 * must treat every document of an event as read-only. Their
 * {@code toString()} names the kind, namespace, sizes and position, and never a document's
 * values, so that events can be logged.
 *
 * <p>Types in this package never depend on {@code io.ddt.internal}; the build checks it.
 */
package io.ddt.event;
