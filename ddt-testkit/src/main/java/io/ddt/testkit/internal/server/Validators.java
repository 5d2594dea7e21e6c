package io.ddt.testkit.internal.server;

import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonString;

import de.bwaldvogel.mongo.backend.DefaultQueryMatcher;

/**
 * Document validation as a member applies it: the collection's {@code validator} (a query
 * expression) checked on inserts and updates unless {@code validationLevel} is off, the action
 * is warn, or the write asked to bypass it; with level moderate, updates of documents that were
 * already invalid pass. {@code $jsonSchema} validators are stored and reported but not enforced:
 * the engine has no JSON Schema matcher.
 */
final class Validators {

    private Validators() {
    }

    static void check(Catalog.Entry collection, BsonDocument before, BsonDocument after, boolean bypass) {
        BsonDocument validator = collection.options().getDocument("validator", null);
        if (bypass || validator == null || validator.isEmpty() || validator.containsKey("$jsonSchema")) {
            return;
        }
        String level = collection.options().getString("validationLevel", new BsonString("strict")).getValue();
        String action = collection.options().getString("validationAction", new BsonString("error")).getValue();
        if (level.equals("off") || action.equals("warn")) {
            return;
        }
        if (level.equals("moderate") && before != null && !matches(validator, before)) {
            return;
        }
        if (!matches(validator, after)) {
            throw new CommandException(121, "DocumentValidationFailure", "Document failed validation");
        }
    }

    private static boolean matches(BsonDocument validator, BsonDocument document) {
        return new DefaultQueryMatcher().matches(BsonBridge.toMjs(document), BsonBridge.toMjs(validator));
    }

    static boolean bypass(BsonDocument command) {
        return command.getBoolean("bypassDocumentValidation", BsonBoolean.FALSE).getValue();
    }
}
