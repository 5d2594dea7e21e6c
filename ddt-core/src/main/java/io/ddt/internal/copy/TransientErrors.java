package io.ddt.internal.copy;

import com.mongodb.MongoCursorNotFoundException;
import com.mongodb.MongoException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;

/** Tells errors worth retrying (the network, an election, a retryable label) from the rest. */
public final class TransientErrors {

    private TransientErrors() {
    }

    public static boolean isTransient(Throwable error) {
        if (error instanceof MongoSocketException || error instanceof MongoNotPrimaryException
            || error instanceof MongoNodeIsRecoveringException || error instanceof MongoTimeoutException
            || error instanceof MongoCursorNotFoundException) {
            return true;
        }
        if (error instanceof MongoException) {
            MongoException mongo = (MongoException) error;
            return mongo.hasErrorLabel("RetryableWriteError") || mongo.hasErrorLabel("TransientTransactionError")
                || mongo.hasErrorLabel("RetryableReadError") || mongo.hasErrorLabel("ResumableChangeStreamError");
        }
        return false;
    }
}
