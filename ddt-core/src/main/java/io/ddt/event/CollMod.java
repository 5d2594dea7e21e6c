package io.ddt.event;

import java.util.Objects;

import org.bson.BsonDocument;
import org.bson.BsonValue;

import io.ddt.Namespace;

/**
 * A collection's or view's options were changed: the {@code collMod} command as the source
 * wrote it, without the {@code collMod} field itself. From the oplog or a change stream's
 * {@code modify} event:
 * <ul>
 *   <li>collection options: {@code validator}, {@code validationLevel},
 *       {@code validationAction}, {@code expireAfterSeconds} (clustered and time-series
 *       collections), {@code changeStreamPreAndPostImages}, {@code timeseries} granularity;</li>
 *   <li>an index change under {@code index}: the index by {@code name} or {@code keyPattern},
 *       and {@code expireAfterSeconds}, {@code hidden}, {@code prepareUnique}, {@code unique}
 *       or {@code forceNonUnique};</li>
 *   <li>a view's new {@code viewOn} and {@code pipeline} (written in the oplog as a replacement
 *       of its {@code system.views} document, which {@code ChangeEvents} turns into this
 *       event).</li>
 * </ul>
 *
 * <p>Immutable and thread-safe. {@link #toString()} shows the names of the changed options,
 * never their values.
 *
 * @param header the event's position, wall time and flags; not null
 * @param namespace the collection or view; not null
 * @param changes the changed options; not null
 */
public record CollMod(EventHeader header, Namespace namespace, BsonDocument changes) implements Ddl {

    /**
     * Checks the arguments.
     *
     * @throws NullPointerException if an argument is null
     */
    public CollMod {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(changes, "changes");
    }

    /**
     * Returns the index change, {@code changes.index}.
     *
     * @return the index change, or {@code null} when the command changes no index
     */
    public BsonDocument indexChange() {
        BsonValue index = changes.get("index");
        return index != null && index.isDocument() ? index.asDocument() : null;
    }

    /**
     * Returns the kind, namespace, the names of the changed options, and the header.
     *
     * @return the text, without option values
     */
    @Override
    public String toString() {
        return "CollMod[" + namespace + ", " + EventText.names(changes.keySet().stream().toList()) + ", " + header + "]";
    }
}
