package org.smartcontainer.edge;

/**
 * Request input as log lines may quote it: at most {@value #MAX} characters, control characters shown as
 * {@code ?}, and the original length named when cut. Every log line that quotes a path, id or parameter
 * passes it through here, so no request can write megabytes or forge lines into the server log.
 */
public final class LoggedInput {

    /** The most characters of one input value in a log line. */
    public static final int MAX = 120;

    private LoggedInput() {
    }

    /** The value, cut for a log line ({@code null} stays {@code "null"}). */
    public static String cut(Object value) {
        String text = String.valueOf(value);
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX) + 24);
        for (int i = 0; i < text.length() && i < MAX; i++) {
            char c = text.charAt(i);
            out.append(c < 0x20 || c >= 0x7f && c <= 0x9f ? '?' : c);
        }
        if (text.length() > MAX) {
            out.append("...(").append(text.length()).append(" chars)");
        }
        return out.toString();
    }
}
