package org.smartcontainer.ui.connect;

import java.util.Locale;
import java.util.Optional;

/** The rules for what SMART Connect may ask the API for: a path below the API base, nothing else. */
public final class Passthrough {

    private Passthrough() {
    }

    /**
     * Whether {@code func} (the raw path after the API base) is a plain absolute path: starts with one
     * {@code /}, no {@code ..} segment, no backslash, no encoded dot, slash or backslash, no scheme, no
     * control characters.
     */
    public static boolean isSafePath(String func) {
        if (func == null || func.isEmpty() || func.length() > 2048 || func.charAt(0) != '/' || func.startsWith("//")) {
            return false;
        }
        String lower = func.toLowerCase(Locale.ROOT);
        if (lower.contains("%2e") || lower.contains("%2f") || lower.contains("%5c") || lower.contains("\\")
                || lower.contains("%00") || lower.contains("://")) {
            return false;
        }
        for (int i = 0; i < func.length(); i++) {
            char c = func.charAt(i);
            if (c < 0x21 || c == 0x7f) {
                return false;
            }
        }
        int query = func.indexOf('?');
        String path = query < 0 ? func : func.substring(0, query);
        for (String segment : path.split("/", -1)) {
            if (segment.equals("..") || segment.equals(".")) {
                return false;
            }
        }
        return true;
    }

    /** The token of {@code Authorization: OAuth smart_connect_token="…"}, percent-decoded. */
    public static Optional<String> connectToken(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "OAuth ", 0, 6)) {
            return Optional.empty();
        }
        for (String part : authorization.substring(6).split(",")) {
            String p = part.trim();
            if (p.startsWith("smart_connect_token=\"") && p.endsWith("\"") && p.length() > 22) {
                String value = p.substring(21, p.length() - 1);
                try {
                    return Optional.of(org.smartcontainer.oauth.PercentEncoding.decode(value, false));
                } catch (IllegalArgumentException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /** A media type without parameters ({@code text/xml; charset=UTF-8} → {@code text/xml}). */
    public static String mediaType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return null;
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }
}
