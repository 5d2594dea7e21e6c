package io.ddt;

import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * MongoDB's naming rules for databases and collections, as the server enforces them on Linux
 * (see the server's {@code NamespaceString::validDBName} and {@code validCollectionName}).
 * Each check returns why a name is invalid, or {@code null} when it is valid, so that callers
 * choose the exception type that suits them.
 */
final class NameRules {

    /** Databases that belong to the server itself rather than to an application. */
    static final Set<String> INTERNAL_DATABASES = Set.of("admin", "local", "config");

    /** The prefix of the collections that the server reserves for itself. */
    static final String SYSTEM_PREFIX = "system.";

    /** The server's {@code DatabaseName::kMaxDatabaseNameLength}, in UTF-8 bytes. */
    static final int MAX_DATABASE_BYTES = 63;

    /** The server's limit on {@code database.collection} for an unsharded collection, in UTF-8 bytes. */
    static final int MAX_NAMESPACE_BYTES = 255;

    /** The legacy master-slave oplog: the one collection name the server allows a '$' in. */
    private static final String LEGACY_OPLOG = "oplog.$main";

    private static final String DATABASE_FORBIDDEN = "/\\. \"$\0";

    private NameRules() {
    }

    /** Returns why {@code db} is not a valid database name, or null if it is. */
    static String databaseProblem(String db) {
        if (db.isEmpty()) {
            return "the database name is empty";
        }
        int bad = forbiddenDatabaseChar(db);
        if (bad >= 0) {
            return "database name " + quote(db) + " contains " + forbiddenText(db.charAt(bad));
        }
        if (utf8Length(db) > MAX_DATABASE_BYTES) {
            return "database name " + quote(db) + " is " + utf8Length(db)
                + " bytes long in UTF-8; MongoDB allows at most " + MAX_DATABASE_BYTES;
        }
        return unicodeProblem("database", db);
    }

    /** Returns why {@code coll} is not a valid collection name, or null if it is. */
    static String collectionProblem(String coll) {
        if (coll.isEmpty()) {
            return "the collection name is empty";
        }
        if (coll.charAt(0) == '.') {
            return "collection name " + quote(coll) + " starts with '.'";
        }
        if (coll.indexOf('\0') >= 0) {
            return "collection name " + quote(coll) + " contains NUL";
        }
        if (coll.indexOf('$') >= 0 && !coll.equals(LEGACY_OPLOG)) {
            return "collection name " + quote(coll)
                + " contains '$', which MongoDB does not allow in a collection name";
        }
        return unicodeProblem("collection", coll);
    }

    /** Returns why {@code db.coll} is not a valid namespace, or null if it is. */
    static String namespaceProblem(String db, String coll) {
        String problem = databaseProblem(db);
        if (problem == null) {
            problem = collectionProblem(coll);
        }
        int bytes = utf8Length(db) + 1 + utf8Length(coll);
        if (problem == null && bytes > MAX_NAMESPACE_BYTES) {
            problem = "it is " + bytes + " bytes long in UTF-8; MongoDB allows at most " + MAX_NAMESPACE_BYTES;
        }
        return problem;
    }

    /** Tells whether {@code db} is one of the server's own databases. */
    static boolean isInternalDatabase(String db) {
        return INTERNAL_DATABASES.contains(db);
    }

    static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    // A lone surrogate would be sent to the server as '?', naming a different collection.
    private static String unicodeProblem(String kind, String name) {
        boolean lone = name.codePoints().anyMatch(c -> Character.getType(c) == Character.SURROGATE);
        return lone ? kind + " name " + quote(name) + " holds a lone UTF-16 surrogate, which is not valid Unicode"
            : null;
    }

    /** Quotes a name for a message, showing NUL as a backslash and 0 so that the message stays printable. */
    static String quote(String name) {
        return "'" + name.replace("\0", "\\0") + "'";
    }

    /** Returns the index of the first character not allowed in a database name, or -1. */
    static int forbiddenDatabaseChar(String db) {
        for (int i = 0; i < db.length(); i++) {
            if (DATABASE_FORBIDDEN.indexOf(db.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    /** Says that {@code c} is not allowed in a database name, and which characters are not. */
    static String forbiddenText(char c) {
        return show(c) + ", which MongoDB does not allow in a database name (none of / \\ . \" $, a space or NUL)";
    }

    private static String show(char c) {
        if (c == '\0') {
            return "NUL";
        }
        return c == ' ' ? "a space" : "'" + c + "'";
    }
}
