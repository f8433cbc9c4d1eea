package org.smartcontainer.edge;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * A request whose body stream ends in {@link BodyTooLargeException} once more than the limit has been read,
 * so a streamed (chunked) body is cut off at the limit, not only one that announces its length.
 */
final class LimitedBodyRequest extends HttpServletRequestWrapper {

    private final long limit;
    private ServletInputStream stream;
    private BufferedReader reader;
    private volatile boolean exceeded;

    LimitedBodyRequest(HttpServletRequest request, long limit) {
        super(request);
        this.limit = limit;
    }

    /** Whether a reader went past the limit. */
    boolean exceeded() {
        return exceeded;
    }

    @Override
    public synchronized ServletInputStream getInputStream() throws IOException {
        if (stream == null) {
            stream = new Counted(super.getInputStream());
        }
        return stream;
    }

    @Override
    public synchronized BufferedReader getReader() throws IOException {
        if (reader == null) {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
            reader = new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
        return reader;
    }

    private final class Counted extends ServletInputStream {
        private final ServletInputStream in;
        private long count;

        Counted(ServletInputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(int n) throws BodyTooLargeException {
            count += n;
            if (count > limit) {
                exceeded = true;
                throw new BodyTooLargeException(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
