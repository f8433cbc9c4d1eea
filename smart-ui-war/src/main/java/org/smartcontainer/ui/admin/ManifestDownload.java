package org.smartcontainer.ui.admin;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * Fetches an app manifest from a URL an administrator typed: http(s) only, a time limit for connecting and
 * for the whole answer, and a size limit, so that a wrong or hostile URL cannot hang or flood the server.
 */
public final class ManifestDownload {

    /** Largest manifest accepted: real ones are a few kilobytes. */
    public static final int MAX_BYTES = 64 * 1024;

    /** Time limit for the whole download. */
    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Duration timeout;
    private final int maxBytes;

    public ManifestDownload() {
        this(TIMEOUT, MAX_BYTES);
    }

    ManifestDownload(Duration timeout, int maxBytes) {
        this.timeout = timeout;
        this.maxBytes = maxBytes;
    }

    /** A manifest that could not be fetched; the message says why, for the administrator. */
    public static final class DownloadException extends Exception {
        private static final long serialVersionUID = 1L;

        DownloadException(String message) {
            super(message);
        }
    }

    /** The text at the URL, read as UTF-8. */
    public String fetch(String url) throws DownloadException {
        URI uri = checked(url);
        HttpClient client = HttpClient.newBuilder().connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Accept", "application/json").GET().build();
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new DownloadException(url + " answered HTTP " + response.statusCode());
                }
                long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
                if (declared > maxBytes) {
                    throw new DownloadException(url + " is too large (" + declared + " bytes; at most " + maxBytes + ")");
                }
                return new String(readAtMost(body, deadline, url), StandardCharsets.UTF_8);
            }
        } catch (HttpTimeoutException e) {
            throw new DownloadException(url + " did not answer within " + timeout.toSeconds() + " s");
        } catch (IOException e) {
            throw new DownloadException(url + " could not be fetched: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DownloadException(url + " could not be fetched: interrupted");
        }
    }

    private byte[] readAtMost(InputStream body, long deadline, String url) throws IOException, DownloadException {
        byte[] buffer = new byte[maxBytes + 1];
        int total = 0;
        int n;
        while (total <= maxBytes && (n = body.read(buffer, total, buffer.length - total)) != -1) {
            total += n;
            if (System.nanoTime() > deadline) {
                throw new DownloadException(url + " did not answer within " + timeout.toSeconds() + " s");
            }
        }
        if (total > maxBytes) {
            throw new DownloadException(url + " is too large (more than " + maxBytes + " bytes)");
        }
        byte[] content = new byte[total];
        System.arraycopy(buffer, 0, content, 0, total);
        return content;
    }

    /** The URL if it is an absolute http or https URL with a host. */
    static URI checked(String url) throws DownloadException {
        if (url == null || url.isBlank()) {
            throw new DownloadException("Enter the manifest's URL");
        }
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new DownloadException("Only http and https URLs are fetched");
            }
            if (uri.getHost() == null || uri.getHost().isEmpty()) {
                throw new DownloadException("The URL has no host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new DownloadException("Not a valid URL: " + e.getReason());
        }
    }
}
