package io.ddt.internal.copy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;

import org.bson.BsonValue;

/**
 * Orders sampled {@code _id}s of one split bracket as MongoDB sorts them: numbers by value
 * whatever their type, strings by their UTF-8 bytes (the simple collation), ObjectIds by their
 * bytes, dates by time. NaN and infinities are never used as split points.
 */
final class SplitPointOrder implements Comparator<BsonValue> {

    static final SplitPointOrder INSTANCE = new SplitPointOrder();

    private SplitPointOrder() {
    }

    /** True if the value can bound a range: a finite number, a string, an ObjectId or a date. */
    static boolean usable(BsonValue value) {
        if (value.isDouble()) {
            return Double.isFinite(value.asDouble().getValue());
        }
        if (value.isDecimal128()) {
            return value.asDecimal128().getValue().isFinite();
        }
        return value.isNumber() || value.isString() || value.isObjectId() || value.isDateTime();
    }

    @Override
    public int compare(BsonValue a, BsonValue b) {
        if (a.isNumber() || a.isDecimal128()) {
            return decimal(a).compareTo(decimal(b));
        }
        if (a.isString()) {
            return Arrays.compareUnsigned(a.asString().getValue().getBytes(StandardCharsets.UTF_8),
                b.asString().getValue().getBytes(StandardCharsets.UTF_8));
        }
        if (a.isObjectId()) {
            return a.asObjectId().getValue().compareTo(b.asObjectId().getValue());
        }
        return Long.compare(a.asDateTime().getValue(), b.asDateTime().getValue());
    }

    private static BigDecimal decimal(BsonValue value) {
        if (value.isDecimal128()) {
            return value.asDecimal128().getValue().bigDecimalValue();
        }
        if (value.isDouble()) {
            return BigDecimal.valueOf(value.asDouble().getValue());
        }
        return BigDecimal.valueOf(value.asNumber().longValue());
    }
}
