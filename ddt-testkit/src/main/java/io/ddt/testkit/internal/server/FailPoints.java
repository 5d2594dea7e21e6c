package io.ddt.testkit.internal.server;

import java.util.ArrayList;
import java.util.List;

import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonValue;

/**
 * MongoDB's {@code configureFailPoint} for the {@code failCommand} fail point, with the modes
 * ({@code alwaysOn}, {@code off}, {@code {times: n}}, {@code {skip: n}}) and data fields
 * ({@code failCommands}, {@code errorCode}, {@code closeConnection}, {@code blockConnection},
 * {@code blockTimeMS}, {@code errorLabels}, {@code appName}) a real server takes, so a test
 * written for the fake runs unchanged on a real server started with test commands enabled.
 */
final class FailPoints {

    /** What a matching command must suffer: a delay, then an error or a closed connection. */
    record Action(long blockMillis, boolean closeConnection, CommandException error) {
    }

    private static final class FailCommand {
        final List<String> commands;
        final Integer errorCode;
        final boolean closeConnection;
        final long blockMillis;
        final List<String> labels;
        final boolean explicitLabels;
        final String appName;
        long times;
        long skip;

        FailCommand(BsonDocument data, long times, long skip) {
            this.commands = strings(data.getArray("failCommands"));
            this.errorCode = data.containsKey("errorCode") ? data.getNumber("errorCode").intValue() : null;
            this.closeConnection = data.getBoolean("closeConnection", BsonBoolean.FALSE).getValue();
            boolean block = data.getBoolean("blockConnection", BsonBoolean.FALSE).getValue();
            this.blockMillis = block ? data.getNumber("blockTimeMS", new BsonInt32(0)).longValue() : 0;
            this.explicitLabels = data.containsKey("errorLabels");
            this.labels = explicitLabels ? strings(data.getArray("errorLabels")) : List.of();
            this.appName = data.containsKey("appName") ? data.getString("appName").getValue() : null;
            this.times = times;
            this.skip = skip;
        }
    }

    private FailCommand failCommand;

    /** Handles {@code configureFailPoint}; throws a clear error for anything malformed. */
    synchronized BsonDocument configure(BsonDocument command) {
        BsonValue name = command.get("configureFailPoint");
        if (name == null || !name.isString() || !name.asString().getValue().equals("failCommand")) {
            throw CommandException.badValue("unknown fail point " + (name == null ? "(none)" : name)
                + "; the fake cluster supports 'failCommand'");
        }
        BsonValue mode = command.get("mode");
        if (mode == null) {
            throw CommandException.badValue("configureFailPoint requires 'mode': \"alwaysOn\", \"off\", {times: n} or {skip: n}");
        }
        if (mode.isString() && mode.asString().getValue().equals("off")) {
            failCommand = null;
            return ok(0);
        }
        long times = Long.MAX_VALUE;
        long skip = 0;
        if (mode.isDocument() && mode.asDocument().containsKey("times")) {
            times = number(mode.asDocument(), "times");
        } else if (mode.isDocument() && mode.asDocument().containsKey("skip")) {
            skip = number(mode.asDocument(), "skip");
        } else if (!(mode.isString() && mode.asString().getValue().equals("alwaysOn"))) {
            throw CommandException.badValue("invalid fail point mode " + mode + "; use \"alwaysOn\", \"off\", {times: n} or {skip: n}");
        }
        failCommand = new FailCommand(validData(command), times, skip);
        return ok(1);
    }

