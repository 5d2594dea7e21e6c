package io.ddt.examples.bench;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code --key value} options of one run, with typed getters that take the default. Every
 * value read is remembered with the default it resolved to, so the JSON report holds the
 * options a run really used, and options that nobody read can be reported as likely typos.
 *
 * <p>{@code --key=value} works too; a {@code --key} followed by another {@code --option} or by
 * nothing is the flag value {@code true}. Thread-safe.
 */
public final class Options {

    private final Map<String, String> given;
    private final Map<String, String> used = new LinkedHashMap<>();

    private Options(Map<String, String> given) {
        this.given = Collections.unmodifiableMap(given);
    }

    /**
     * Parses command-line arguments.
     *
     * @throws IllegalArgumentException for an argument that is not an option, or an option given twice
     */
    public static Options parse(String... args) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new IllegalArgumentException("expected an option such as --documents 1000, not '" + arg + "'");
            }
            String key = arg.substring(2);
            String value = "true";
            int eq = key.indexOf('=');
            if (eq > 0) {
                value = key.substring(eq + 1);
                key = key.substring(0, eq);
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                value = args[++i];
            }
            if (values.put(key, value) != null) {
                throw new IllegalArgumentException("option --" + key + " is given twice");
            }
        }
        return new Options(values);
    }

    /** Whether {@code --key} was given at all. */
    public boolean has(String key) {
        return given.containsKey(key);
    }

    /** The value of {@code --key}, or {@code defaultValue} (which may be null) if it was not given. */
    public synchronized String getString(String key, String defaultValue) {
        String value = given.getOrDefault(key, defaultValue);
        if (value != null) {
            used.put(key, value);
        }
        return value;
    }

    /** @throws IllegalArgumentException if the value is not a whole number */
    public long getLong(String key, long defaultValue) {
        String value = getString(key, Long.toString(defaultValue));
        try {
            return Long.parseLong(value.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + key + " takes a whole number, not '" + value + "'", e);
        }
    }

    /** @throws IllegalArgumentException if the value is not a whole number that fits an int */
    public int getInt(String key, int defaultValue) {
        long value = getLong(key, defaultValue);
        if (value != (int) value) {
            throw new IllegalArgumentException("--" + key + " is too large: " + value);
        }
        return (int) value;
    }

    /** @throws IllegalArgumentException if the value is not a number */
    public double getDouble(String key, double defaultValue) {
        String value = getString(key, Double.toString(defaultValue));
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + key + " takes a number, not '" + value + "'", e);
        }
    }

    /** @throws IllegalArgumentException if the value is not {@code true} or {@code false} */
    public boolean getBoolean(String key, boolean defaultValue) {
        String value = getString(key, Boolean.toString(defaultValue));
        if (!value.equals("true") && !value.equals("false")) {
            throw new IllegalArgumentException("--" + key + " takes true or false, not '" + value + "'");
        }
        return Boolean.parseBoolean(value);
    }

    /** The options read so far, with the defaults they resolved to, in the order first read. */
    public synchronized Map<String, String> used() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(used));
    }

    /** The options given but never read, sorted: most likely typos. */
    public synchronized Set<String> unused() {
        Set<String> unused = new TreeSet<>(given.keySet());
        unused.removeAll(used.keySet());
        return unused;
    }

    /** The options as given, as arguments again (for passing on to a child JVM). */
    public List<String> toArgs() {
        return given.entrySet().stream().flatMap(e -> List.of("--" + e.getKey(), e.getValue()).stream()).toList();
    }

    @Override
    public String toString() {
        return "Options" + given;
    }
}
