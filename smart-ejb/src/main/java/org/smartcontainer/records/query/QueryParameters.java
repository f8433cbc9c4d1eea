package org.smartcontainer.records.query;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The query parameters of a request, decoded, in the order the client sent them (the order is kept so
 * that a {@code nextPageURL} looks like the request it continues). Immutable.
 */
public final class QueryParameters {

    /** One {@code name=value} pair. */
    public record Parameter(String name, String value) {
    }

    private static final QueryParameters NONE = new QueryParameters(List.of());

    private final List<Parameter> parameters;

    private QueryParameters(List<Parameter> parameters) {
        this.parameters = List.copyOf(parameters);
    }

    /** No parameters. */
    public static QueryParameters none() {
        return NONE;
    }

    /**
     * Parses a raw (still percent-encoded) query string as sent by the client, e.g. from
     * {@code URI.getRawQuery()}; {@code +} means a space, as in HTML forms. {@code null} or empty gives none.
     */
    public static QueryParameters parse(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return NONE;
        }
        List<Parameter> result = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            result.add(new Parameter(decode(name), decode(value)));
        }
        return new QueryParameters(result);
    }

    /** Decoded parameters from a multi-valued map (such as JAX-RS {@code UriInfo.getQueryParameters()}). */
    public static QueryParameters of(Map<String, ? extends List<String>> parameters) {
        List<Parameter> result = new ArrayList<>();
        parameters.forEach((name, values) -> values.forEach(v -> result.add(new Parameter(name, v))));
        return new QueryParameters(result);
    }

    /** The given pairs, in order. */
    public static QueryParameters of(List<Parameter> parameters) {
        return new QueryParameters(parameters);
    }

    /** All parameters in request order. */
    public List<Parameter> asList() {
        return parameters;
    }

    /** Every value given for {@code name}, in request order. */
    public List<String> values(String name) {
        List<String> values = new ArrayList<>(1);
        for (Parameter p : parameters) {
            if (p.name().equals(name)) {
                values.add(p.value());
            }
        }
        return values;
    }

    /**
     * The value of a parameter that may be given at most once.
     *
     * @throws InvalidQueryException if the parameter is repeated
     */
    public Optional<String> single(String name) {
        List<String> values = values(name);
        if (values.size() > 1) {
            throw new InvalidQueryException(name, "Parameter '" + name + "' may be given only once");
        }
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** Whether no parameter was given. */
    public boolean isEmpty() {
        return parameters.isEmpty();
    }

    /**
     * These parameters without the OAuth protocol ones ({@code oauth_*}): they authenticate one request and
     * must never be copied into a URL handed to the client.
     */
    public QueryParameters withoutOAuth() {
        return new QueryParameters(parameters.stream().filter(p -> !p.name().startsWith("oauth_")).toList());
    }

    /** These parameters with every occurrence of {@code name} removed and one {@code name=value} appended. */
    public QueryParameters with(String name, String value) {
        List<Parameter> result = new ArrayList<>(parameters.size() + 1);
        for (Parameter p : parameters) {
            if (!p.name().equals(name)) {
                result.add(p);
            }
        }
        result.add(new Parameter(name, value));
        return new QueryParameters(result);
    }

    /** The query string (without {@code ?}), every name and value percent-encoded (RFC 3986, UTF-8). */
    public String toQueryString() {
        StringBuilder query = new StringBuilder();
        for (Parameter p : parameters) {
            if (query.length() > 0) {
                query.append('&');
            }
            percentEncode(p.name(), query);
            query.append('=');
            percentEncode(p.value(), query);
        }
        return query.toString();
    }

    @Override
    public String toString() {
        return toQueryString();
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidQueryException(s, "Malformed percent-encoding in query: " + s);
        }
    }

    /** Appends {@code s} with everything but RFC 3986 unreserved characters percent-encoded. */
    static void percentEncode(String s, StringBuilder out) {
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
    }
}