    private static BsonDocument validData(BsonDocument command) {
        BsonValue data = command.get("data");
        if (data == null || !data.isDocument() || !data.asDocument().isArray("failCommands")
            || data.asDocument().getArray("failCommands").isEmpty()) {
            throw CommandException.badValue("failCommand requires data.failCommands, a non-empty array of command names");
        }
        BsonDocument fields = data.asDocument();
        if (!fields.containsKey("errorCode") && !fields.getBoolean("closeConnection", BsonBoolean.FALSE).getValue()
            && !fields.getBoolean("blockConnection", BsonBoolean.FALSE).getValue()) {
            throw CommandException.badValue("failCommand requires data.errorCode, data.closeConnection or data.blockConnection");
        }
        for (String key : List.of("errorCode", "blockTimeMS")) {
            if (fields.containsKey(key) && !fields.get(key).isNumber()) {
                throw CommandException.badValue("failCommand data." + key + " must be a number");
            }
        }
        if (fields.getBoolean("blockConnection", BsonBoolean.FALSE).getValue() && !fields.containsKey("blockTimeMS")) {
            throw CommandException.badValue("failCommand data.blockConnection requires data.blockTimeMS");
        }
        return fields;
    }

    private static long number(BsonDocument mode, String key) {
        BsonValue value = mode.get(key);
        if (!value.isNumber() || value.asNumber().longValue() < 0) {
            throw CommandException.badValue("fail point mode " + key + " must be a non-negative number");
        }
        return value.asNumber().longValue();
    }

    /** Returns what a command of this name must suffer, or null; counts the activation. */
    synchronized Action check(String command, String appName, boolean retryableWrite) {
        FailCommand point = failCommand;
        if (point == null || !point.commands.contains(command) || point.times <= 0) {
            return null;
        }
        if (point.appName != null && !point.appName.equals(appName)) {
            return null;
        }
        if (point.skip > 0) {
            point.skip--;
            return null;
        }
        if (point.times != Long.MAX_VALUE && --point.times == 0) {
            failCommand = null;
        }
        List<String> labels = point.explicitLabels ? point.labels : defaultLabels(command, point.errorCode, retryableWrite);
        CommandException error = point.errorCode == null ? null
            : new CommandException(point.errorCode, codeName(point.errorCode), "Failing command via 'failCommand' failpoint", labels);
        return new Action(point.blockMillis, point.closeConnection, error);
    }

    /** Codes a member labels {@code RetryableWriteError} on a retryable write, as its own errors do. */
    private static final java.util.Set<Integer> RETRYABLE_CODES = java.util.Set.of(6, 7, 89, 91, 189, 262, 9001, 10107,
        11600, 11602, 13435, 13436, 63, 150, 134);

    private static List<String> defaultLabels(String command, Integer code, boolean retryableWrite) {
        if (code != null && RETRYABLE_CODES.contains(code)
            && (retryableWrite || command.equals("commitTransaction") || command.equals("abortTransaction"))) {
            return List.of("RetryableWriteError");
        }
        return List.of();
    }

    synchronized void clear() {
        failCommand = null;
    }

    private static String codeName(int code) {
        switch (code) {
            case 6: return "HostUnreachable";
            case 7: return "HostNotFound";
            case 89: return "NetworkTimeout";
            case 91: return "ShutdownInProgress";
            case 189: return "PrimarySteppedDown";
            case 262: return "ExceededTimeLimit";
            case 9001: return "SocketException";
            case 10107: return "NotWritablePrimary";
            case 11600: return "InterruptedAtShutdown";
            case 11602: return "InterruptedDueToReplStateChange";
            case 13435: return "NotPrimaryNoSecondaryOk";
            case 13436: return "NotPrimaryOrSecondary";
            case 112: return "WriteConflict";
            case 251: return "NoSuchTransaction";
            case 11000: return "DuplicateKey";
            case 43: return "CursorNotFound";
            case 136: return "CappedPositionLost";
            case 237: return "CursorKilled";
            case 286: return "ChangeStreamHistoryLost";
            default: return "Location" + code;
        }
    }

    private static List<String> strings(BsonArray array) {
        List<String> result = new ArrayList<>();
        for (BsonValue value : array) {
            result.add(value.asString().getValue());
        }
        return result;
    }

    private static BsonDocument ok(int count) {
        return new BsonDocument("count", new BsonInt32(count)).append("ok", new BsonDouble(1));
    }
}
