package io.ddt.internal.apply;

import org.bson.BsonDocument;

import com.mongodb.client.model.WriteModel;

import io.ddt.event.Delete;
import io.ddt.event.DocumentChange;
import io.ddt.event.Insert;
import io.ddt.event.Replace;

/**
 * One document change on its way to the target: the write built for it, its key, its place in
 * the stream ({@code seq}, for putting writes of several workers back in source order) and the
 * batch it completes.
 */
record PendingWrite(long seq, WriteKey key, DocumentChange event, WriteModel<BsonDocument> model, BatchTicket ticket) {

    /** True if the write sets the whole document (or removes it), whatever the document was before. */
    boolean fullImage() {
        return event instanceof Insert || event instanceof Replace || event instanceof Delete;
    }

    /** Counts the write as done towards its batch. */
    void done() {
        ticket.done(1);
    }
}
