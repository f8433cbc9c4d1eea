package org.smartcontainer.edge;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The bounds on request input, one place for all web modules. Defaults suit a hospital deployment; every
 * value can be set with the MicroProfile Config key {@code smart.limits.<name>} (docs/operations.md).
 *
 * @param uriLength longest request target, path and query together ({@code uri-length}, 8192)
 * @param pathSegmentLength longest path segment once decoded: record, app, user and item ids
 *        ({@code path-segment-length}, 256: the longest id the container stores is an app id of 256)
 * @param queryLength longest query string ({@code query-length}, 4096)
 * @param parameterCount most query parameters ({@code parameter-count}, 64)
 * @param parameterLength longest query parameter name or value once decoded ({@code parameter-length}, 2048)
 * @param headerLength longest header value ({@code header-length}, 8192)
 * @param headerCount most header lines ({@code header-count}, 100)
 * @param bodyBytes largest request body ({@code body-bytes}, 1 MiB: notes, scratchpad, manifests, forms)
 * @param importBodyBytes largest body of a patient-file import ({@code import-body-bytes}, 21 MiB: the portal's
 *        20 MiB file limit plus the form around it; the largest upstream sample patient is 1.1 MB)
 */
public record InputLimits(int uriLength, int pathSegmentLength, int queryLength, int parameterCount,
        int parameterLength, int headerLength, int headerCount, long bodyBytes, long importBodyBytes) {

    /** The prefix of the configuration keys. */
    public static final String PREFIX = "smart.limits.";

    /** The documented defaults. */
    public static InputLimits defaults() {
        return new InputLimits(8192, 256, 4096, 64, 2048, 8192, 100, 1L << 20, 21L << 20);
    }

    /** The defaults overridden by {@code smart.limits.*} where set. */
    public static InputLimits fromConfig() {
        return from(ConfigProvider.getConfig());
    }

    /** The defaults overridden by {@code smart.limits.*} of the given configuration. */
    public static InputLimits from(Config config) {
        InputLimits d = defaults();
        return new InputLimits(
                value(config, "uri-length", d.uriLength),
                value(config, "path-segment-length", d.pathSegmentLength),
                value(config, "query-length", d.queryLength),
                value(config, "parameter-count", d.parameterCount),
                value(config, "parameter-length", d.parameterLength),
                value(config, "header-length", d.headerLength),
                value(config, "header-count", d.headerCount),
                value(config, "body-bytes", d.bodyBytes),
                value(config, "import-body-bytes", d.importBodyBytes));
    }

    private static int value(Config config, String name, int fallback) {
        return (int) value(config, name, (long) fallback);
    }

    private static long value(Config config, String name, long fallback) {
        long value = config.getOptionalValue(PREFIX + name, Long.class).orElse(fallback);
        if (value <= 0 || value > Integer.MAX_VALUE && !name.endsWith("bytes")) {
            throw new IllegalArgumentException(PREFIX + name + " must be a positive number, not " + value);
        }
        return value;
    }
}
