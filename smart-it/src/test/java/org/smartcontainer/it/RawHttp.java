package org.smartcontainer.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, one request per connection, for inputs the JDK's client refuses to send
 * (control characters in header values, raw bytes in the request target). Client side only.
 */
final class RawHttp {

    /** An answer: status, headers (names in lower case, last value wins) and the body as UTF-8 text. */
    record Answer(int status, Map<String, String> headers, String body) {
    }

    private RawHttp() {
    }

    /**
     * Sends one request to the test server.
     *
     * @param target the request target exactly as it goes on the wire (ISO-8859-1 bytes)
     * @param headers name/value pairs, sent as given (ISO-8859-1 bytes)
     * @param body the body, or null
     */
    static Answer send(String method, String target, List<String[]> headers, byte[] body) throws IOException {
        return send(method, target, headers, body, false);
    }

    /** As {@link #send}, the body sent in chunks without announcing its length (a streamed body). */
    static Answer sendChunked(String method, String target, List<String[]> headers, byte[] body) throws IOException {
        return send(method, target, headers, body, true);
    }

    private static Answer send(String method, String target, List<String[]> headers, byte[] body, boolean chunked)
            throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(TestServer.base().getHost(), TestServer.base().getPort()), 10_000);
            socket.setSoTimeout(60_000);
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            line(head, method + " " + target + " HTTP/1.1");
            line(head, "Host: " + TestServer.base().getAuthority());
            line(head, "Connection: close");
            for (String[] header : headers) {
                line(head, header[0] + ": " + header[1]);
            }
            if (body != null) {
                line(head, chunked ? "Transfer-Encoding: chunked" : "Content-Length: " + body.length);
            }
            line(head, "");
            OutputStream out = socket.getOutputStream();
            out.write(head.toByteArray());
            if (body != null) {
                try {
                    if (chunked) {
                        for (int at = 0; at < body.length; at += 65536) {
                            int n = Math.min(65536, body.length - at);
                            out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                            out.write(body, at, n);
                            out.write(new byte[] {'\r', '\n'});
                        }
                        out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    } else {
                        out.write(body);
                    }
                } catch (IOException e) {
                    // the server may answer (413) and close before it has read the whole body
                }
            }
            out.flush();
            return read(socket.getInputStream());
        }
    }

    private static void line(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(new byte[] {'\r', '\n'});
    }

    private static Answer read(InputStream in) throws IOException {
        byte[] all;
        try {
            all = in.readAllBytes();
        } catch (IOException e) {
            throw new IOException("no complete answer: " + e, e);
        }
        String text = new String(all, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/1.") || end < 0) {
            throw new IOException("not an HTTP answer: " + text.substring(0, Math.min(200, text.length())));
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
        }
        byte[] body = java.util.Arrays.copyOfRange(all, end + 4, all.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(body);
        }
        return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < chunked.length) {
            int lineEnd = i;
            while (lineEnd + 1 < chunked.length && !(chunked[lineEnd] == '\r' && chunked[lineEnd + 1] == '\n')) {
                lineEnd++;
            }
            String size = new String(chunked, i, lineEnd - i, StandardCharsets.ISO_8859_1).split(";")[0].trim();
            int length = size.isEmpty() ? 0 : Integer.parseInt(size, 16);
            if (length == 0) {
                break;
            }
            int start = lineEnd + 2;
            out.write(chunked, start, Math.min(length, chunked.length - start));
            i = start + length + 2;
        }
        return out.toByteArray();
    }
}
