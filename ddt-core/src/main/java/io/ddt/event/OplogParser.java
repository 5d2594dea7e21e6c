package io.ddt.event;

import org.bson.BsonDocument;

import io.ddt.Position;

/**
 * Reads oplog entries, and the operations inside {@code applyOps}, into events. Stateless; the
 * parts of a transaction written in several entries are {@link TransactionAssembler}'s work.
 */
final class OplogParser {

    private OplogParser() {
    }

    /** Reads a whole oplog entry that is not a part of a multi-entry transaction. */
    static ChangeEvent entry(BsonDocument raw) {
        BsonDocument entry = Fields.indexed(raw);
        return operation(entry, header(entry));
    }

    /** Reads the header of an oplog entry: its {@code ts}, {@code wall} and {@code fromMigrate}. */
    static EventHeader header(BsonDocument entry) {
        Position position = Position.of(Fields.timestamp(entry, "ts"));
        return new EventHeader(position, Fields.instant(entry, "wall"), Fields.isTrue(entry, "fromMigrate"), null);
    }

    /**
     * Reads one operation with the header it shares: a top-level entry with its own header, or
     * an operation of an {@code applyOps} with the header of the entry that holds it. The
     * operation's own {@code fromMigrate} adds to the header's.
     */
    static ChangeEvent operation(BsonDocument raw, EventHeader shared) {
        BsonDocument op = Fields.indexed(raw);
        EventHeader header = !shared.fromMigrate() && Fields.isTrue(op, "fromMigrate")
            ? new EventHeader(shared.position(), shared.wallTime(), true, shared.transactionId())
            : shared;
        String kind = Fields.string(op, "op");
        switch (kind) {
            case "i":
                return CrudOps.insert(op, header);
            case "u":
                return CrudOps.update(op, header);
            case "d":
                return CrudOps.delete(op, header);
            case "n":
                return new Noop(header, Noop.OPLOG_NOOP);
            case "c":
                return CommandOps.command(op, header);
            default:
                throw EntryProblem.of("its op is not one of i, u, d, c, n");
        }
    }
}
