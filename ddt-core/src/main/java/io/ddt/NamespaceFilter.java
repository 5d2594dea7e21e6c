package io.ddt;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Chooses which source namespaces a job copies and replays.
 *
 * <p>A filter holds include rules, exclude rules and a switch for internal namespaces:
 * <ul>
 *   <li>a namespace that an exclude rule matches is never matched: excludes win over includes;</li>
 *   <li>an ordinary namespace is matched when an include rule matches it, or when there are no
 *       include rules at all ("everything not excluded");</li>
 *   <li>an internal namespace is one in the {@code admin}, {@code local} or {@code config}
 *       database, or a {@code system.*} collection in any database. These hold users, sessions,
 *       the oplog and the server's own state, and copying them is almost never wanted, so one is
 *       matched only when {@link Builder#includeInternal(boolean) includeInternal(true)} is set
 *       <em>and</em> an include glob that names internal namespaces matches it: a glob whose
 *       database side is literally {@code admin}, {@code local} or {@code config}, or whose
 *       collection side starts with {@code system.}. Broad rules such as {@code *.*} or
 *       {@code shop.*} and regexes never select internal namespaces.</li>
 * </ul>
 *
 * <p><b>Globs.</b> {@link Builder#include(String)} and {@link Builder#exclude(String)} take a
 * glob {@code database.collection}. The first dot splits it, as in a full name; the database side
 * is matched against the database name and the collection side against the collection name. In
 * each side {@code *} matches any run of characters, the empty run and dots included, and
 * {@code ?} matches exactly one character; every other character matches itself, case
 * included. There is no escape: to match a literal {@code *} or {@code ?}, use a regex.
 * <ul>
 *   <li>{@code shop.*}: every collection of the database {@code shop};</li>
 *   <li>{@code *.orders}: the collection {@code orders} in every database;</li>
 *   <li>{@code logs_2024*.events}: {@code events} in {@code logs_2024}, {@code logs_2024_01}, ...;</li>
 *   <li>{@code shop.orders.*}: {@code shop.orders.2023}, {@code shop.orders.archive.x}, but not
 *       {@code shop.orders} itself;</li>
 *   <li>{@code shop.tmp_???}: {@code shop.tmp_abc}, not {@code shop.tmp_ab}.</li>
 * </ul>
 *
 * <p><b>Regular expressions.</b> {@link Builder#includeRegex(String)} and
 * {@link Builder#excludeRegex(String)} take a {@link java.util.regex.Pattern Java regular
 * expression} that must match the <em>whole</em> full name {@code database.collection}: the
 * regex {@code shop\.orders_\d+} matches {@code shop.orders_7} but not {@code shop.orders_7x};
 * to match a prefix, end it with {@code .*}.
 *
 * <p>Every rule is checked as it is added: a glob without a dot, with an empty side, or that can
 * never match a valid name, and a regex that does not compile, fail at once with a
 * {@link ConfigurationException} that names the rule. {@link Builder#build()} also rejects an
 * include glob that names internal namespaces (such as {@code admin.*} or
 * {@code *.system.js}) while {@code includeInternal} is false.
 *
 * <p>Examples: every database but {@code test}, without temporary collections; and the
 * {@code shop} database with its stored JavaScript functions ({@code system.js}):
 * <pre>{@code
 * NamespaceFilter.builder().exclude("test.*").exclude("*.tmp_*").build();
 * NamespaceFilter.builder().include("shop.*").includeInternal(true).include("shop.system.js").build();
 * }</pre>
 * Views and time-series collections are matched by their own names, like collections.
 *
 * <p>Filters are immutable and thread-safe. Two filters are equal when they have the same
 * include rules, the same exclude rules (in any order) and the same internal switch.
 */
public final class NamespaceFilter {

    private static final NamespaceFilter ALL = new NamespaceFilter(new Builder());

    private final Set<NamespacePattern> includes;
    private final Set<NamespacePattern> excludes;
    private final boolean includeInternal;

    private NamespaceFilter(Builder builder) {
        this.includes = Collections.unmodifiableSet(new LinkedHashSet<>(builder.includes));
        this.excludes = Collections.unmodifiableSet(new LinkedHashSet<>(builder.excludes));
        this.includeInternal = builder.includeInternal;
    }

    /**
     * Returns the filter that matches every namespace except the internal ones: everything in
     * {@code admin}, {@code local} and {@code config}, and every {@code system.*} collection.
     * It is the filter a builder without rules builds.
     *
     * @return the filter with no rules
     */
    public static NamespaceFilter all() {
        return ALL;
    }

    /**
     * Returns a builder with no rules and internal namespaces excluded.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Tells whether the filter selects a namespace, by the rules in the class description.
     *
     * @param namespace the source namespace; not null
     * @return true if the job should copy and replay it
     */
    public boolean matches(Namespace namespace) {
        if (excludes.stream().anyMatch(rule -> rule.matches(namespace))) {
            return false;
        }
        if (namespace.isInternalDatabase() || namespace.isSystem()) {
            return includeInternal
                && includes.stream().anyMatch(rule -> rule.namesInternal() && rule.matches(namespace));
        }
        return includes.isEmpty() || includes.stream().anyMatch(rule -> rule.matches(namespace));
    }

    /**
     * Tells whether a namespace of the given database could match, so that a caller can skip
     * listing a database that cannot. False only when no collection of it can match: it is
     * internal and excluded, an exclude glob {@code db.*} covers it, or no include rule can
     * select it. Regexes cannot be inspected: an include regex makes every database a "maybe",
     * an exclude regex rules none out. True means "list it and ask {@link #matches(Namespace)}".
     *
     * @param database a database name; not null
     * @return false if no namespace in {@code database} can match
     */
    public boolean mayMatchDatabase(String database) {
        Objects.requireNonNull(database, "database");
        if (excludes.stream().anyMatch(rule -> rule.matchesWholeDatabase(database))) {
            return false;
        }
        if (NameRules.isInternalDatabase(database)) {
            return includeInternal
                && includes.stream().anyMatch(rule -> rule.namesInternal() && rule.mayMatchDatabase(database));
        }
        return includes.isEmpty() || includes.stream().anyMatch(rule -> rule.mayMatchDatabase(database));
    }

    /**
     * Returns the include globs, for a reader that narrows what a server sends (an oplog query, a
     * change stream's {@code $match}) before it asks {@link #matches(Namespace)} for the final
     * word. The globs are as given to {@link Builder#include(String)}, in the order added, with the
     * syntax of the class description; exclude rules and the internal switch are left to
     * {@code matches}.
     *
     * @return the include globs: an empty list when there are no include rules (every ordinary
     *     namespace not excluded may match); empty when an include rule is a regular expression,
     *     which a server might not read as Java does
     */
    public Optional<List<String>> includeGlobs() {
        if (includes.stream().anyMatch(NamespacePattern::isRegex)) {
            return Optional.empty();
        }
        return Optional.of(includes.stream().map(NamespacePattern::toString).toList());
    }

    /**
     * Compares the rules and the internal switch; the order in which rules were added does not
     * matter.
     *
     * @param other the object to compare with
     * @return true if {@code other} is a filter with the same rules and switch
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof NamespaceFilter that && includeInternal == that.includeInternal
            && includes.equals(that.includes) && excludes.equals(that.excludes);
    }

    /**
     * Returns a hash code consistent with {@link #equals(Object)}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Objects.hash(includes, excludes, includeInternal);
    }

    /**
     * Lists the rules in the order they were added, regexes prefixed with {@code regex:}, for
     * example {@code NamespaceFilter{include=[shop.*, regex:logs\..*], exclude=[*.tmp_*],
     * includeInternal=false}}; with no include rules, {@code include=all}.
     *
     * @return a description of the filter for logs
     */
    @Override
    public String toString() {
        return "NamespaceFilter{include=" + (includes.isEmpty() ? "all" : list(includes))
            + ", exclude=" + list(excludes) + ", includeInternal=" + includeInternal + "}";
    }

    private static String list(Set<NamespacePattern> rules) {
        return rules.stream().map(NamespacePattern::toString).collect(Collectors.joining(", ", "[", "]"));
    }

    /**
     * Collects the rules of a {@link NamespaceFilter}. Each method checks its argument at once
     * and throws {@link ConfigurationException} naming a bad rule; adding a rule twice has no
     * further effect. A builder is not thread-safe; the filters it builds are.
     */
    public static final class Builder {

        private final Set<NamespacePattern> includes = new LinkedHashSet<>();
        private final Set<NamespacePattern> excludes = new LinkedHashSet<>();
        private boolean includeInternal;

        private Builder() {
        }

        /**
         * Adds an include glob {@code database.collection}, such as {@code shop.*}.
         *
         * @param glob the glob; not null
         * @return this builder
         * @throws ConfigurationException if the glob has no dot, an empty side, or cannot match
         *     any valid namespace
         */
        public Builder include(String glob) {
            includes.add(NamespacePattern.glob(Objects.requireNonNull(glob, "glob")));
            return this;
        }

        /**
         * Adds an exclude glob {@code database.collection}, such as {@code *.tmp_*}.
         *
         * @param glob the glob; not null
         * @return this builder
         * @throws ConfigurationException if the glob has no dot, an empty side, or cannot match
         *     any valid namespace
         */
        public Builder exclude(String glob) {
            excludes.add(NamespacePattern.glob(Objects.requireNonNull(glob, "glob")));
            return this;
        }

        /**
         * Adds an include regular expression, matched against the whole full name.
         *
         * @param regex a Java regular expression; not null
         * @return this builder
         * @throws ConfigurationException if the regex does not compile; the message names it and
         *     the syntax error
         */
        public Builder includeRegex(String regex) {
            includes.add(NamespacePattern.regex(Objects.requireNonNull(regex, "regex")));
            return this;
        }

        /**
         * Adds an exclude regular expression, matched against the whole full name.
         *
         * @param regex a Java regular expression; not null
         * @return this builder
         * @throws ConfigurationException if the regex does not compile; the message names it and
         *     the syntax error
         */
        public Builder excludeRegex(String regex) {
            excludes.add(NamespacePattern.regex(Objects.requireNonNull(regex, "regex")));
            return this;
        }

        /**
         * Lets include globs that name internal namespaces ({@code admin}, {@code local},
         * {@code config}, {@code system.*}) select them; see the class description. Default:
         * false.
         *
         * @param include true to allow internal namespaces to be included
         * @return this builder
         */
        public Builder includeInternal(boolean include) {
            this.includeInternal = include;
            return this;
        }

        /**
         * Builds the filter.
         *
         * @return a new immutable filter
         * @throws ConfigurationException if an include glob names internal namespaces while
         *     {@code includeInternal} is false
         */
        public NamespaceFilter build() {
            if (!includeInternal) {
                includes.stream().filter(NamespacePattern::namesInternal).findFirst().ifPresent(rule -> {
                    throw new ConfigurationException("Namespace pattern " + NameRules.quote(rule.toString())
                        + " names internal namespaces (admin, local, config or system.*), which are never "
                        + "matched unless includeInternal(true) is set; set it or drop the pattern");
                });
            }
            return new NamespaceFilter(this);
        }
    }
}
