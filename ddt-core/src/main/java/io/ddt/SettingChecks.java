package io.ddt;

import java.time.Duration;

/** The checks that several settings builders make on the same kind of value, with the same message. */
final class SettingChecks {

    private SettingChecks() {
    }

    /** A job name goes into thread names and log lines: short, and nothing a shell or a log parser trips on. */
    static String jobName(String name) {
        if (name == null || !name.matches("[A-Za-z0-9_.-]{1,64}")) {
            throw new IllegalArgumentException("jobName must be 1 to 64 letters, digits, '.', '_' or '-', not '" + name + "'");
        }
        return name;
    }

    static Duration positive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, not " + value);
        }
        return value;
    }
}
