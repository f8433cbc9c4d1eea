package org.smartcontainer.oauth;

import java.time.Instant;

/**
 * The tokens of one app launch (api.md §9.4). The SMART Connect secret stays on the server (the portal
 * signs for the browser); the REST token and secret go to the app only if it needs them.
 *
 * @param oauthHeader the launch header signed with the app's consumer over {@code GET {index}}, or null without index
 */
public record LaunchTokens(String appId, String userId, String recordId, String connectToken, String connectSecret,
        String restToken, String restSecret, String oauthHeader, Instant expiresAt) {

    @Override
    public String toString() {
        return "LaunchTokens[app=" + appId + ", user=" + userId + ", record=" + recordId + "]";
    }
}
