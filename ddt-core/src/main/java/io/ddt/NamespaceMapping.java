package io.ddt;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Says where each source namespace goes on the target: by default to the same name, or renamed
 * by database or by collection.
 *
 * <p>Rules:
 * <ul>
 *   <li>{@link Builder#renameDatabase(String, String) renameDatabase("shop", "shop_v2")} sends
 *       every collection of {@code shop} to {@code shop_v2}, keeping its collection name;</li>
 *   <li>{@link Builder#renameCollection(String, String)
 *       renameCollection("shop.orders", "archive.orders_2024")} sends one collection anywhere;</li>
 *   <li>a collection rule wins over a database rule: with both rules above, {@code shop.orders}
 *       goes to {@code archive.orders_2024} and {@code shop.items} to {@code shop_v2.items};</li>
 *   <li>a namespace without a rule keeps its name;</li>
 *   <li>rules apply once, never in a chain: with {@code a -> b} and {@code b -> c}, the source
 *       {@code a.x} goes to {@code b.x} and the source {@code b.x} to {@code c.x}. A swap
 *       ({@code a -> b}, {@code b -> a}) is therefore allowed.</li>
 * </ul>
 * Each source database and each source collection can have one rule; a rule may not move data
 * into {@code admin}, {@code local} or {@code config} from another database. Two sources that
 * would land on one target are caught by {@link #checkNoCollisions(Collection)}, which a job runs
 * on the selected namespaces before it writes anything.
 *
 * <p>Mappings are immutable and thread-safe. Two mappings are equal when they have the same
 * rules.
 */
public final class NamespaceMapping {

    private static final NamespaceMapping IDENTITY = new NamespaceMapping(new Builder());

    private final Map<String, String> databases;
    private final Map<Namespace, Namespace> collections;

    private NamespaceMapping(Builder builder) {
        this.databases = Collections.unmodifiableMap(new LinkedHashMap<>(builder.databases));
        this.collections = Collections.unmodifiableMap(new LinkedHashMap<>(builder.collections));
    }

    /**
     * Returns the mapping that sends every namespace to the same name on the target.
     *
     * @return the mapping without rules
     */
    public static NamespaceMapping identity() {
        return IDENTITY;
    }

    /**
     * Returns a builder without rules.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the target namespace of a source namespace.
     *
     * @param source the source namespace; not null
     * @return the target namespace: the collection rule's target if there is one, else the
     *     source's collection in the renamed database if its database has a rule, else the source
     * @throws ConfigurationException if a database rule gives a name longer than MongoDB allows
     */
    public Namespace map(Namespace source) {
        Namespace target = collections.get(Objects.requireNonNull(source, "source"));
        if (target != null) {
            return target;
        }
        String database = databases.get(source.database());
        return database == null ? source : renamed(source, database);
    }

    /**
     * Returns the target database of a source database under the database rules alone. Single
     * collections may still go elsewhere by a collection rule: use {@link #map(Namespace)} for a
     * namespace.
     *
     * @param database the source database name; not null
     * @return the renamed database, or {@code database} if it has no rule
     */
    public String mapDatabase(String database) {
        return databases.getOrDefault(Objects.requireNonNull(database, "database"), database);
    }

    /**
     * Tells whether this mapping has no rules.
     *
     * @return true if every namespace keeps its name
     */
    public boolean isIdentity() {
        return databases.isEmpty() && collections.isEmpty();
    }

    /**
     * Checks that the given source namespaces land on distinct targets that MongoDB can hold
     * side by side, before anything is written.
     *
     * @param sources the selected source namespaces; not null; duplicates are ignored
     * @throws ConfigurationException if two sources map to one target namespace (the message
     *     names both sources and the target), if two target database names differ only in case
     *     (the server refuses that), or if a target name is invalid
     */
    public void checkNoCollisions(Collection<Namespace> sources) {
        MappingChecks.checkNoCollisions(Objects.requireNonNull(sources, "sources"), this::map);
    }

    /**
     * Compares the rules.
     *
     * @param other the object to compare with
     * @return true if {@code other} is a mapping with the same rules
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof NamespaceMapping that
            && databases.equals(that.databases) && collections.equals(that.collections);
    }

    /**
     * Returns a hash code consistent with {@link #equals(Object)}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return 31 * databases.hashCode() + collections.hashCode();
    }

    /**
     * Lists the rules in the order they were added, for example
     * {@code NamespaceMapping{databases={shop=shop_v2}, collections={shop.orders=archive.orders}}},
     * or {@code NamespaceMapping{identity}}.
     *
     * @return a description of the mapping for logs
     */
    @Override
    public String toString() {
        return isIdentity() ? "NamespaceMapping{identity}"
            : "NamespaceMapping{databases=" + databases + ", collections=" + collections + "}";
    }

    private static Namespace renamed(Namespace source, String database) {
        try {
            return Namespace.of(database, source.collection());
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("The database rule " + source.database() + " -> " + database
                + " maps " + source + " to an invalid namespace: " + e.getMessage()
                + "; add a collection rule for it or choose a shorter database name", e);
        }
    }

    /**
     * Collects the rules of a {@link NamespaceMapping}. Each method checks its arguments at once
     * and throws {@link ConfigurationException} naming a bad one. A builder is not thread-safe;
     * the mappings it builds are.
     */
    public static final class Builder {

        private final Map<String, String> databases = new LinkedHashMap<>();
        private final Map<Namespace, Namespace> collections = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Sends every collection of a source database to a target database of another name.
         *
         * @param from the source database; not null
         * @param to the target database; not null
         * @return this builder
         * @throws ConfigurationException if a name is invalid, {@code from} already has a rule,
         *     or {@code to} is {@code admin}, {@code local} or {@code config} and differs from
         *     {@code from}
         */
        public Builder renameDatabase(String from, String to) {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            String rule = "renameDatabase(" + NameRules.quote(from) + ", " + NameRules.quote(to) + ")";
            checkDatabase(rule, from);
            checkDatabase(rule, to);
            checkNotInternal(rule, from, to);
            String earlier = databases.putIfAbsent(from, to);
            if (earlier != null) {
                throw new ConfigurationException(rule + ": the database " + NameRules.quote(from)
                    + " is already renamed to " + NameRules.quote(earlier) + "; a source can have one rule");
            }
            return this;
        }

        /**
         * Sends one source collection to a target namespace, in any database. This rule wins over
         * a database rule for the source's database.
         *
         * @param fromFullName the source namespace, {@code database.collection}; not null
         * @param toFullName the target namespace, {@code database.collection}; not null
         * @return this builder
         * @throws ConfigurationException if a name is invalid, the source already has a rule, or
         *     the target is in {@code admin}, {@code local} or {@code config} and the source is not
         *     in the same database
         */
        public Builder renameCollection(String fromFullName, String toFullName) {
            Objects.requireNonNull(fromFullName, "fromFullName");
            Objects.requireNonNull(toFullName, "toFullName");
            String rule = "renameCollection(" + NameRules.quote(fromFullName) + ", "
                + NameRules.quote(toFullName) + ")";
            Namespace from = parse(rule, fromFullName);
            Namespace to = parse(rule, toFullName);
            checkNotInternal(rule, from.database(), to.database());
            Namespace earlier = collections.putIfAbsent(from, to);
            if (earlier != null) {
                throw new ConfigurationException(rule + ": the collection " + from + " is already renamed to "
                    + earlier + "; a source can have one rule");
            }
            return this;
        }

        /**
         * Builds the mapping.
         *
         * @return a new immutable mapping
         * @throws ConfigurationException if two collection rules have the same target; the
         *     message names both sources
         */
        public NamespaceMapping build() {
            MappingChecks.checkDistinctTargets(collections);
            return new NamespaceMapping(this);
        }

        private static void checkDatabase(String rule, String name) {
            String problem = NameRules.databaseProblem(name);
            if (problem != null) {
                throw new ConfigurationException(rule + ": " + problem);
            }
        }

        private static Namespace parse(String rule, String fullName) {
            try {
                return Namespace.parse(fullName);
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException(rule + ": " + e.getMessage(), e);
            }
        }

        private static void checkNotInternal(String rule, String from, String to) {
            if (NameRules.isInternalDatabase(to) && !to.equals(from)) {
                throw new ConfigurationException(rule + ": the target database " + NameRules.quote(to)
                    + " belongs to the server (admin, local and config do); choose another target");
            }
        }
    }
}
