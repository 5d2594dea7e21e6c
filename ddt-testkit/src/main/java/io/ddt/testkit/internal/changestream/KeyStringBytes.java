package io.ddt.testkit.internal.changestream;

import java.io.ByteArrayOutputStream;
import java.util.HexFormat;
import java.util.Locale;

import org.bson.BsonTimestamp;

/**
 * The few KeyString (V1) encodings a resume token needs, written and read byte by byte: a
 * timestamp, a non-negative integer, a boolean, null, a 16-byte binary and the end marker. The
 * byte values are those of the server's {@code key_string.cpp}, so the tokens we write begin
 * exactly as a real server's do and compare the same way, byte by byte.
 *
 * <p>Not thread-safe: one instance builds or reads one token.
 */
final class KeyStringBytes {

    static final int NULL = 0x14;
    static final int INT_ZERO = 0x29;
    static final int INT_POSITIVE_1_BYTE = 0x2B;
    static final int OBJECT = 0x46;
    static final int BIN_DATA = 0x5A;
    static final int FALSE = 0x6E;
    static final int TRUE = 0x6F;
    static final int TIMESTAMP = 0x82;
    static final int END = 0x04;

    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final byte[] in;
    private int pos;

    private KeyStringBytes(byte[] in) {
        this.in = in;
    }

    static KeyStringBytes writer() {
        return new KeyStringBytes(new byte[0]);
    }

    static KeyStringBytes reader(String hex) {
        try {
            return new KeyStringBytes(HEX.parseHex(hex.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("resume token _data is not a hex string: " + hex, e);
        }
    }

    KeyStringBytes timestamp(BsonTimestamp ts) {
        out.write(TIMESTAMP);
        writeBigEndian(ts.getValue(), 8);
        return this;
    }

    /** KeyString stores an integer shifted left by one (the low bit flags a fraction). */
    KeyStringBytes integer(long value) {
        if (value < 0 || value >= (1L << 62)) {
            throw new IllegalArgumentException("resume token integers are 0 to 2^62, got " + value);
        }
        if (value == 0) {
            out.write(INT_ZERO);
            return this;
        }
        long shifted = value << 1;
        int bytes = (64 - Long.numberOfLeadingZeros(shifted) + 7) / 8;
        out.write(INT_POSITIVE_1_BYTE + bytes - 1);
        writeBigEndian(shifted, bytes);
        return this;
    }

    KeyStringBytes bool(boolean value) {
        out.write(value ? TRUE : FALSE);
        return this;
    }

    KeyStringBytes nul() {
        out.write(NULL);
        return this;
    }

    KeyStringBytes binary(byte subtype, byte[] data) {
        if (data.length >= 0xFF) {
            throw new IllegalArgumentException("binary too long for a resume token: " + data.length);
        }
        out.write(BIN_DATA);
        out.write(data.length);
        out.write(subtype);
        out.writeBytes(data);
        return this;
    }

    String endAndHex() {
        out.write(END);
        return HEX.formatHex(out.toByteArray());
    }

    int peek() {
        return pos < in.length ? in[pos] & 0xFF : END;
    }

    BsonTimestamp readTimestamp() {
        expect(TIMESTAMP, "timestamp");
        return new BsonTimestamp(readBigEndian(8));
    }

    long readInteger() {
        int type = next("integer");
        if (type == INT_ZERO) {
            return 0;
        }
        int bytes = type - INT_POSITIVE_1_BYTE + 1;
        if (bytes < 1 || bytes > 8) {
            throw malformed("a non-negative integer", type);
        }
        long shifted = readBigEndian(bytes);
        if ((shifted & 1) != 0) {
            throw new IllegalArgumentException("resume token holds a fraction where an integer"
                    + " belongs, at byte " + (pos - 1));
        }
        return shifted >>> 1;
    }

    boolean readBool() {
        int type = next("boolean");
        if (type != TRUE && type != FALSE) {
            throw malformed("a boolean", type);
        }
        return type == TRUE;
    }

    /** Reads a binary value and returns {subtype, data...}. */
    byte[] readBinary() {
        expect(BIN_DATA, "binary");
        int length = next("binary length");
        byte[] result = new byte[length + 1];
        result[0] = (byte) next("binary subtype");
        for (int i = 1; i <= length; i++) {
            result[i] = (byte) next("binary data");
        }
        return result;
    }

    void skip() {
        pos++;
    }

    void expectEnd() {
        expect(END, "end of token");
        if (pos != in.length) {
            throw new IllegalArgumentException("resume token has " + (in.length - pos)
                    + " bytes after its end marker");
        }
    }

    private void expect(int type, String what) {
        int actual = next(what);
        if (actual != type) {
            throw malformed(what, actual);
        }
    }

    private int next(String what) {
        if (pos >= in.length) {
            throw new IllegalArgumentException("resume token ends where " + what + " belongs");
        }
        return in[pos++] & 0xFF;
    }

    private IllegalArgumentException malformed(String what, int type) {
        return new IllegalArgumentException(String.format(Locale.ROOT,
                "resume token has type byte 0x%02X at byte %d where %s belongs", type, pos - 1, what));
    }

    private void writeBigEndian(long value, int bytes) {
        for (int shift = (bytes - 1) * 8; shift >= 0; shift -= 8) {
            out.write((int) (value >>> shift) & 0xFF);
        }
    }

    private long readBigEndian(int bytes) {
        long value = 0;
        for (int i = 0; i < bytes; i++) {
            value = (value << 8) | next("integer bytes");
        }
        return value;
    }
}
