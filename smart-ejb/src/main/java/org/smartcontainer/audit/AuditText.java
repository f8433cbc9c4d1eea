package org.smartcontainer.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Makes a value from a request fit its audit column, whatever the caller sent: control characters (which
 * PostgreSQL refuses as NUL, or which forge log lines) and unpaired surrogates become U+FFFD, and a value
 * longer than its column is cut, ending in a marker with the original length and a hash of the whole value,
 * so that two different over-long values stay apart and an investigator can match the value they suspect.
 * An event of an over-long request is thus stored, not lost, and never poisons a batch.
 */
public final class AuditText {

    private static final char REPLACEMENT = '\uFFFD';
    /** Columns narrower than this (the HTTP method) are cut without a marker: the marker would not fit. */
    private static final int SHORTEST_MARKED = 48;

    private AuditText() {
    }

    /** The value as it is stored: unchanged when it is clean and fits, else cleaned, cut and marked. */
    public static String bound(String value, int maxLength) {
        if (value == null) {
            return null;
        }
        String clean = clean(value);
        if (clean.length() <= maxLength && clean.equals(value)) {
            return value;
        }
        String marker = "…[cut: " + value.length() + " chars, sha256 " + hash(value) + "]";
        if (maxLength < SHORTEST_MARKED) {
            return clean.length() <= maxLength ? clean : cutAt(clean, maxLength);
        }
        if (clean.length() + marker.length() <= maxLength) {
            return clean + marker;
        }
        return cutAt(clean, maxLength - marker.length()) + marker;
    }

    private static String clean(String value) {
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean bad = c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || unpairedSurrogate(value, i);
            if (Character.isHighSurrogate(c) && !bad) {
                // a whole pair: keep both halves
                if (out != null) {
                    out.append(c).append(value.charAt(i + 1));
                }
                i++;
                continue;
            }
            if (bad && out == null) {
                out = new StringBuilder(value.length()).append(value, 0, i);
            }
            if (out != null) {
                out.append(bad ? REPLACEMENT : c);
            }
        }
        return out == null ? value : out.toString();
    }

    private static boolean unpairedSurrogate(String value, int i) {
        char c = value.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1));
        }
        return Character.isLowSurrogate(c);
    }

    /** Cuts without splitting a surrogate pair. */
    private static String cutAt(String value, int length) {
        int end = Math.max(0, length);
        if (end > 0 && end < value.length() && Character.isHighSurrogate(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(0, end);
    }

    /** The first 16 hex digits of the SHA-256 of the value's UTF-8 bytes (unpaired surrogates as '?'). */
    static String hash(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
