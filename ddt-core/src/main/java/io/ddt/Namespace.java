package io.ddt;

import java.util.Objects;

/**
 * A MongoDB namespace: a database name and a collection name, written {@code database.collection}.
 *
 * <p>Instances are immutable and thread-safe. They are checked against MongoDB's naming rules
 * when created, so a {@code Namespace} always names something the server could hold:
 * <ul>
 *   <li>the database name is not empty, is at most 63 bytes in UTF-8, and contains none of
 *       {@code / \ . " $}, a space or NUL;</li>
 *   <li>the collection name is not empty, does not start with {@code .}, contains no NUL and no
 *       {@code $} (the only exception is the legacy {@code oplog.$main}); it may contain dots,
 *       as in {@code shop.orders.2024};</li>
 *   <li>{@code database.collection} is at most 255 bytes in UTF-8;</li>
 *   <li>both are valid Unicode; any other character, in any script, is allowed.</li>
 * </ul>
 * Names are case-sensitive: {@code Shop.orders} and {@code shop.orders} are different values.
 * Command pseudo-namespaces such as {@code shop.$cmd} are not namespaces and are rejected.
 *
 * <p>A bad name is a programming or data error, reported with an
 * {@link IllegalArgumentException} that names it. Settings builders that take names from users
 * ({@link NamespaceFilter.Builder}, {@link NamespaceMapping.Builder}) report the same problems
 * as a {@link ConfigurationException}.
 *
 * <p>Namespaces sort by database name, then by collection name, each compared as Java strings
 * (UTF-16 code units). {@link #toString()} returns {@link #fullName()}.
 */
public final class Namespace implements Comparable<Namespace> {

    private final String database;
    private final String collection;

    private Namespace(String database, String collection) {
        this.database = database;
        this.collection = collection;
    }

    /**
     * Returns the namespace of a collection in a database.
     *
     * @param database the database name; not null
     * @param collection the collection name, which may contain dots; not null
     * @return the namespace
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if either name breaks MongoDB's naming rules; the message
     *     names the bad name and the rule
     */
    public static Namespace of(String database, String collection) {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(collection, "collection");
        String problem = NameRules.namespaceProblem(database, collection);
        if (problem != null) {
            throw new IllegalArgumentException("Invalid namespace "
                + NameRules.quote(database + "." + collection) + ": " + problem);
        }
        return new Namespace(database, collection);
    }

    /**
     * Parses a full name {@code database.collection}. The first dot separates the two: database
     * names cannot contain dots, collection names can, so {@code "logs.app.2024"} is the
     * collection {@code app.2024} in the database {@code logs}.
     *
     * @param fullName the full name; not null
     * @return the namespace
     * @throws NullPointerException if {@code fullName} is null
     * @throws IllegalArgumentException if there is no dot, or either part breaks MongoDB's
     *     naming rules
     */
    public static Namespace parse(String fullName) {
        Objects.requireNonNull(fullName, "fullName");
        int dot = fullName.indexOf('.');
        if (dot < 0) {
            throw new IllegalArgumentException("Invalid namespace " + NameRules.quote(fullName)
                + ": it has no '.'; write it as database.collection");
        }
        return of(fullName.substring(0, dot), fullName.substring(dot + 1));
    }

    /**
     * Returns the database name.
     *
     * @return the database name; never empty
     */
    public String database() {
        return database;
    }

    /**
     * Returns the collection name.
     *
     * @return the collection name, which may contain dots; never empty
     */
    public String collection() {
        return collection;
    }

    /**
     * Returns the full name, {@code database.collection}, as the server and the oplog write it.
     *
     * @return the full name
     */
    public String fullName() {
        return database + "." + collection;
    }

    /**
     * Tells whether the collection is one the server reserves for itself: its name starts with
     * {@code system.}, as {@code system.views}, {@code system.js} or {@code system.buckets.x}.
     *
     * @return true for a {@code system.*} collection, in any database
     */
    public boolean isSystem() {
        return collection.startsWith(NameRules.SYSTEM_PREFIX);
    }

    /**
     * Tells whether the database is one of the server's own: {@code admin}, {@code local} or
     * {@code config}. The comparison is exact: {@code Admin} is an ordinary database.
     *
     * @return true for a namespace in {@code admin}, {@code local} or {@code config}
     */
    public boolean isInternalDatabase() {
        return NameRules.isInternalDatabase(database);
    }

    /**
     * Orders by database name, then by collection name.
     *
     * @param other the namespace to compare with; not null
     * @return a negative number, zero or a positive number as this namespace sorts before, with
     *     or after {@code other}
     */
    @Override
    public int compareTo(Namespace other) {
        int byDatabase = database.compareTo(other.database);
        return byDatabase != 0 ? byDatabase : collection.compareTo(other.collection);
    }

    /**
     * Two namespaces are equal when their database names and collection names are equal,
     * case included.
     *
     * @param other the object to compare with
     * @return true if {@code other} is a namespace with the same names
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof Namespace that
            && database.equals(that.database) && collection.equals(that.collection);
    }

    /**
     * Returns a hash code consistent with {@link #equals(Object)}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return 31 * database.hashCode() + collection.hashCode();
    }

    /**
     * Returns the full name, {@code database.collection}.
     *
     * @return the same as {@link #fullName()}
     */
    @Override
    public String toString() {
        return fullName();
    }
}
