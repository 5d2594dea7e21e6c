package io.ddt.testkit.internal.server;

import java.util.List;

import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonString;

/** A command failure the fake member reports as {@code ok: 0} with a MongoDB error code. */
public final class CommandException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int code;
    private final String codeName;
    private final List<String> labels;
    private final BsonDocument extra = new BsonDocument();

    public CommandException(int code, String codeName, String message) {
        this(code, codeName, message, List.of());
    }

    public CommandException(int code, String codeName, String message, List<String> labels) {
        super(message);
        this.code = code;
        this.codeName = codeName;
        this.labels = List.copyOf(labels);
    }

    public int code() {
        return code;
    }

    /** Adds a field the error reply carries, such as a state-change error's topologyVersion. */
    public CommandException with(String field, org.bson.BsonValue value) {
        extra.put(field, value);
        return this;
    }

    /** The reply a real server sends for this error. */
    public BsonDocument toResponse() {
        BsonDocument response = new BsonDocument("ok", new BsonDouble(0))
            .append("errmsg", new BsonString(getMessage() == null ? codeName : getMessage()))
            .append("code", new BsonInt32(code))
            .append("codeName", new BsonString(codeName));
        response.putAll(extra);
        if (!labels.isEmpty()) {
            BsonArray array = new BsonArray();
            labels.forEach(label -> array.add(new BsonString(label)));
            response.append("errorLabels", array);
        }
        return response;
    }

    static CommandException badValue(String message) {
        return new CommandException(2, "BadValue", message);
    }

    static CommandException namespaceNotFound(String message) {
        return new CommandException(26, "NamespaceNotFound", message);
    }

    static CommandException namespaceExists(String message) {
        return new CommandException(48, "NamespaceExists", message);
    }

    static CommandException invalidOptions(String message) {
        return new CommandException(72, "InvalidOptions", message);
    }

    static CommandException notImplemented(String message) {
        return new CommandException(238, "NotImplemented", message);
    }

    static CommandException commandNotFound(String name) {
        return new CommandException(59, "CommandNotFound", "no such command: '" + name + "'");
    }
}
