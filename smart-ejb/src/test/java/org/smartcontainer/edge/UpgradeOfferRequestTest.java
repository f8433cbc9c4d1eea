package org.smartcontainer.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UpgradeOfferRequestTest {

    /**
     * A request whose raw body stream is the given text and then, like Grizzly's for an unhonoured upgrade,
     * never ends: reading past the text fails the test instead of waiting for the read timeout.
     */
    private static HttpServletRequest raw(String protocol, Map<String, String> headers, long contentLength, String rest) {
        ByteArrayInputStream bytes = new ByteArrayInputStream(rest.getBytes(StandardCharsets.ISO_8859_1));
        ServletInputStream stream = new ServletInputStream() {
            @Override
            public int read() {
                if (bytes.available() == 0) {
                    throw new AssertionError("read past the body into the rest of the connection");
                }
                return bytes.read();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (len > 0 && bytes.available() == 0) {
                    throw new AssertionError("read past the body into the rest of the connection");
                }
                return bytes.read(b, off, len);
            }

            @Override
            public boolean isFinished() {
                return false;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
            }
        };
        return (HttpServletRequest) Proxy.newProxyInstance(UpgradeOfferRequestTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getInputStream" -> stream;
                    case "getProtocol" -> protocol;
                    case "getHeader" -> headers.get(((String) args[0]).toLowerCase());
                    case "getContentLengthLong" -> contentLength;
                    case "getContentType" -> headers.get("content-type");
                    default -> null;
                });
    }

    private static String body(HttpServletRequest request) throws IOException {
        return new String(UpgradeOfferRequest.bounded(request).getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
    }

    @Test
    void anH2cOfferWithoutABodyHasAnEmptyBody() throws IOException {
        assertEquals("", body(raw("HTTP/1.1", Map.of("upgrade", "h2c"), -1, "")));
    }

    @Test
    void anOfferedUpgradesBodyEndsAfterItsContentLength() throws IOException {
        assertEquals("a=b", body(raw("HTTP/1.1", Map.of("upgrade", "h2c"), 3, "a=bGET / HTTP/1.1\r\n")));
    }

    @Test
    void anOfferedUpgradesChunkedBodyEndsAfterItsLastChunk() throws IOException {
        HttpServletRequest request = raw("HTTP/1.1", Map.of("upgrade", "h2c", "transfer-encoding", "chunked"), -1,
                "3;ext=1\r\nabc\r\n2\r\nde\r\n0\r\nTrailer: x\r\n\r\nGET / HTTP/1.1\r\n");
        assertEquals("abcde", body(request));
    }

    @Test
    void aBrokenChunkSizeIsAnError() {
        HttpServletRequest request = raw("HTTP/1.1", Map.of("upgrade", "foo", "transfer-encoding", "chunked"), -1,
                "zz\r\n");
        IOException e = assertThrows(IOException.class, () -> body(request));
        assertTrue(e.getMessage().contains("chunk size"));
    }

    @Test
    void aChunkedFormWithAnUpgradeOfferIsRefusedWith411AndOtherBodiesAreNot() {
        assertEquals(411, UpgradeOfferRequest.refusal(raw("HTTP/1.1", Map.of("upgrade", "h2c",
                "transfer-encoding", "chunked", "content-type", "application/x-www-form-urlencoded"), -1, ""))
                .orElseThrow().status());
        assertTrue(UpgradeOfferRequest.refusal(raw("HTTP/1.1", Map.of("upgrade", "h2c",
                "content-type", "application/x-www-form-urlencoded"), 3, "a=b")).isEmpty());
        assertTrue(UpgradeOfferRequest.refusal(raw("HTTP/1.1", Map.of("upgrade", "h2c",
                "transfer-encoding", "chunked", "content-type", "text/plain"), -1, "")).isEmpty());
        assertTrue(UpgradeOfferRequest.refusal(raw("HTTP/1.1", Map.of("transfer-encoding", "chunked",
                "content-type", "application/x-www-form-urlencoded"), -1, "")).isEmpty());
    }

    @Test
    void anUnreadBodyIsDroppedAfterTheAnswerButAFormIsLeftToTheContainer() throws IOException {
        HttpServletRequest unread = raw("HTTP/1.1", Map.of("upgrade", "h2c", "content-type", "text/plain"), 3,
                "a=bNEXT");
        UpgradeOfferRequest.dropRest(UpgradeOfferRequest.bounded(unread), 1024);
        assertEquals("NEXT", new String(unread.getInputStream().readNBytes(4), StandardCharsets.ISO_8859_1));

        HttpServletRequest form = raw("HTTP/1.1", Map.of("upgrade", "h2c",
                "content-type", "application/x-www-form-urlencoded"), 3, "a=b");
        UpgradeOfferRequest.dropRest(UpgradeOfferRequest.bounded(form), 1024);
        assertEquals("a=b", new String(form.getInputStream().readNBytes(3), StandardCharsets.ISO_8859_1));
    }

    @Test
    void requestsWithoutAnUpgradeOfferAreLeftAlone() {
        HttpServletRequest plain = raw("HTTP/1.1", Map.of(), 3, "a=b");
        assertSame(plain, UpgradeOfferRequest.bounded(plain));
        HttpServletRequest http2 = raw("HTTP/2.0", Map.of("upgrade", "h2c"), 3, "a=b");
        assertSame(http2, UpgradeOfferRequest.bounded(http2));
    }
}
