package org.smartcontainer.edge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;

class LimitedBodyRequestTest {

    /** A request whose body is the given bytes and that announces no length (a chunked body). */
    private static HttpServletRequest streamed(byte[] body) {
        ByteArrayInputStream bytes = new ByteArrayInputStream(body);
        ServletInputStream stream = new ServletInputStream() {
            @Override
            public int read() {
                return bytes.read();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return bytes.read(b, off, len);
            }

            @Override
            public boolean isFinished() {
                return bytes.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
            }
        };
        return (HttpServletRequest) Proxy.newProxyInstance(LimitedBodyRequestTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getInputStream" -> stream;
                    case "getCharacterEncoding" -> "UTF-8";
                    case "getContentLengthLong" -> -1L;
                    default -> null;
                });
    }

    @Test
    void aStreamedBodyUpToTheLimitIsReadWhole() throws IOException {
        byte[] body = new byte[1024];
        LimitedBodyRequest request = new LimitedBodyRequest(streamed(body), 1024);
        assertArrayEquals(body, request.getInputStream().readAllBytes());
        assertFalse(request.exceeded());
    }

    @Test
    void aStreamedBodyIsCutOffOneByteAfterTheLimit() {
        LimitedBodyRequest request = new LimitedBodyRequest(streamed(new byte[3 * 1024 * 1024]), 1024 * 1024);
        BodyTooLargeException e = assertThrows(BodyTooLargeException.class, () -> request.getInputStream().readAllBytes());
        assertEquals(1024 * 1024, e.limit());
        assertTrue(request.exceeded());
    }

    @Test
    void theReaderIsCutOffToo() {
        LimitedBodyRequest request = new LimitedBodyRequest(streamed("x".repeat(5000).getBytes()), 100);
        assertThrows(BodyTooLargeException.class, () -> request.getReader().read(new char[8192]));
    }

    @Test
    void theCutOffIsFoundAmongTheCausesOfAFailure() {
        RuntimeException wrapped = new RuntimeException(new IllegalStateException(new BodyTooLargeException(10)));
        assertEquals(10, BodyTooLargeException.in(wrapped).orElseThrow().limit());
        assertTrue(BodyTooLargeException.in(new RuntimeException()).isEmpty());
    }
}
