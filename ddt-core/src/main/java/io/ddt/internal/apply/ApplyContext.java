package io.ddt.internal.apply;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mongodb.MongoException;

import io.ddt.ApplySettings;
import io.ddt.DdtException;
import io.ddt.internal.ServerErrors;

/**
 * What the dispatcher and the workers share: settings, the batch tracker (failure, watermark,
 * budget), the count of writes in flight, the target writer, the flag that some writes are
 * parked, and the count of events applied. Thread-safe.
 */
record ApplyContext(ApplySettings settings, BatchTracker tracker, InFlight inFlight, TargetWriter writer,
                    AtomicBoolean parkedWrites, LongAdder applied) {

    private static final Logger LOG = LoggerFactory.getLogger(ApplyContext.class);

    /** Records the first failure, which stops every thread and fails the caller's next call; ignored once closing. */
    void fail(RuntimeException error) {
        if (tracker.stopping()) {
            return;
        }
        DdtException failure = error instanceof DdtException ddt ? ddt
            : new DdtException("applying changes to the target failed, and no write starts after the failure: "
                + (error instanceof MongoException mongo ? ServerErrors.describe(mongo) : error.toString())
                + ". Fix the cause, then resume from the last watermark", error);
        LOG.error("{}: applying changes stopped: {}", settings.jobName(), failure.getMessage());
        tracker.fail(failure);
    }
}
