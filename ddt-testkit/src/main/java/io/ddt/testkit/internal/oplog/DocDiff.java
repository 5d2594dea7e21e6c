package io.ddt.testkit.internal.oplog;

import java.util.Objects;
import org.bson.BsonDocument;

import io.ddt.internal.diff.DiffReader;

/**
 * MongoDB's {@code $v:2} update diffs, the {@code diff} of an oplog entry
 * {@code {op: 'u', o: {$v: 2, diff: {...}}}}, computed and applied exactly as the server does
 * (MongoDB 5.0 to 8.0; src/mongo/db/update/document_diff_*.cpp).
 *
 * <p>All methods are pure: they never modify their arguments and return new documents that share
 * no mutable value with them. Safe from any thread.
 */
public final class DocDiff {

    /**
     * Bytes the server adds to a diff's estimated size for the {@code $v} and {@code diff} fields
     * of the entry ({@code update_oplog_entry::kSizeOfDeltaOplogEntryMetadata}).
     */
    public static final int OPLOG_ENTRY_PADDING = 15;

    private DocDiff() {}

    /**
     * Computes the diff the server's {@code computeOplogDiff} logs for a change from {@code pre}
     * to {@code post}: field for field the same, in the same order and with the same BSON types.
     * Values count as changed when their bytes differ (int 1, long 1 and double 1.0 all differ).
     *
     * <p>The server uses this for pipeline-style updates. For operator updates ({@code $set},
     * {@code $push}...) it records the diff while applying the operators and never falls back to
     * a replacement (see {@link #computeWithoutSizeLimit}); {@code replaceOne} always logs the
     * whole document.
     *
     * @param pre the document before the update
     * @param post the document after the update
     * @return the diff; or null when the server would log the whole {@code post} image instead,
     *     because the diff is not smaller than it; when nothing changed, an empty document (the
     *     server writes no entry then), or null for a document of 20 bytes or less
     * @throws NullPointerException if an argument is null
     */
    public static BsonDocument compute(BsonDocument pre, BsonDocument post) {
        return compute(pre, post, OPLOG_ENTRY_PADDING);
    }

    /** As {@link #compute(BsonDocument, BsonDocument)} with the padding server tests choose. */
    static BsonDocument compute(BsonDocument pre, BsonDocument post, int padding) {
        Objects.requireNonNull(pre, "pre");
        Objects.requireNonNull(post, "post");
        return DocDiffCalculator.SIZE_LIMITED.compute(pre, post, padding);
    }

    /**
     * Computes the diff from {@code pre} to {@code post} without the size limit, as the server's
     * {@code computeOplogDiff_forTest}: never a replacement, and never a whole-value update where
     * a sub-diff is possible.
     *
     * <p>For operator updates ({@code $set}, {@code $unset}, {@code $push}...) a real server logs
     * a {@code $v:2} diff however small the document, built while applying the operators; this is
     * the closer stand-in for those, though not always identical in shape.
     *
     * @param pre the document before the update
     * @param post the document after the update
     * @return the diff, never null; an empty document when nothing changed
     * @throws NullPointerException if an argument is null
     */
    public static BsonDocument computeWithoutSizeLimit(BsonDocument pre, BsonDocument post) {
        Objects.requireNonNull(pre, "pre");
        Objects.requireNonNull(post, "post");
        return DocDiffCalculator.UNLIMITED.compute(pre, post, 0);
    }

    /**
     * Applies {@code diff} to {@code pre} as a secondary applies an oplog entry, including the
     * behaviour that keeps re-application idempotent: an insert of an existing field moves it to
     * the end; deleting, or diffing, a missing field does nothing; a sub-diff that meets a value
     * of the wrong type (or a missing array element) writes null; array updates past the end pad
     * with nulls; {@code l} truncates the array (or pads it).
     *
     * @param pre the document before the update; not modified
     * @param diff the value of the entry's {@code o.diff}
     * @return the document after the update
     * @throws IllegalArgumentException if the diff is malformed where the applier reads it
     *     (including an empty diff, which the server rejects too); the message names the key
     * @throws NullPointerException if an argument is null
     */
    public static BsonDocument apply(BsonDocument pre, BsonDocument diff) {
        Objects.requireNonNull(pre, "pre");
        Objects.requireNonNull(diff, "diff");
        return DocDiffApplier.applyToDocument(pre, diff, "");
    }

    /**
     * Checks the shape of a whole diff: section names and order, section types, array headers,
     * indexes and lengths, binary entries, and no field changed twice. {@link #apply} checks
     * only the parts it reaches, as the server does, so it may accept a diff this rejects.
     *
     * @param diff the value of an entry's {@code o.diff}
     * @throws IllegalArgumentException naming the first malformed key
     * @throws NullPointerException if {@code diff} is null
     */
    public static void validate(BsonDocument diff) {
        Objects.requireNonNull(diff, "diff");
        DiffReader.validateTree(diff, "");
    }
}
