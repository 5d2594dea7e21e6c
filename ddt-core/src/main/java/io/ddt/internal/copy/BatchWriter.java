package io.ddt.internal.copy;

import java.util.List;
import java.util.Set;

import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReplaceOptions;

import io.ddt.CopySettings;
import io.ddt.DdtException;
import io.ddt.DocumentRejectedException;
import io.ddt.internal.ServerErrors;
import io.ddt.spi.CopyListener;

/**
 * Writes one batch of raw documents to the target with an unordered {@code insertMany}. A
 * document that meets one with the same {@code _id} (a resumed or repeated copy, a merge) is
 * written again as a replace, so the target ends exact; one the target refuses (validator, size)
 * follows the reject policy. Documents stay raw bytes all the way: never decoded or re-encoded.
 */
final class BatchWriter {

    private static final Logger LOG = LoggerFactory.getLogger(BatchWriter.class);
    private static final int DUPLICATE_KEY = 11000;
    private static final Set<Integer> REJECTED = Set.of(121, 10334, 17280);

    private final CopySettings settings;
    private final CopyListener listener;

    BatchWriter(CopySettings settings, CopyListener listener) {
        this.settings = settings;
        this.listener = listener;
    }

    void write(String namespace, MongoCollection<RawBsonDocument> target, List<RawBsonDocument> batch) {
        try {
            target.insertMany(batch, new InsertManyOptions().ordered(false)
                .bypassDocumentValidation(settings.bypassDocumentValidation()));
        } catch (MongoBulkWriteException e) {
            if (e.getWriteConcernError() != null && e.getWriteErrors().isEmpty()) {
                throw e;
            }
            for (BulkWriteError error : e.getWriteErrors()) {
                handle(namespace, target, batch.get(error.getIndex()), error.getCode(), ServerErrors.withoutValues(error.getMessage()));
            }
        }
    }

    private void handle(String namespace, MongoCollection<RawBsonDocument> target, RawBsonDocument document, int code,
                        String message) {
        BsonValue id = document.get("_id");
        if (code == DUPLICATE_KEY) {
            replace(namespace, target, document, id);
        } else if (REJECTED.contains(code)) {
            reject(namespace, id, message);
        } else {
            throw new DdtException("the target refused a document of " + namespace + " with error " + code + ": " + message);
        }
    }

    private void replace(String namespace, MongoCollection<RawBsonDocument> target, RawBsonDocument document, BsonValue id) {
        try {
            target.replaceOne(new BsonDocument("_id", id), document,
                new ReplaceOptions().upsert(true).bypassDocumentValidation(settings.bypassDocumentValidation()));
        } catch (MongoWriteException e) {
            reject(namespace, id, ServerErrors.withoutValues(e.getError().getMessage()));
        }
    }

    private void reject(String namespace, BsonValue id, String reason) {
        if (settings.rejectPolicy() == CopySettings.RejectPolicy.FAIL) {
            throw new DocumentRejectedException(io.ddt.Namespace.parse(namespace), id, reason);
        }
        LOG.warn("target refused a document of {}, skipped as the reject policy says: {}", namespace, reason);
        listener.documentRejected(namespace, id, reason);
    }
}
