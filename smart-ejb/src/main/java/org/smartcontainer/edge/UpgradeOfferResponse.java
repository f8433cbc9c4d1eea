package org.smartcontainer.edge;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;

/**
 * The answer to an HTTP/1.1 request that offers an upgrade the server does not take ({@link UpgradeOfferRequest}),
 * held back until the application is done with it. Payara 6's Grizzly marks such a request as one whose
 * exchange belongs to another protocol and, while the request is being served, writes an answer's head without
 * {@code Content-Type}, {@code Content-Length} or chunking; only when the service has returned does it treat the
 * exchange as HTTP/1.1 again. An answer committed during the service (a flush, or more than the response buffer,
 * e.g. a lab list of 900 KB) thus reached the client without its type, its end marked only by the connection's
 * close. Here the answer is kept (up to {@link #MOST} bytes) and handed to the container in one piece, in a
 * response buffer of its size ({@link #hand()}), so that the container commits it after the service, with its
 * {@code Content-Type} and {@code Content-Length}. Grizzly closes the connection after such an answer, which
 * {@code Connection: close} tells the client. A larger answer goes on to the client as Grizzly writes it.
 * Blocking writes only (nothing in the product answers asynchronously).
 */
final class UpgradeOfferResponse extends HttpServletResponseWrapper {

    /** The largest answer held back; more goes on to the client as it is written. */
    static final int MOST = 8 << 20;

    private final Held held = new Held();
    private ServletOutputStream stream;
    private PrintWriter writer;
    /** The answer goes straight to the container: it outgrew {@link #MOST}, or an error or redirect was sent. */
    private boolean through;

    private UpgradeOfferResponse(HttpServletResponse response) {
        super(response);
    }

    /** The response itself, or, for a request that offers an upgrade over HTTP/1.1, the response held back. */
    static HttpServletResponse held(HttpServletRequest request, HttpServletResponse response) {
        return UpgradeOfferRequest.offersUpgrade(request) ? new UpgradeOfferResponse(response) : response;
    }

    /**
     * Hands a held answer to the container, which writes it once the service returns; does nothing for any other
     * response. Called by the edge when the application is done with the request.
     */
    static void hand(HttpServletResponse response) throws IOException {
        if (response instanceof UpgradeOfferResponse offer) {
            offer.hand();
        }
    }

    private void hand() throws IOException {
        if (writer != null) {
            writer.flush();
        }
        if (through || getResponse().isCommitted()) {
            return;
        }
        closeConnection();
        if (held.size() > 0) {
            // one buffer for the whole answer: nothing reaches the client before the service returns
            getResponse().setBufferSize(Math.max(held.size(), getResponse().getBufferSize()));
            getResponse().getOutputStream().write(held.bytes(), 0, held.size());
            held.reset();
        }
    }

    private void closeConnection() {
        if (!getResponse().isCommitted()) {
            setHeader("Connection", "close");
        }
    }

    private void write(byte[] bytes, int offset, int length) throws IOException {
        if (!through && held.size() + (long) length > MOST) {
            through = true;
            closeConnection();
            getResponse().getOutputStream().write(held.bytes(), 0, held.size());
            held.reset();
        }
        if (through) {
            getResponse().getOutputStream().write(bytes, offset, length);
        } else {
            held.write(bytes, offset, length);
        }
    }

    private void flush() throws IOException {
        if (through) {
            getResponse().flushBuffer();
        }
    }

    /** Sends what is held on and lets the rest through: an error or a redirect the container answers itself. */
    private void letThrough() {
        if (writer != null) {
            writer.flush();
        }
        held.reset();
        closeConnection();
        through = true;
    }

    @Override
    public ServletOutputStream getOutputStream() {
        if (writer != null) {
            throw new IllegalStateException("getWriter() was called for this response");
        }
        if (stream == null) {
            stream = new Stream();
        }
        return stream;
    }

    @Override
    public PrintWriter getWriter() {
        if (stream != null && writer == null) {
            throw new IllegalStateException("getOutputStream() was called for this response");
        }
        if (writer == null) {
            stream = new Stream();
            writer = new PrintWriter(new OutputStreamWriter(stream, Charset.forName(getCharacterEncoding())));
        }
        return writer;
    }

    @Override
    public void flushBuffer() throws IOException {
        if (writer != null) {
            writer.flush();
        }
        flush();
    }

    @Override
    public void resetBuffer() {
        if (writer != null) {
            writer.flush();
        }
        held.reset();
        super.resetBuffer();
    }

    @Override
    public void reset() {
        if (writer != null) {
            writer.flush();
        }
        held.reset();
        super.reset();
    }

    @Override
    public void sendError(int status, String message) throws IOException {
        letThrough();
        super.sendError(status, message);
    }

    @Override
    public void sendError(int status) throws IOException {
        letThrough();
        super.sendError(status);
    }

    @Override
    public void sendRedirect(String location) throws IOException {
        letThrough();
        super.sendRedirect(location);
    }

    /** The bytes held, without a copy. */
    private static final class Held extends ByteArrayOutputStream {
        byte[] bytes() {
            return buf;
        }
    }

    /** The application's output stream: into the held answer, or through once it is let through. */
    private final class Stream extends ServletOutputStream {
        @Override
        public void write(int b) throws IOException {
            if (through || held.size() >= MOST) {
                UpgradeOfferResponse.this.write(new byte[] {(byte) b}, 0, 1);
            } else {
                held.write(b);
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            UpgradeOfferResponse.this.write(bytes, offset, length);
        }

        @Override
        public void flush() throws IOException {
            UpgradeOfferResponse.this.flush();
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            throw new IllegalStateException("the answer to an unhonoured upgrade offer is written blocking");
        }
    }
}
