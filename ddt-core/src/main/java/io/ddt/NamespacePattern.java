package io.ddt;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One include or exclude rule of a {@link NamespaceFilter}: a glob {@code db.coll} whose two
 * sides are matched separately, or a regular expression matched against the whole full name.
 * Immutable; equal when kind and text are equal.
 */
final class NamespacePattern {

    private static final String REGEX_PREFIX = "regex:";

    private final String text;
    private final boolean regex;
    private final Pattern database;
    private final Pattern collection;
    private final Pattern fullName;
    private final String databaseGlob;
    private final String collectionGlob;

    private NamespacePattern(String text, String databaseGlob, String collectionGlob) {
        this.text = text;
        this.regex = false;
        this.database = compileGlob(databaseGlob);
        this.collection = compileGlob(collectionGlob);
        this.fullName = null;
        this.databaseGlob = databaseGlob;
        this.collectionGlob = collectionGlob;
    }

    private NamespacePattern(String text, Pattern fullName) {
        this.text = text;
        this.regex = true;
        this.database = null;
        this.collection = null;
        this.fullName = fullName;
        this.databaseGlob = null;
        this.collectionGlob = null;
    }

    /** Parses a glob {@code db.coll}; the first dot splits it. */
    static NamespacePattern glob(String text) {
        int dot = text.indexOf('.');
        if (dot < 0) {
            throw invalid(text, "it has no '.'; write '" + text + ".*' for every collection of a database, "
                + "or database.collection");
        }
        String db = text.substring(0, dot);
        String coll = text.substring(dot + 1);
        checkDatabaseGlob(text, db);
        checkCollectionGlob(text, coll);
        if (!hasWildcard(text) && NameRules.namespaceProblem(db, coll) != null) {
            throw invalid(text, "it can never match: " + NameRules.namespaceProblem(db, coll));
        }
        return new NamespacePattern(text, db, coll);
    }

    /** Compiles a regular expression matched against whole full names. */
    static NamespacePattern regex(String text) {
        try {
            return new NamespacePattern(text, Pattern.compile(text));
        } catch (PatternSyntaxException e) {
            throw new ConfigurationException("Namespace regex " + NameRules.quote(text) + " is not a valid "
                + "Java regular expression: " + e.getDescription() + " near index " + e.getIndex(), e);
        }
    }

    /** Tells whether this rule selects {@code namespace}, regardless of the internal switch. */
    boolean matches(Namespace namespace) {
        if (regex) {
            return fullName.matcher(namespace.fullName()).matches();
        }
        return database.matcher(namespace.database()).matches()
            && collection.matcher(namespace.collection()).matches();
    }

    /** True for a regular expression, false for a glob. */
    boolean isRegex() {
        return regex;
    }

    /** False only when no namespace of {@code db} can match; a regex cannot tell, so says true. */
    boolean mayMatchDatabase(String db) {
        return regex || database.matcher(db).matches();
    }

    /** True only when every namespace of {@code db} matches; a regex cannot tell, so says false. */
    boolean matchesWholeDatabase(String db) {
        return !regex && collectionGlob.chars().allMatch(c -> c == '*') && database.matcher(db).matches();
    }

    /**
     * True for a glob that names internal namespaces: its database side is literally admin,
     * local or config, or its collection side starts with "system.". Such a glob matches only
     * internal namespaces, and only such a glob may select them. A regex never does.
     */
    boolean namesInternal() {
        // A literal is its own only match: the glob side "admin" matches just "admin".
        return !regex && (NameRules.isInternalDatabase(databaseGlob)
            || collectionGlob.startsWith(NameRules.SYSTEM_PREFIX));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NamespacePattern that && regex == that.regex && text.equals(that.text);
    }

    @Override
    public int hashCode() {
        return Boolean.hashCode(regex) * 31 + text.hashCode();
    }

    /** The glob as given, or {@code regex:} and the regular expression. */
    @Override
    public String toString() {
        return regex ? REGEX_PREFIX + text : text;
    }

    private static void checkDatabaseGlob(String text, String db) {
        if (db.isEmpty()) {
            throw invalid(text, "its database part (before the first '.') is empty");
        }
        int bad = NameRules.forbiddenDatabaseChar(db);
        if (bad >= 0) {
            throw invalid(text, "it can never match: its database part contains "
                + NameRules.forbiddenText(db.charAt(bad)));
        }
    }

    private static void checkCollectionGlob(String text, String coll) {
        if (coll.isEmpty()) {
            throw invalid(text, "its collection part (after the first '.') is empty; write '" + text
                + "*' for every collection");
        }
        if (coll.indexOf('\0') >= 0) {
            throw invalid(text, "it can never match: its collection part contains NUL");
        }
    }

    private static boolean hasWildcard(String glob) {
        return glob.indexOf('*') >= 0 || glob.indexOf('?') >= 0;
    }

    // DOTALL: collection names may hold line breaks, and '*' must match them too.
    private static Pattern compileGlob(String glob) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*' || c == '?') {
                appendLiteral(regex, literal);
                regex.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        appendLiteral(regex, literal);
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    private static void appendLiteral(StringBuilder regex, StringBuilder literal) {
        if (literal.length() > 0) {
            regex.append(Pattern.quote(literal.toString()));
            literal.setLength(0);
        }
    }

    private static ConfigurationException invalid(String text, String why) {
        return new ConfigurationException("Namespace pattern " + NameRules.quote(text) + " is invalid: " + why);
    }
}
