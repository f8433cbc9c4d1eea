package org.smartcontainer.oauth;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.smartcontainer.oauth.OAuthException.Reason;

/**
 * The OAuth view of a request: its protocol parameters and the parameters that enter the signature
 * base string, collected from the {@code Authorization} header, the query and a form body.
 *
 * <p>When the header is present, an {@code oauth_*} parameter that the header carries is ignored in
 * the query and the body: the Python client sends the whole set of protocol parameters in the query
 * of GET requests as well, signature included. Protocol parameters only in the body (a client that
 * puts {@code oauth_callback} there) still count, and are signed.
 */
public final class OAuthMessage {

    private static final Pattern HEADER_PARAM =
            Pattern.compile("\\s*([A-Za-z0-9_.~%-]+)\\s*=\\s*(?:\"([^\"]*)\"|([^,\\s]*))\\s*(?:,|$)");

    private final String method;
    private final URI url;
    private final boolean fromHeader;
    private final Map<String, String> protocol;
    private final List<Parameter> signed;
    private final List<Parameter> form;

    private OAuthMessage(String method, URI url, boolean fromHeader, Map<String, String> protocol,
            List<Parameter> signed, List<Parameter> form) {
        this.method = method;
        this.url = url;
        this.fromHeader = fromHeader;
        this.protocol = Collections.unmodifiableMap(protocol);
        this.signed = List.copyOf(signed);
        this.form = List.copyOf(form);
    }

    /** Parses a request; fails on malformed encoding or on a protocol parameter that occurs twice. */
    public static OAuthMessage parse(OAuthRequest request) throws OAuthException {
        try {
            List<Parameter> header = parseAuthorization(request.authorization());
            List<Parameter> query = parseForm(request.publicUrl().getRawQuery());
            List<Parameter> form = request.hasFormBody()
                    ? parseForm(new String(request.body(), StandardCharsets.UTF_8)) : List.of();

            Map<String, String> protocol = new LinkedHashMap<>();
            List<Parameter> signed = new ArrayList<>();
            for (Parameter p : header) {
                if (protocol.put(p.name(), p.value()) != null) {
                    throw new OAuthException(Reason.DUPLICATE_PROTOCOL_PARAMETER, p.name() + " twice in the header");
                }
                signed.add(p);
            }
            Set<String> inHeader = Set.copyOf(protocol.keySet());
            List<Parameter> formFields = new ArrayList<>();
            for (List<Parameter> source : List.of(query, form)) {
                for (Parameter p : source) {
                    if (p.isProtocol()) {
                        if (inHeader.contains(p.name())) {
                            continue; // a copy of a header parameter (Python client): ignored entirely
                        }
                        if (protocol.put(p.name(), p.value()) != null) {
                            throw new OAuthException(Reason.DUPLICATE_PROTOCOL_PARAMETER, p.name() + " twice");
                        }
                    }
                    signed.add(p);
                    if (source == form) {
                        formFields.add(p);
                    }
                }
            }
            signed.removeIf(p -> p.name().equals("oauth_signature"));
            return new OAuthMessage(request.method(), request.publicUrl(), !header.isEmpty(), protocol, signed, formFields);
        } catch (IllegalArgumentException e) {
            throw new OAuthException(Reason.MALFORMED_REQUEST, e.getMessage());
        }
    }

    /** The protocol parameters of an {@code Authorization: OAuth ...} header, decoded; {@code realm} left out. */
    static List<Parameter> parseAuthorization(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "OAuth ", 0, 6)) {
            return List.of();
        }
        String rest = authorization.substring(6).trim();
        List<Parameter> params = new ArrayList<>();
        Matcher m = HEADER_PARAM.matcher(rest);
        int position = 0;
        while (position < rest.length()) {
            if (!m.find(position) || m.start() != position) {
                throw new IllegalArgumentException("Malformed OAuth Authorization header");
            }
            String name = PercentEncoding.decode(m.group(1), false);
            String raw = m.group(2) != null ? m.group(2) : m.group(3);
            if (!name.equalsIgnoreCase("realm")) {
                params.add(new Parameter(name, PercentEncoding.decode(raw, false)));
            }
            position = m.end();
        }
        return params;
    }

    /** The pairs of a query string or form body ({@code +} is a space), in order; empty pieces skipped. */
    static List<Parameter> parseForm(String encoded) {
        if (encoded == null || encoded.isEmpty()) {
            return List.of();
        }
        List<Parameter> params = new ArrayList<>();
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            params.add(new Parameter(PercentEncoding.decode(name, true), PercentEncoding.decode(value, true)));
        }
        return params;
    }

    /** Whether the request carries OAuth protocol parameters at all (a consumer key). */
    public boolean isOAuth() {
        return protocol.containsKey("oauth_consumer_key");
    }

    /** Whether the protocol parameters came from an {@code Authorization} header. */
    public boolean fromHeader() {
        return fromHeader;
    }

    /** A protocol parameter ({@code oauth_*}), if present. */
    public Optional<String> protocol(String name) {
        return Optional.ofNullable(protocol.get(name));
    }

    /** The consumer key, or null. */
    public String consumerKey() {
        return protocol.get("oauth_consumer_key");
    }

    /** The token; absent also when it is the empty string ("no token", as some clients send). */
    public Optional<String> token() {
        return protocol("oauth_token").filter(t -> !t.isEmpty());
    }

    /** The first value of a form-body field (non-protocol fields like {@code smart_record_id}). */
    public Optional<String> formField(String name) {
        return form.stream().filter(p -> p.name().equals(name)).map(Parameter::value).findFirst();
    }

    /** A signed non-protocol field: from the form body, else from the query (token endpoints tolerate GET). */
    public Optional<String> field(String name) {
        return formField(name).or(() -> signed.stream().filter(p -> p.name().equals(name)).map(Parameter::value).findFirst());
    }

    /** The signature base string of RFC 5849 §3.4.1. */
    public String signatureBaseString() {
        return SignatureBaseString.of(method, url, signed);
    }

    /** The HTTP method. */
    public String method() {
        return method;
    }

    /** The lower-cased media type without parameters, or null. */
    static String mediaType(String contentType) {
        return contentType == null ? null : contentType.toLowerCase(Locale.ROOT).split(";", 2)[0].trim();
    }
}
