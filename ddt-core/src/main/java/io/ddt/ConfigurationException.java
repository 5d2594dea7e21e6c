package io.ddt;

/**
 * Thrown when settings, a {@link NamespaceFilter}, a {@link NamespaceMapping} or another piece of
 * user configuration is wrong.
 *
 * <p>ddt detects configuration errors before it writes anything: a builder throws this as soon
 * as an argument is set or in {@code build()}, and a transfer throws it from its start-up checks
 * (for example when two source namespaces would map to the same target namespace). When this
 * exception reaches the caller, the target has not been touched by the failing job.
 *
 * <p>The message names the setting, the offending value and, where possible, a value that would
 * work. Fix the configuration and start again; retrying unchanged fails the same way.
 */
public class ConfigurationException extends DdtException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception that names the bad setting.
     *
     * @param message which setting is wrong, its value, and how to fix it
     */
    public ConfigurationException(String message) {
        super(message);
    }

    /**
     * Creates an exception that names the bad setting and keeps the error that revealed it
     * (for example a {@link java.util.regex.PatternSyntaxException}).
     *
     * @param message which setting is wrong, its value, and how to fix it
     * @param cause the underlying error; may be {@code null}
     */
    public ConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
