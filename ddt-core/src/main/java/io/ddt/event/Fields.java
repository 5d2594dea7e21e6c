package io.ddt.event;

import java.time.Instant;

import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonTimestamp;
import org.bson.BsonValue;

import io.ddt.Namespace;

/**
 * Typed reads of an entry's fields that fail with an {@link EntryProblem} naming the field and
 * the type found, never its value.
 */
final class Fields {

    private Fields() {
    }

    /** Reads a required document field. */
    static BsonDocument document(BsonDocument parent, String field) {
        return require(parent, field).asDocument();
    }

    /** Reads an optional document field: null when absent, a problem when of another type. */
    static BsonDocument optionalDocument(BsonDocument parent, String field) {
        BsonValue value = parent.get(field);
        if (value == null) {
            return null;
        }
        if (!value.isDocument()) {
            throw wrongType(field, "a document", value);
        }
        return value.asDocument();
    }

    /** Reads a required string field. */
    static String string(BsonDocument parent, String field) {
        BsonValue value = parent.get(field);
        if (value == null || !value.isString()) {
            throw value == null ? missing(field) : wrongType(field, "a string", value);
        }
        return value.asString().getValue();
    }

    /** Reads a required array field. */
    static BsonArray array(BsonDocument parent, String field) {
        BsonValue value = parent.get(field);
        if (value == null || !value.isArray()) {
            throw value == null ? missing(field) : wrongType(field, "an array", value);
        }
        return value.asArray();
    }

    /** Reads a required timestamp field. */
    static BsonTimestamp timestamp(BsonDocument parent, String field) {
        BsonValue value = parent.get(field);
        if (value == null || !value.isTimestamp()) {
            throw value == null ? missing(field) : wrongType(field, "a timestamp", value);
        }
        return value.asTimestamp();
    }

    /** Reads an optional date field as an instant: null when absent. */
    static Instant instant(BsonDocument parent, String field) {
        BsonValue value = parent.get(field);
        if (value == null) {
            return null;
        }
        if (!value.isDateTime()) {
            throw wrongType(field, "a date", value);
        }
        return Instant.ofEpochMilli(value.asDateTime().getValue());
    }

    /** Tells whether a field is the boolean true (absent, false or any other value: false). */
    static boolean isTrue(BsonDocument parent, String field) {
        BsonValue value = parent.get(field);
        return value != null && value.isBoolean() && value.asBoolean().getValue();
    }

    /** Reads a required whole number, of any BSON number type. */
    static long number(BsonDocument parent, String field) {
        BsonValue value = parent.get(field);
        if (value == null || !value.isNumber()) {
            throw value == null ? missing(field) : wrongType(field, "a number", value);
        }
        return value.asNumber().longValue();
    }

    /** Parses a full namespace name, {@code db.collection}. */
    static Namespace namespace(String fullName, String field) {
        try {
            return Namespace.parse(fullName);
        } catch (IllegalArgumentException e) {
            throw EntryProblem.of("'" + field + "' is not a collection namespace", e);
        }
    }

    /** Returns the namespace of a collection named by a command field, in a database. */
    static Namespace collection(String database, BsonDocument command, String field) {
        try {
            return Namespace.of(database, string(command, field));
        } catch (IllegalArgumentException e) {
            throw EntryProblem.of("'" + field + "' does not name a collection of database " + database, e);
        }
    }

    /** Returns a shallow copy of a document without some of its fields, in the same order. */
    static BsonDocument without(BsonDocument document, String... fields) {
        BsonDocument copy = new BsonDocument();
        document.forEach((key, value) -> copy.append(key, value));
        for (String field : fields) {
            copy.remove(field);
        }
        return copy;
    }

    /** Returns an index spec without the legacy {@code ns} field, which names the source. */
    static BsonDocument indexSpec(BsonValue spec, String field) {
        if (!spec.isDocument() || !spec.asDocument().isString("name")) {
            throw EntryProblem.of("'" + field + "' holds an index spec that is not a document with a string name");
        }
        return spec.asDocument().containsKey("ns") ? without(spec.asDocument(), "ns") : spec.asDocument();
    }

    /**
     * Returns a document whose fields can be looked up by name cheaply: a
     * {@link org.bson.RawBsonDocument} scans its bytes for every lookup, so its top-level fields
     * are read once into a map (nested documents stay raw, and are not copied).
     */
    static BsonDocument indexed(BsonDocument document) {
        if (!(document instanceof org.bson.RawBsonDocument)) {
            return document;
        }
        BsonDocument indexed = new BsonDocument();
        document.forEach(indexed::append);
        return indexed;
    }

    /** A required field that is absent. */
    static EntryProblem missing(String field) {
        return EntryProblem.of("it has no '" + field + "'");
    }

    private static BsonValue require(BsonDocument parent, String field) {
        BsonValue value = parent.get(field);
        if (value == null || !value.isDocument()) {
            throw value == null ? missing(field) : wrongType(field, "a document", value);
        }
        return value;
    }

    private static EntryProblem wrongType(String field, String expected, BsonValue found) {
        return EntryProblem.of("'" + field + "' is " + found.getBsonType() + ", not " + expected);
    }
}
