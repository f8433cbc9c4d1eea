package org.smartcontainer.edge;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Optional;

/**
 * An HTTP/1.1 request that offers a protocol upgrade (an {@code Upgrade} header, e.g. {@code h2c} from Java's
 * {@code HttpClient} or {@code curl --http2}) which the server does not take, with the body HTTP/1.1 gives it.
 * Payara 6's Grizzly hands such a request the connection's raw bytes as its body, with no end until the client
 * closes the connection, whatever {@code Content-Length} says and even for a {@code GET} (it expects the upgrade
 * to take the connection over, and closes it after the answer when none does). Whoever reads the body, e.g.
 * JAX-RS's {@code hasEntity()}, then waits for the listener's read timeout (docs/operations.md, "HTTP listener
 * settings"). Here the body ends where HTTP/1.1 ends it: after {@code Content-Length} bytes, after the last
 * chunk of a chunked body, at once when neither is announced. ({@link LimitedBodyRequest}, which the edge
 * puts around it, gives the reader over this stream.)
 */
final class UpgradeOfferRequest extends HttpServletRequestWrapper {

    private ServletInputStream stream;

    private UpgradeOfferRequest(HttpServletRequest request) {
        super(request);
    }

    /** The request itself, or, when it offers an upgrade over HTTP/1.1, the request with its body bounded. */
    static HttpServletRequest bounded(HttpServletRequest request) {
        return offersUpgrade(request) ? new UpgradeOfferRequest(request) : request;
    }

    /**
     * {@code 411} for a form or multipart body sent in chunks with an upgrade offer: the servlet container
     * parses those from the raw stream itself, past this wrapper, and would wait for the connection's end.
     */
    static Optional<InputRefusal> refusal(HttpServletRequest request) {
        return offersUpgrade(request) && chunked(request) && parsedByContainer(request)
                ? Optional.of(new InputRefusal(411, "upgrade-chunked-form",
                        "A form sent with an Upgrade header needs a Content-Length"))
                : Optional.empty();
    }

    /**
     * After the answer: reads and drops what is left of such a request's body, up to {@code most} bytes. Grizzly
     * closes the connection after the answer, and a client still sending its body then loses the answer (seen
     * with Java's client: 3 of 120 chunked POSTs answered 404 without a look at their body). Not for form and
     * multipart bodies, which the servlet container parses from the raw stream itself, past this wrapper.
     */
    static void dropRest(HttpServletRequest request, long most) {
        if (!(request instanceof UpgradeOfferRequest offer) || parsedByContainer(request)) {
            return;
        }
        try {
            InputStream rest = offer.getInputStream();
            byte[] buffer = new byte[8192];
            for (long dropped = 0; dropped < most; ) {
                int n = rest.read(buffer, 0, (int) Math.min(buffer.length, most - dropped));
                if (n < 0) {
                    return;
                }
                dropped += n;
            }
        } catch (IOException e) {
            // a broken or unfinished body: the connection closes anyway
        }
    }

    /** Whether the request offers a protocol upgrade over HTTP/1.1 (which this server never takes). */
    static boolean offersUpgrade(HttpServletRequest request) {
        return request.getHeader("Upgrade") != null && "HTTP/1.1".equals(request.getProtocol());
    }

    /** A form or multipart body, which the servlet container reads itself when asked for parameters or parts. */
    private static boolean parsedByContainer(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && (type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")
                || type.toLowerCase(Locale.ROOT).startsWith("multipart/"));
    }

    private static boolean chunked(HttpServletRequest request) {
        String encoding = request.getHeader("Transfer-Encoding");
        return encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked");
    }

    @Override
    public synchronized ServletInputStream getInputStream() throws IOException {
        if (stream == null) {
            InputStream raw = super.getInputStream();
            stream = new Body(chunked(this) ? new Chunked(raw) : new Fixed(raw, Math.max(0, getContentLengthLong())));
        }
        return stream;
    }

    /** The body on the raw stream as runs of known length (one run, or one per chunk), then the end. */
    private abstract static class Runs extends InputStream {
        final InputStream raw;
        long left; // of the current run
        boolean done;

        Runs(InputStream raw) {
            this.raw = raw;
        }

        /** Sets {@code left} to the next run's length, or {@code done}. */
        abstract void nextRun() throws IOException;

        /** Reads what follows a run's data. */
        abstract void afterRun() throws IOException;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (left == 0 && !done) {
                nextRun();
            }
            if (done) {
                return -1;
            }
            if (length == 0) {
                return 0;
            }
            int n = raw.read(buffer, offset, (int) Math.min(length, left));
            if (n < 0) {
                throw new EOFException("the connection ended " + left + " bytes before the announced body did");
            }
            left -= n;
            if (left == 0) {
                afterRun();
            }
            return n;
        }
    }

    /** The first {@code length} bytes of the raw stream. */
    private static final class Fixed extends Runs {
        Fixed(InputStream raw, long length) {
            super(raw);
            left = length;
            done = length == 0;
        }

        @Override
        void nextRun() {
            done = true;
        }

        @Override
        void afterRun() {
            done = true;
        }
    }

    /** The data of a chunked body on the raw stream (chunk extensions and trailers are read and dropped). */
    private static final class Chunked extends Runs {
        Chunked(InputStream raw) {
            super(raw);
        }

        @Override
        void afterRun() throws IOException {
            line(); // the CRLF after the chunk's data
        }

        @Override
        void nextRun() throws IOException {
            String size = line();
            int extension = size.indexOf(';');
            try {
                left = Long.parseLong((extension < 0 ? size : size.substring(0, extension)).trim(), 16);
            } catch (NumberFormatException e) {
                throw new IOException("not a chunk size: " + LoggedInput.cut(size), e);
            }
            if (left < 0) {
                throw new IOException("not a chunk size: " + LoggedInput.cut(size));
            }
            if (left == 0) {
                while (!line().isEmpty()) {
                    // a trailer field
                }
                done = true;
            }
        }

        /** One line of the chunk framing, without its CRLF; at most 8 KB. */
        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int b = raw.read(); b != '\n'; b = raw.read()) {
                if (b < 0) {
                    throw new EOFException("the connection ended inside a chunked body");
                }
                if (b != '\r') {
                    line.append((char) b);
                }
                if (line.length() > 8192) {
                    throw new IOException("a chunk line longer than 8 KB");
                }
            }
            return line.toString();
        }
    }

    /** The bounded body as a servlet stream; blocking reads only (nothing in the product reads asynchronously). */
    private static final class Body extends ServletInputStream {
        private final InputStream in;
        private boolean finished;

        Body(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            finished = b < 0;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            finished = n < 0;
            return n;
        }

        @Override
        public boolean isFinished() {
            return finished;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            throw new IllegalStateException("a request that offers an unhonoured upgrade is read blocking");
        }
    }
}
