package io.ddt.examples.bench;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Random;

import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonObjectId;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;
import org.bson.types.ObjectId;

/**
 * The documents of {@code full-copy}: orders of about 1 KB with a nested customer and address,
 * an array of line items, tags, a date and a free-text note: about 30 values, most of the bytes
 * in the note. (A fake cluster spends over 100 bytes of heap on each value: with 40 values a
 * document took 6 KB there, with these 4.7 KB, plus the 1 KB of bytes its {@code _id} index
 * keeps, and a million of them must fit in two fakes.) Each is a pure function of its
 * collection's {@code _id} kind and its index, so the harness can rebuild any of them (to
 * verify a sample) without keeping them. Stateless and thread-safe.
 */
final class CopyDocuments {

    /** The kind of {@code _id} a collection uses. */
    enum IdKind {
        INT, OBJECT_ID, STRING, MIXED;

        /** The collections cycle through the kinds, so that any four hold every one and one holds them mixed. */
        static IdKind of(int collection) {
            return values()[collection % values().length];
        }
    }

    static final int TARGET_BYTES = 1024;

    private static final BsonDocumentCodec CODEC = new BsonDocumentCodec();
    private static final List<String> WORDS = List.of("parcel", "north", "ledger", "amber", "quiet", "rapid", "copper",
        "harbor", "maple", "signal", "tundra", "velvet", "orbit", "cedar", "pixel", "meadow");
    private static final List<String> STATUSES = List.of("new", "paid", "packed", "shipped", "delivered");
    private static final long EPOCH_MILLIS = 1_700_000_000_000L;

    private CopyDocuments() {
    }

    /** The {@code _id} of document {@code index} of a collection of that kind. */
    static BsonValue id(IdKind kind, long index) {
        switch (kind) {
            case INT: return new BsonInt32((int) index);
            case OBJECT_ID: return new BsonObjectId(objectId(index));
            case STRING: return new BsonString(String.format("order-%09d", index));
            default: return id(IdKind.values()[(int) (index % 3)], index);
        }
    }

    /** Document {@code index} of a collection of that kind, about {@link #TARGET_BYTES} long. */
    static RawBsonDocument document(IdKind kind, long index) {
        Random random = new Random(kind.ordinal() * 1_000_003L + index);
        BsonDocument document = new BsonDocument("_id", id(kind, index)).append("seq", new BsonInt64(index))
            .append("createdAt", new BsonDateTime(EPOCH_MILLIS + index * 1000 + random.nextInt(1000)))
            .append("status", new BsonString(STATUSES.get(random.nextInt(STATUSES.size()))))
            .append("customer", customer(random, index))
            .append("items", items(random))
            .append("tags", tags(random))
            .append("total", new BsonDouble(Math.round(random.nextDouble() * 100_000) / 100.0))
            .append("gift", BsonBoolean.valueOf(random.nextBoolean()));
        int size = new RawBsonDocument(document, CODEC).getByteBuffer().remaining();
        // 7 bytes of element header for "notes" plus 4 of length and 1 of terminator
        int pad = Math.max(0, TARGET_BYTES - size - 12 + random.nextInt(81) - 40);
        document.append("notes", new BsonString(words(random, pad)));
        return new RawBsonDocument(document, CODEC);
    }

    private static ObjectId objectId(long index) {
        ByteBuffer bytes = ByteBuffer.allocate(12);
        bytes.putInt((int) (EPOCH_MILLIS / 1000 + index / 1000));
        bytes.putLong(index);
        return new ObjectId(bytes.array());
    }

    private static BsonDocument customer(Random random, long index) {
        long customer = index % 50_000;
        return new BsonDocument("name", new BsonString(word(random) + " " + word(random) + " " + customer))
            .append("email", new BsonString("customer" + customer + "@" + word(random) + ".example"))
            .append("address", new BsonDocument("street", new BsonString(random.nextInt(999) + " " + word(random) + " street"))
                .append("city", new BsonString(word(random) + "ville"))
                .append("zip", new BsonString(String.format("%05d", random.nextInt(100_000))))
                .append("country", new BsonString(random.nextBoolean() ? "DE" : "FR")));
    }

    private static BsonArray items(Random random) {
        BsonArray items = new BsonArray();
        for (int i = 0; i < 2; i++) {
            items.add(new BsonDocument("sku", new BsonString("SKU-" + random.nextInt(100_000)))
                .append("qty", new BsonInt32(1 + random.nextInt(5)))
                .append("price", new BsonDouble(random.nextInt(100_000) / 100.0)));
        }
        return items;
    }

    private static BsonArray tags(Random random) {
        BsonArray tags = new BsonArray();
        for (int i = 0; i < 4; i++) {
            tags.add(new BsonString(word(random)));
        }
        return tags;
    }

    private static String words(Random random, int length) {
        StringBuilder text = new StringBuilder(length + 8);
        while (text.length() < length) {
            text.append(word(random)).append(' ');
        }
        text.setLength(length);
        return text.toString();
    }

    private static String word(Random random) {
        return WORDS.get(random.nextInt(WORDS.size()));
    }
}
