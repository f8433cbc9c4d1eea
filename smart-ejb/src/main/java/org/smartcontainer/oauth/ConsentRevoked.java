package org.smartcontainer.oauth;

/** An account withdrew a consent: the consent and the access tokens issued on it are gone. */
public record ConsentRevoked(String account, String shareId) {
}
