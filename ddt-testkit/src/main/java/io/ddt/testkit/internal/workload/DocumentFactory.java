package io.ddt.testkit.internal.workload;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bson.BsonArray;
import org.bson.BsonBinary;
import org.bson.BsonBoolean;
import org.bson.BsonDateTime;
import org.bson.BsonDecimal128;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonNull;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;
import org.bson.types.Decimal128;

/**
 * Makes documents and field values from the workload's random source.
 *
 * <p>Every document has the core fields that the update kinds rely on keeping their type
 * ({@code counter} int32, {@code big} int64, {@code ratio} double, {@code meta} a document,
 * {@code tags}, {@code nums} and {@code items} arrays); optional fields are added while they fit,
 * and a {@code pad} string brings the encoded size to a target drawn from the configured range.
 * Not thread-safe.
 */
final class DocumentFactory {

    /** Smallest document size the factory accepts as a minimum: room for any id and the core fields. */
    static final int MIN_DOCUMENT_SIZE = 256;

    private static final String[] WORDS = {
        "alpha", "beta", "gamma", "délta", "naïve", "zürich", "mañana", "日本語", "Ελληνικά",
        "русский", "emoji😀", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "北京", "café", "straße", "omega"
    };
    /** Type byte, "pad" and its terminator, string length and terminator. */
    private static final int PAD_OVERHEAD = 1 + 4 + 4 + 1;
    /** 2020-09-13, and dates up to ten years later: plausible, and the same in every run. */
    private static final long DATE_BASE = 1_600_000_000_000L;
    private static final int TEN_YEARS_SECONDS = 315_576_000;
    private static final BsonDocumentCodec CODEC = new BsonDocumentCodec();

    private final Random random;
    private final int minSize;
    private final int maxSize;

    DocumentFactory(Random random, int minSize, int maxSize) {
        this.random = random;
        this.minSize = minSize;
        this.maxSize = maxSize;
    }

    /** Returns a new document with this id, its encoded size within the configured range. */
    BsonDocument document(BsonValue id) {
        int target = minSize + random.nextInt(maxSize - minSize + 1);
        BsonDocument doc = new BsonDocument("_id", id);
        doc.putAll(coreFields());
        int size = encodedSize(doc);
        for (BsonDocument extra : extras()) {
            int extraSize = encodedSize(extra) - 5;
            if (size + extraSize + PAD_OVERHEAD <= target) {
                doc.putAll(extra);
                size += extraSize;
            }
        }
        doc.put("pad", new BsonString(filler(target - size - PAD_OVERHEAD)));
        return doc;
    }

    /** Returns the fields every document has, without {@code _id}: what an upsert sets on insert. */
    BsonDocument coreFields() {
        return new BsonDocument("counter", new BsonInt32(random.nextInt(1000)))
            .append("big", new BsonInt64(random.nextLong() >> 20))
            .append("ratio", new BsonDouble(random.nextDouble() * 100))
            .append("meta", new BsonDocument("ver", new BsonInt32(1)))
            .append("tags", new BsonArray(List.of(new BsonString(word()))))
            .append("nums", intArray(3 + random.nextInt(3)))
            .append("items", new BsonArray());
    }

    /** Returns a value of a BSON type drawn at random, sometimes a document or an array. */
    BsonValue anyValue() {
        return switch (random.nextInt(12)) {
            case 0 -> new BsonInt32(random.nextInt());
            case 1 -> new BsonInt64(random.nextLong());
            case 2 -> new BsonDouble(random.nextGaussian() * 1e6);
            case 3 -> decimal();
            case 4 -> new BsonString(word() + " " + word());
            case 5 -> date();
            case 6 -> BsonBoolean.valueOf(random.nextBoolean());
            case 7 -> BsonNull.VALUE;
            case 8 -> binary(8 + random.nextInt(24));
            case 9 -> new BsonDocument("x", new BsonInt32(random.nextInt(100))).append("y", new BsonString(word()));
            case 10 -> intArray(random.nextInt(4));
            default -> new BsonString(word());
        };
    }

    /** Returns a sub-document for the {@code items} array. */
    BsonDocument item() {
        return new BsonDocument("sku", new BsonString("sku-" + random.nextInt(10_000)))
            .append("qty", new BsonInt32(random.nextInt(10)))
            .append("price", decimal());
    }

    /** Returns one of a small set of words, several of them outside ASCII. */
    String word() {
        return WORDS[random.nextInt(WORDS.length)];
    }

    /** Returns a number of a numeric BSON type drawn at random: int32, int64 or double. */
    BsonValue number() {
        return switch (random.nextInt(3)) {
            case 0 -> new BsonInt32(random.nextInt(2000) - 1000);
            case 1 -> new BsonInt64(random.nextInt(2000) - 1000L);
            default -> new BsonDouble(random.nextInt(200_000) / 100.0 - 1000);
        };
    }

    BsonValue decimal() {
        return new BsonDecimal128(new Decimal128(new BigDecimal(BigInteger.valueOf(random.nextInt(1_000_000)), 2)));
    }

    BsonValue date() {
        return new BsonDateTime(DATE_BASE + random.nextInt(TEN_YEARS_SECONDS) * 1000L);
    }

    private List<BsonDocument> extras() {
        List<BsonDocument> extras = new ArrayList<>(List.of(
            new BsonDocument("name", new BsonString(word() + " " + word())),
            new BsonDocument("price", decimal()),
            new BsonDocument("flag", BsonBoolean.valueOf(random.nextBoolean())),
            new BsonDocument("nothing", BsonNull.VALUE),
            new BsonDocument("at", date()),
            new BsonDocument("bin", binary(16)),
            new BsonDocument("label", anyValue()),
            new BsonDocument("nested", nested()),
            new BsonDocument("moreTags", new BsonArray(List.of(new BsonString(word()), new BsonString(word())))),
            new BsonDocument("shelf", new BsonArray(List.of(item(), item())))));
        for (int i = extras.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            extras.set(i, extras.set(j, extras.get(i)));
        }
        return extras;
    }

    private BsonDocument nested() {
        return new BsonDocument("level", new BsonInt32(1))
            .append("inner", new BsonDocument("deep", new BsonDocument("value", number())).append("when", date()));
    }

    private BsonArray intArray(int length) {
        BsonArray array = new BsonArray();
        for (int i = 0; i < length; i++) {
            array.add(new BsonInt32(random.nextInt(100)));
        }
        return array;
    }

    private BsonBinary binary(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return new BsonBinary(bytes);
    }

    /** ASCII filler, so that its length in bytes is its length in chars. */
    private String filler(int length) {
        StringBuilder text = new StringBuilder(length);
        int offset = random.nextInt(26);
        for (int i = 0; i < length; i++) {
            text.append((char) ('a' + (offset + i) % 26));
        }
        return text.toString();
    }

    static int encodedSize(BsonDocument doc) {
        return new RawBsonDocument(doc, CODEC).getByteBuffer().remaining();
    }
}
