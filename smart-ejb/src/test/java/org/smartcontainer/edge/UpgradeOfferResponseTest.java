package org.smartcontainer.edge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UpgradeOfferResponseTest {

    /** What the container's response was given: bytes written, flushes, headers, buffer size, errors sent. */
    private static final class Container {
        final ByteArrayOutputStream written = new ByteArrayOutputStream();
        final Map<String, String> headers = new HashMap<>();
        int flushes;
        int bufferSize = 8192;
        int error;

        HttpServletResponse response() {
            ServletOutputStream out = new ServletOutputStream() {
                @Override
                public void write(int b) {
                    written.write(b);
                }

                @Override
                public void flush() {
                    flushes++;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                }
            };
            return (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> switch (method.getName()) {
                        case "getOutputStream" -> out;
                        case "flushBuffer" -> {
                            flushes++;
                            yield null;
                        }
                        case "isCommitted" -> flushes > 0 || error > 0;
                        case "setHeader" -> headers.put((String) args[0], (String) args[1]);
                        case "getBufferSize" -> bufferSize;
                        case "setBufferSize" -> {
                            bufferSize = (Integer) args[0];
                            yield null;
                        }
                        case "getCharacterEncoding" -> "UTF-8";
                        case "sendError" -> {
                            error = (Integer) args[0];
                            yield null;
                        }
                        default -> null;
                    });
        }
    }

    private static HttpServletRequest offer(String protocol, String upgrade) {
        return (HttpServletRequest) Proxy.newProxyInstance(UpgradeOfferResponseTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getProtocol" -> protocol;
                    case "getHeader" -> "Upgrade".equalsIgnoreCase((String) args[0]) ? upgrade : null;
                    default -> null;
                });
    }

    /** The container's response held back for a request that offers h2c. */
    private static HttpServletResponse held(Container container) {
        return UpgradeOfferResponse.held(offer("HTTP/1.1", "h2c"), container.response());
    }

    /** An answer begun with "partial" and held back. */
    private static HttpServletResponse begun(Container container) throws IOException {
        HttpServletResponse answer = held(container);
        answer.getOutputStream().write("partial".getBytes(StandardCharsets.UTF_8));
        return answer;
    }

    @Test
    void anAnswerToAnUpgradeOfferReachesTheContainerOnlyWhenHandedOnInOneBufferWithConnectionClose()
            throws IOException {
        Container container = new Container();
        HttpServletResponse answer = held(container);
        byte[] large = new byte[900_000];
        large[899_999] = 7;
        answer.getOutputStream().write(large);
        answer.getOutputStream().flush();
        answer.flushBuffer();
        assertEquals(0, container.written.size());
        assertEquals(0, container.flushes);

        UpgradeOfferResponse.hand(answer);
        assertArrayEquals(large, container.written.toByteArray());
        assertEquals(900_000, container.bufferSize);
        assertEquals("close", container.headers.get("Connection"));
        assertEquals(0, container.flushes);
    }

    @Test
    void aWritersTextIsHandedOnEncoded() throws IOException {
        Container container = new Container();
        HttpServletResponse answer = held(container);
        answer.getWriter().print("Grüße");
        UpgradeOfferResponse.hand(answer);
        assertEquals("Grüße", container.written.toString(StandardCharsets.UTF_8));
        assertEquals(8192, container.bufferSize);
    }

    @Test
    void aResetDropsWhatWasHeld() throws IOException {
        Container container = new Container();
        HttpServletResponse answer = begun(container);
        answer.reset();
        answer.getOutputStream().write("413".getBytes(StandardCharsets.UTF_8));
        UpgradeOfferResponse.hand(answer);
        assertEquals("413", container.written.toString(StandardCharsets.UTF_8));
    }

    @Test
    void anAnswerLargerThanTheMostHeldGoesThroughAsWritten() throws IOException {
        Container container = new Container();
        HttpServletResponse answer = held(container);
        answer.getOutputStream().write(new byte[UpgradeOfferResponse.MOST]);
        assertEquals(0, container.written.size());
        answer.getOutputStream().write(1);
        assertEquals(UpgradeOfferResponse.MOST + 1, container.written.size());
        assertEquals("close", container.headers.get("Connection"));
        answer.getOutputStream().flush();
        assertEquals(1, container.flushes);
    }

    @Test
    void anErrorSentDropsWhatWasHeldAndIsTheContainers() throws IOException {
        Container container = new Container();
        HttpServletResponse answer = begun(container);
        answer.sendError(404);
        UpgradeOfferResponse.hand(answer);
        assertEquals(404, container.error);
        assertEquals(0, container.written.size());
        assertEquals("close", container.headers.get("Connection"));
    }

    @Test
    void otherAnswersAreLeftAlone() {
        HttpServletResponse response = new Container().response();
        assertSame(response, UpgradeOfferResponse.held(offer("HTTP/1.1", null), response));
        assertSame(response, UpgradeOfferResponse.held(offer("HTTP/2.0", "h2c"), response));
        assertNotSame(response, UpgradeOfferResponse.held(offer("HTTP/1.1", "websocket"), response));
    }
}
