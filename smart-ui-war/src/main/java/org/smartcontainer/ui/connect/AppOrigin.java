package org.smartcontainer.ui.connect;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * The origin a browser reports for a framed app's document ({@code event.origin}): lower-case scheme and
 * host, the port only when it is not the scheme's default. SMART Connect sends the handshake to it and
 * accepts messages only from it (smart-connect-js.md §2, §7.4). Only http(s) apps are framed.
 */
public final class AppOrigin {

    private AppOrigin() {
    }

    /** The origin of an http(s) URL; empty for other schemes, relative or malformed URLs. */
    public static Optional<String> of(String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!"http".equals(scheme) && !"https".equals(scheme) || uri.getHost() == null || uri.getRawUserInfo() != null) {
            return Optional.empty();
        }
        int port = uri.getPort();
        boolean defaultPort = port == -1 || ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        return Optional.of(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port));
    }
}
