package io.ddt.internal.stream;

import java.util.List;
import java.util.Optional;

import io.ddt.NamespaceFilter;

/**
 * One include glob of a {@link NamespaceFilter} as regular expressions that a MongoDB server
 * (PCRE) and Java read alike: every metacharacter escaped with a backslash, {@code *} and
 * {@code ?} as character classes, no flags. The expressions are bodies, anchored by the caller.
 *
 * <p>They select at least what the glob selects, so that a server may drop what the filter would
 * drop; {@link NamespaceFilter#matches} still has the last word on what it sends.
 *
 * @param database the body matching the glob's database side (no dot can occur there)
 * @param collection the body matching the glob's collection side
 */
record GlobPattern(String database, String collection) {

    private static final String METACHARACTERS = "\\^$.|?*+()[]{}";

    /** Returns the filter's include globs as patterns; empty when the server cannot be told them. */
    static Optional<List<GlobPattern>> of(NamespaceFilter filter) {
        return filter.includeGlobs().map(globs -> globs.stream().map(GlobPattern::parse).toList());
    }

    /** Splits a glob at its first dot, as {@link NamespaceFilter} does. */
    static GlobPattern parse(String glob) {
        int dot = glob.indexOf('.');
        return new GlobPattern(body(glob.substring(0, dot), "[^.]"), body(glob.substring(dot + 1), "[\\s\\S]"));
    }

    /** Returns {@code ^(?:a|b|...)$}. */
    static String anyOf(List<String> bodies) {
        return "^(?:" + String.join("|", bodies) + ")$";
    }

    /** Returns {@code ^(?:body)$}. */
    static String whole(String body) {
        return "^(?:" + body + ")$";
    }

    private static String body(String side, String oneCharacter) {
        StringBuilder regex = new StringBuilder();
        side.codePoints().forEach(c -> {
            if (c == '*') {
                regex.append(oneCharacter).append('*');
            } else if (c == '?') {
                regex.append(oneCharacter);
            } else {
                if (METACHARACTERS.indexOf(c) >= 0) {
                    regex.append('\\');
                }
                regex.appendCodePoint(c);
            }
        });
        return regex.toString();
    }
}
