package org.smartcontainer.oauth;

/**
 * An approved request token: the verifier and where to send the browser (the manifest's
 * {@code oauth_callback} with {@code oauth_token} and {@code oauth_verifier}).
 */
public record Approval(String verifier, String location) {

    @Override
    public String toString() {
        return "Approval[…]"; // the verifier is a credential
    }
}
