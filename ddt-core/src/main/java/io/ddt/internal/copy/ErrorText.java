package io.ddt.internal.copy;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;

/**
 * Describes a server error without the document values a server puts in some messages (a
 * duplicate key's {@code dup key: { email: "..." }}): the code, the code name, and the message
 * with any key values cut out.
 */
public final class ErrorText {

    private ErrorText() {
    }

    public static String of(MongoException error) {
        String name = error instanceof MongoCommandException ? ((MongoCommandException) error).getErrorCodeName()
            : error instanceof MongoWriteException ? "" : error.getClass().getSimpleName();
        String message = error instanceof MongoCommandException ? ((MongoCommandException) error).getErrorMessage()
            : error instanceof MongoWriteException ? ((MongoWriteException) error).getError().getMessage() : error.getMessage();
        return "error " + error.getCode() + (name.isEmpty() ? "" : " (" + name + ")") + ": " + withoutValues(message);
    }

    public static String withoutValues(String message) {
        if (message == null) {
            return "";
        }
        return message.replaceAll("dup key: \\{.*", "dup key: <values hidden>")
            .replaceAll("(?s)The full response is .*", "");
    }
}
