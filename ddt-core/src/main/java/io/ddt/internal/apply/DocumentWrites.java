package io.ddt.internal.apply;

import java.util.List;

import org.bson.BsonDocument;

import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;

import io.ddt.DdtException;
import io.ddt.UnreadableEventException;
import io.ddt.event.Delete;
import io.ddt.event.DocumentChange;
import io.ddt.event.Insert;
import io.ddt.event.Replace;
import io.ddt.event.Update;

/**
 * Turns a change to one document into the write that makes the same change on the target, such
 * that applying it again, or applying it over a later version of the document (a restart from
 * an older checkpoint, a replay over a document the full copy read later), ends where the
 * source ended:
 * <ul>
 *   <li>{@link Insert} and {@link Replace}: replace the whole document, with upsert;</li>
 *   <li>{@link Delete}: delete the document; one already gone is no error;</li>
 *   <li>{@link Update}: update the document, never with upsert, so a missing document stays
 *       missing instead of becoming a partial one. A {@code $v:2} diff or a change stream's
 *       update description is written as {@code $set}/{@code $unset} where that is exact, and
 *       otherwise as an update pipeline that applies it as the server's diff applier does (field
 *       order, array truncation and padding, field names with dots or a leading {@code $});
 *       a {@code $v:1} modifier update is written as given, or as a pipeline where its paths
 *       hold {@code $}-prefixed names.</li>
 * </ul>
 * Every write filters on the document key exactly as the source gave it, shard key included.
 * The write does not name a collection: the caller sends it to the change's target collection,
 * through the namespace mapping. Pipelines need MongoDB 5.0 or later on the target.
 *
 * <p>Stateless and thread-safe. The write shares the event's documents; neither may be changed
 * while the other is in use.
 */
public final class DocumentWrites {

    private DocumentWrites() {
    }

    /**
     * Returns the target write for a change.
     *
     * @param change the change, read from the source; not null
     * @return the write for the change's document
     * @throws UnreadableEventException if the change's update is malformed (a diff the server
     *     would refuse, two changes of one path); the message names the event, never its values
     * @throws DdtException if the update cannot be written as a target update at all: a
     *     {@code $v:2} diff with binary changes, which MongoDB writes only for time-series buckets
     */
    public static WriteModel<BsonDocument> of(DocumentChange change) {
        BsonDocument filter = change.documentKey();
        if (change instanceof Insert insert) {
            return replacement(filter, insert.document());
        }
        if (change instanceof Replace replace) {
            return replacement(filter, replace.document());
        }
        if (change instanceof Delete) {
            return new DeleteOneModel<>(filter);
        }
        try {
            return UpdateWrites.of((Update) change, filter);
        } catch (DiffEdits.BinaryDiffException e) {
            throw new DdtException("Cannot replay " + change + " on the target: " + e.getMessage()
                + ". Leave time-series buckets (system.buckets.*) out of the replay.", e);
        } catch (IllegalArgumentException e) {
            throw new UnreadableEventException("Cannot turn " + change + " into a target write: its update is malformed ("
                + e.getMessage() + "). Check that the entry came from a MongoDB server unchanged.", e);
        }
    }

    /**
     * Replaces the document, or inserts it. A document with a top-level {@code $}-prefixed name
     * cannot be a replacement (the driver and the server refuse it), so it is written by a
     * pipeline that replaces the root with it.
     */
    private static WriteModel<BsonDocument> replacement(BsonDocument filter, BsonDocument document) {
        boolean dollarNames = document.keySet().stream().anyMatch(name -> name.startsWith("$"));
        if (!dollarNames) {
            return new ReplaceOneModel<>(filter, document, new ReplaceOptions().upsert(true));
        }
        List<BsonDocument> pipeline = List.of(new BsonDocument("$replaceWith", Expressions.literal(document)));
        return new UpdateOneModel<>(filter, pipeline, new UpdateOptions().upsert(true));
    }
}
