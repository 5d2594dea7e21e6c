package io.ddt.testkit.internal.workload;

import io.ddt.testkit.Workload.IdKind;
import java.util.Random;
import org.bson.BsonBinary;
import org.bson.BsonBinarySubType;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonObjectId;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.types.ObjectId;

/**
 * Makes new {@code _id}s from the workload's random source and a per-namespace counter.
 *
 * <p>Ids are unique by construction: each type lives in its own range, so ids of different types
 * never compare equal on the server (an int32 5 and an int64 5 would). ObjectIds come from the
 * random source, not the clock, so that two runs with the same seed produce the same ids.
 * Not thread-safe.
 */
final class IdFactory {

    /** Seconds of 2023-11-14: ObjectIds look recent but do not depend on when the test runs. */
    private static final int OBJECT_ID_EPOCH = 1_700_000_000;
    private static final long INT64_BASE = 1L << 40;
    private static final IdKind[] MIXED = {
        IdKind.OBJECT_ID, IdKind.INT32, IdKind.INT64, IdKind.STRING, IdKind.DOCUMENT
    };
    private static final String[] STRING_PREFIXES = {"doc-", "ключ-", "キー", "clé-", "id😀-"};

    private final IdKind kind;
    private final Random random;
    private final long[] counters;

    IdFactory(IdKind kind, Random random, int namespaces) {
        this.kind = kind;
        this.random = random;
        this.counters = new long[namespaces];
    }

    /** Returns an id never returned before for this namespace. */
    BsonValue next(int namespace) {
        long n = ++counters[namespace];
        IdKind chosen = kind == IdKind.MIXED ? mixedKind() : kind;
        return switch (chosen) {
            case OBJECT_ID -> objectId(n);
            case INT32 -> new BsonInt32(Math.toIntExact(n));
            case INT64 -> new BsonInt64(INT64_BASE + n);
            case STRING -> new BsonString(STRING_PREFIXES[random.nextInt(STRING_PREFIXES.length)] + n);
            case DOCUMENT -> new BsonDocument("tenant", new BsonString("t" + n % 7)).append("n", new BsonInt64(n));
            case DOUBLE -> new BsonDouble(n + 0.5);
            case UUID -> uuid(n);
            case MIXED -> throw new AssertionError("mixed is resolved above");
        };
    }

    private IdKind mixedKind() {
        int pick = random.nextInt(MIXED.length + 2);
        if (pick < MIXED.length) {
            return MIXED[pick];
        }
        return pick == MIXED.length ? IdKind.DOUBLE : IdKind.UUID;
    }

    private BsonValue objectId(long n) {
        byte[] bytes = new byte[12];
        random.nextBytes(bytes);
        putInt(bytes, 0, OBJECT_ID_EPOCH + (int) (n / 64));
        putInt(bytes, 8, (int) n);
        return new BsonObjectId(new ObjectId(bytes));
    }

    private BsonValue uuid(long n) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        putInt(bytes, 0, (int) n);
        putInt(bytes, 4, (int) (n >>> 32));
        bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x40);
        bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80);
        return new BsonBinary(BsonBinarySubType.UUID_STANDARD, bytes);
    }

    private static void putInt(byte[] bytes, int at, int value) {
        bytes[at] = (byte) (value >>> 24);
        bytes[at + 1] = (byte) (value >>> 16);
        bytes[at + 2] = (byte) (value >>> 8);
        bytes[at + 3] = (byte) value;
    }
}
