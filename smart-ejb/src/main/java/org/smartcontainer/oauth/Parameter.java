package org.smartcontainer.oauth;

/** One decoded name/value pair of a request (protocol parameter, query or form field). */
public record Parameter(String name, String value) {

    /** Whether this is an OAuth protocol parameter ({@code oauth_*}). */
    public boolean isProtocol() {
        return name.startsWith("oauth_");
    }
}
