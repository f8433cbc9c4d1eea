package org.smartcontainer.oauth;

import java.time.Duration;

/**
 * How long tokens live (oauth-and-access.md §8).
 *
 * @param requestToken unexchanged request tokens (default 10 min)
 * @param accessToken access tokens from the three-legged flow and the helper loop (default 60 min)
 * @param launchToken the SMART Connect and REST tokens of a launch (default 60 min)
 */
public record TokenLifetimes(Duration requestToken, Duration accessToken, Duration launchToken) {

    /** The defaults: 10, 60 and 60 minutes. */
    public static TokenLifetimes defaults() {
        return new TokenLifetimes(Duration.ofMinutes(10), Duration.ofMinutes(60), Duration.ofMinutes(60));
    }
}
