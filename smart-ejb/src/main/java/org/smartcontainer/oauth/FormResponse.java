package org.smartcontainer.oauth;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A token endpoint's answer: {@code name=value&...} pairs, percent-encoded, in the order clients are used
 * to. {@link #toString()} never shows secrets; {@link #body()} is what goes on the wire.
 */
public final class FormResponse {

    private final Map<String, String> fields = new LinkedHashMap<>();

    /** Adds a field unless the value is null. */
    public FormResponse add(String name, String value) {
        if (value != null) {
            fields.put(name, value);
        }
        return this;
    }

    /** One field's value, or null. */
    public String get(String name) {
        return fields.get(name);
    }

    /** The {@code application/x-www-form-urlencoded} body. */
    public String body() {
        return fields.entrySet().stream()
                .map(e -> PercentEncoding.encode(e.getKey()) + "=" + PercentEncoding.encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    @Override
    public String toString() {
        return "FormResponse" + fields.keySet();
    }
}
