package org.smartcontainer.edge;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The checks of the edge as pure functions of the raw request: a path, query or header that breaks
 * {@link InputLimits} or is malformed (bad percent-encoding, bytes that are not UTF-8, control characters,
 * encoded slashes, dot segments or empty segments) gives the refusal. Thread-safe.
 */
public final class InputCheck {

    /** The most characters that decode to one: a code point of 4 UTF-8 bytes, escaped, is 12 for 2 UTF-16 chars. */
    private static final int MAX_ESCAPED = 6;

    private final InputLimits limits;

    public InputCheck(InputLimits limits) {
        this.limits = limits;
    }

    /** The limits checked. */
    public InputLimits limits() {
        return limits;
    }

    /**
     * Checks the request target.
     *
     * @param rawPath the path as sent, still percent-encoded (the servlet request URI)
     * @param rawQuery the query string as sent, or null
     */
    public Optional<InputRefusal> target(String rawPath, String rawQuery) {
        int length = rawPath.length() + (rawQuery == null ? 0 : rawQuery.length() + 1);
        if (length > limits.uriLength()) {
            return refuse(414, "uri-length", "The URI is longer than " + limits.uriLength() + " characters");
        }
        String[] segments = rawPath.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            if (segments[i].isEmpty() && i > 0 && i < segments.length - 1) {
                // "//": no route has one, and servers and proxies disagree whether it is one separator or two
                return refuse(400, "path-separator", "Empty path segments are not allowed");
            }
            Optional<InputRefusal> refused = segment(segments[i]);
            if (refused.isPresent()) {
                return refused;
            }
        }
        return rawQuery == null || rawQuery.isEmpty() ? Optional.empty() : query(rawQuery);
    }

    private Optional<InputRefusal> segment(String raw) {
        int semicolon = raw.indexOf(';'); // path parameters (;jsessionid=) are checked as part of the segment
        if (raw.length() > MAX_ESCAPED * limits.pathSegmentLength()) { // cannot decode to few enough characters
            return tooLongSegment();
        }
        Optional<String> decoded = decode(raw, false);
        if (decoded.isEmpty()) {
            return malformed();
        }
        String value = decoded.get();
        if (value.length() > limits.pathSegmentLength()) {
            return tooLongSegment();
        }
        if (hasControlCharacter(value)) {
            return controlCharacter();
        }
        String name = semicolon < 0 ? value : decode(raw.substring(0, semicolon), false).orElse(value);
        if (name.indexOf('/') >= 0 || name.indexOf('\\') >= 0 || isDotSegment(name)) {
            return refuse(400, "path-separator", "Encoded slashes, backslashes and dot segments are not allowed in paths");
        }
        return Optional.empty();
    }

    private Optional<InputRefusal> query(String rawQuery) {
        if (rawQuery.length() > limits.queryLength()) {
            return refuse(414, "query-length", "The query string is longer than " + limits.queryLength() + " characters");
        }
        String[] pairs = rawQuery.split("&", -1);
        if (pairs.length > limits.parameterCount()) {
            return refuse(400, "parameter-count", "More than " + limits.parameterCount() + " query parameters");
        }
        for (String pair : pairs) {
            if (pair.length() > 2 * MAX_ESCAPED * limits.parameterLength() + 1) {
                return tooLongParameter();
            }
            int eq = pair.indexOf('=');
            for (String part : eq < 0 ? new String[] {pair} : new String[] {pair.substring(0, eq), pair.substring(eq + 1)}) {
                Optional<String> decoded = decode(part, true);
                if (decoded.isEmpty()) {
                    return malformed();
                }
                if (decoded.get().length() > limits.parameterLength()) {
                    return tooLongParameter();
                }
                if (hasControlCharacter(decoded.get())) {
                    return controlCharacter();
                }
            }
        }
        return Optional.empty();
    }

    /** Checks one header: its value's length and characters. */
    public Optional<InputRefusal> header(String name, String value) {
        if (value.length() > limits.headerLength()) {
            return refuse(431, "header-length", "A header is longer than " + limits.headerLength() + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 && c != '\t' || c == 0x7f) {
                return controlCharacter();
            }
        }
        return Optional.empty();
    }

    /** Checks the number of header lines. */
    public Optional<InputRefusal> headerCount(int count) {
        return count > limits.headerCount()
                ? refuse(431, "header-count", "More than " + limits.headerCount() + " headers") : Optional.empty();
    }

    /** The refusal of a body larger than the limit. */
    public static InputRefusal bodyTooLarge(long limit) {
        return new InputRefusal(413, "body-bytes", "The request body is larger than " + limit + " bytes");
    }

    /**
     * Strict percent-decoding as UTF-8 (the API's router decodes path variables with it too): empty for a
     * {@code %} not followed by two hex digits or bytes that are not UTF-8.
     *
     * @param form whether {@code +} means a space (query strings)
     */
    public static Optional<String> decode(String raw, boolean form) {
        if (raw.indexOf('%') < 0) {
            return Optional.of(form ? raw.replace('+', ' ') : raw);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                int hi = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
                int lo = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 2), 16) : -1;
                if (hi < 0 || lo < 0) {
                    return Optional.empty();
                }
                bytes.write(hi << 4 | lo);
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(form && c == '+' ? ' ' : c).getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static boolean hasControlCharacter(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c >= 0x7f && c <= 0x9f) {
                return true;
            }
        }
        return false;
    }

    private static boolean isDotSegment(String segment) {
        return segment.equals(".") || segment.equals("..");
    }

    private Optional<InputRefusal> tooLongSegment() {
        return refuse(414, "path-segment-length", "A path segment is longer than " + limits.pathSegmentLength() + " characters");
    }

    private Optional<InputRefusal> tooLongParameter() {
        return refuse(414, "parameter-length", "A query parameter is longer than " + limits.parameterLength() + " characters");
    }

    private static Optional<InputRefusal> malformed() {
        return refuse(400, "encoding", "Malformed percent-encoding or bytes that are not UTF-8");
    }

    private static Optional<InputRefusal> controlCharacter() {
        return refuse(400, "control-character", "Control characters are not allowed");
    }

    private static Optional<InputRefusal> refuse(int status, String limit, String message) {
        return Optional.of(new InputRefusal(status, limit, message));
    }
}
