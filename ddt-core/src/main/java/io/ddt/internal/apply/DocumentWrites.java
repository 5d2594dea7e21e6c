package io.ddt.internal.apply;

import org.bson.BsonDocument;

import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;

import io.ddt.event.Delete;
import io.ddt.event.DocumentChange;
import io.ddt.event.Insert;
import io.ddt.event.Replace;
import io.ddt.event.Update;
import io.ddt.event.UpdateSpec;

/** TEMP stand-in: the idempotent write for one document change, on its already-mapped target collection. */
public final class DocumentWrites {

    private DocumentWrites() {
    }

    public static WriteModel<BsonDocument> of(DocumentChange change) {
        if (change instanceof Insert insert) {
            return new ReplaceOneModel<>(insert.documentKey(), insert.document(), new ReplaceOptions().upsert(true));
        }
        if (change instanceof Replace replace) {
            return new ReplaceOneModel<>(replace.documentKey(), replace.document(), new ReplaceOptions().upsert(true));
        }
        if (change instanceof Delete delete) {
            return new DeleteOneModel<>(delete.documentKey());
        }
        Update update = (Update) change;
        if (update.spec() instanceof UpdateSpec.Modifiers modifiers) {
            return new UpdateOneModel<>(update.documentKey(), modifiers.update());
        }
        throw new UnsupportedOperationException("stand-in handles modifier updates only");
    }
}
