package org.smartcontainer.oauth;

import java.net.URI;
import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Collectors;

/** The signature base string of RFC 5849 §3.4.1: method, base string URI and normalized parameters. */
public final class SignatureBaseString {

    private SignatureBaseString() {
    }

    /** {@code METHOD&enc(base URI)&enc(normalized parameters)}. */
    public static String of(String method, URI url, Collection<Parameter> parameters) {
        return method.toUpperCase(Locale.ROOT) + "&" + PercentEncoding.encode(baseUri(url)) + "&"
                + PercentEncoding.encode(normalizedParameters(parameters));
    }

    /** Scheme and host in lower case, the port only if not the default, the path as sent; no query or fragment. */
    public static String baseUri(URI url) {
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        String host = url.getHost();
        if (host == null) {
            throw new IllegalArgumentException("The request URL has no host");
        }
        int port = url.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        return scheme + "://" + host.toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port) + path;
    }

    /** Names and values encoded, sorted by name then value, joined as {@code name=value&...} (§3.4.1.3.2). */
    public static String normalizedParameters(Collection<Parameter> parameters) {
        return parameters.stream()
                .map(p -> new String[] {PercentEncoding.encode(p.name()), PercentEncoding.encode(p.value())})
                .sorted(Comparator.<String[], String>comparing(p -> p[0]).thenComparing(p -> p[1]))
                .map(p -> p[0] + "=" + p[1])
                .collect(Collectors.joining("&"));
    }
}
