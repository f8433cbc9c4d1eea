package org.smartcontainer.audit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * One audit event as one line of text, as the audit journal and the dead-letter file keep it: tab-separated
 * fields with tabs, line breaks and backslashes escaped, {@code \N} for a missing value, and a CRC-32 of the
 * rest first, so that a line torn by a crash, or edited, is recognised and not read as an event.
 */
final class AuditEventLine {

    private static final String VERSION = "a1";
    private static final String NULL = "\\N";

    private AuditEventLine() {
    }

    /** The line, without its line break. */
    static String encode(AuditEvent e) {
        String body = String.join("\t", escape(e.getId()), Long.toString(e.getTime().toEpochMilli()),
                escape(e.getAccount()), escape(e.getApp()), escape(e.getRecord()), escape(e.getCall()),
                escape(e.getMethod()), escape(e.getPath()), Integer.toString(e.getStatus()));
        return VERSION + "\t" + crc(body) + "\t" + body;
    }

    /**
     * The event of a line.
     *
     * @throws IllegalArgumentException if the line is not a whole, intact event line
     */
    static AuditEvent decode(String line) {
        String[] head = line.split("\t", 3);
        if (head.length != 3 || !VERSION.equals(head[0])) {
            throw new IllegalArgumentException("not an audit event line");
        }
        if (!head[1].equals(crc(head[2]))) {
            throw new IllegalArgumentException("checksum mismatch (a torn or altered line)");
        }
        List<String> f = fields(head[2]);
        if (f.size() != 9) {
            throw new IllegalArgumentException("expected 9 fields, found " + f.size());
        }
        try {
            return new AuditEvent(f.get(0), Long.parseLong(f.get(1)), f.get(2), f.get(3), f.get(4), f.get(5),
                    f.get(6), f.get(7), Integer.parseInt(f.get(8)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a malformed number", e);
        }
    }

    private static List<String> fields(String body) {
        List<String> fields = new ArrayList<>(9);
        for (String raw : body.split("\t", -1)) {
            fields.add(NULL.equals(raw) ? null : unescape(raw));
        }
        return fields;
    }

    private static String crc(String body) {
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.UTF_8));
        return String.format("%08x", crc.getValue());
    }

    private static String escape(String value) {
        if (value == null) {
            return NULL;
        }
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String unescape(String value) {
        if (value.indexOf('\\') < 0) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                char next = value.charAt(++i);
                out.append(switch (next) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    default -> next;
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
