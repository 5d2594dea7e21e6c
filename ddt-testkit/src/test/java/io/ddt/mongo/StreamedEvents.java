package io.ddt.mongo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

import io.ddt.Position;
import io.ddt.event.ChangeEvent;
import io.ddt.event.CreateIndexes;
import io.ddt.event.Ddl;
import io.ddt.event.DocumentChange;
import io.ddt.event.DropDatabase;
import io.ddt.event.DropIndexes;
import io.ddt.event.Rename;
import io.ddt.event.Transaction;
import io.ddt.spi.EventBatch;
import io.ddt.spi.EventStream;

/** Reads streams in tests, and describes events in a line each, so runs can be compared. */
final class StreamedEvents {

    private static final JsonWriterSettings RELAXED = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();

    final List<EventBatch> batches = new ArrayList<>();

    /** Reads batches until {@code done} holds for the events read, the stream ends, or {@code time} passes. */
    static StreamedEvents read(EventStream stream, Predicate<List<ChangeEvent>> done, Duration time)
        throws InterruptedException {
        StreamedEvents read = new StreamedEvents();
        long deadline = System.nanoTime() + time.toNanos();
        while (System.nanoTime() < deadline) {
            EventBatch batch = stream.next(Duration.ofMillis(100));
            read.batches.add(batch);
            if (batch.last() || done.test(read.events())) {
                break;
            }
        }
        return read;
    }

    /** Reads until the stream's last batch. */
    static StreamedEvents readToEnd(EventStream stream) throws InterruptedException {
        return read(stream, events -> false, Duration.ofSeconds(10));
    }

    List<ChangeEvent> events() {
        return batches.stream().flatMap(b -> b.events().stream()).toList();
    }

    List<String> described() {
        return describe(events());
    }

    Position lastPosition() {
        return batches.get(batches.size() - 1).position();
    }

    boolean ended() {
        return !batches.isEmpty() && batches.get(batches.size() - 1).last();
    }

    static List<String> describe(List<ChangeEvent> events) {
        return events.stream().map(StreamedEvents::describe).toList();
    }

    static String describe(ChangeEvent event) {
        String kind = event.getClass().getSimpleName().toLowerCase();
        if (event instanceof Transaction transaction) {
            return transaction.events().stream().map(StreamedEvents::describe).collect(Collectors.joining(", ", "txn[", "]"));
        }
        if (event instanceof DocumentChange change) {
            return kind + " " + change.namespace() + " " + change.id().toString().replaceAll("Bson\\w+\\{value=(.*)}", "$1");
        }
        if (event instanceof Rename rename) {
            return "rename " + rename.from() + " -> " + rename.to();
        }
        if (event instanceof DropDatabase drop) {
            return "dropdatabase " + drop.database();
        }
        if (event instanceof CreateIndexes create) {
            return "createindexes " + create.namespace() + " "
                + create.indexes().stream().map(i -> i.getString("name").getValue()).toList();
        }
        if (event instanceof DropIndexes drop) {
            return "dropindexes " + drop.namespace() + " " + drop.names();
        }
        if (event instanceof Ddl ddl) {
            return kind + " " + ddl.namespace();
        }
        return kind;
    }

    static String json(org.bson.BsonDocument document) {
        return document.toJson(RELAXED);
    }
}
