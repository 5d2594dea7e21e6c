package io.ddt.mongo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonTimestamp;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;

import io.ddt.Namespace;
import io.ddt.Position;
import io.ddt.event.ChangeEvent;
import io.ddt.event.Create;
import io.ddt.event.Delete;
import io.ddt.event.Drop;
import io.ddt.event.EventHeader;
import io.ddt.event.Insert;
import io.ddt.event.Noop;
import io.ddt.event.Rename;
import io.ddt.event.Replace;
import io.ddt.event.Transaction;
import io.ddt.event.Update;
import io.ddt.event.UpdateSpec;
import io.ddt.spi.EventBatch;

/**
 * Change events written by hand for applier tests, each at the next position of one source
 * history, with the wall time of now. Not thread-safe.
 */
final class ChangeScript {

    private static final BsonDocumentCodec CODEC = new BsonDocumentCodec();

    private int seconds = 1_700_000_000;
    private int increment;

    Position nextPosition() {
        increment++;
        if (increment > 1000) {
            seconds++;
            increment = 1;
        }
        return Position.of(new BsonTimestamp(seconds, increment));
    }

    EventHeader header() {
        return new EventHeader(nextPosition(), Instant.now(), false, null);
    }

    static BsonDocument key(BsonValue id) {
        return new BsonDocument("_id", id);
    }

    static BsonDocument key(int id) {
        return key(new BsonInt32(id));
    }

    Insert insert(Namespace ns, BsonDocument document) {
        return new Insert(header(), ns, key(document.get("_id")), document);
    }

    Replace replace(Namespace ns, BsonDocument document) {
        return new Replace(header(), ns, key(document.get("_id")), document);
    }

    Update set(Namespace ns, BsonValue id, BsonDocument fields) {
        return new Update(header(), ns, key(id), new UpdateSpec.Modifiers(new BsonDocument("$set", fields)));
    }

    Delete delete(Namespace ns, BsonValue id) {
        return new Delete(header(), ns, key(id));
    }

    Create create(Namespace ns) {
        return new Create(header(), ns, new BsonDocument());
    }

    Drop drop(Namespace ns) {
        return new Drop(header(), ns);
    }

    Rename rename(Namespace from, Namespace to) {
        return new Rename(header(), from, to, true);
    }

    Noop noop() {
        return new Noop(header(), Noop.OPLOG_NOOP);
    }

    /** A transaction of the given events, all moved to the commit's position. */
    Transaction transaction(List<ChangeEvent> events) {
        EventHeader commit = header();
        List<ChangeEvent> inside = new ArrayList<>();
        for (ChangeEvent event : events) {
            inside.add(at(event, commit));
        }
        return new Transaction(commit, inside);
    }

    private static ChangeEvent at(ChangeEvent event, EventHeader header) {
        if (event instanceof Insert e) {
            return new Insert(header, e.namespace(), e.documentKey(), e.document());
        }
        if (event instanceof Update e) {
            return new Update(header, e.namespace(), e.documentKey(), e.spec());
        }
        if (event instanceof Replace e) {
            return new Replace(header, e.namespace(), e.documentKey(), e.document());
        }
        if (event instanceof Delete e) {
            return new Delete(header, e.namespace(), e.documentKey());
        }
        throw new IllegalArgumentException("not a document change: " + event);
    }

    /** A batch of the events, positioned at the last one (or a new position if empty), sized by their documents. */
    EventBatch batch(List<? extends ChangeEvent> events) {
        Position position = events.isEmpty() ? nextPosition() : events.get(events.size() - 1).position();
        return new EventBatch(List.copyOf(events), position, bytes(events), false);
    }

    EventBatch batch(ChangeEvent... events) {
        return batch(List.of(events));
    }

    /** Splits events into batches of {@code size}. */
    List<EventBatch> batches(List<? extends ChangeEvent> events, int size) {
        List<EventBatch> batches = new ArrayList<>();
        for (int i = 0; i < events.size(); i += size) {
            batches.add(batch(events.subList(i, Math.min(events.size(), i + size))));
        }
        return batches;
    }

    static long bytes(List<? extends ChangeEvent> events) {
        long bytes = 0;
        for (ChangeEvent event : events) {
            bytes += 64;
            if (event instanceof Insert e) {
                bytes += size(e.document());
            } else if (event instanceof Replace e) {
                bytes += size(e.document());
            } else if (event instanceof Update e && e.spec() instanceof UpdateSpec.Modifiers m) {
                bytes += size(m.update());
            }
        }
        return bytes;
    }

    private static int size(BsonDocument document) {
        return new RawBsonDocument(document, CODEC).getByteBuffer().remaining();
    }
}
