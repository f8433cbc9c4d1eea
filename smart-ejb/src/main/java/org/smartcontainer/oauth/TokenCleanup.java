package org.smartcontainer.oauth;

import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import java.util.logging.Logger;

/** Purges expired request and access tokens and expired nonces every five minutes (the reference's cron job). */
@Singleton
public class TokenCleanup {

    private static final Logger LOG = Logger.getLogger(TokenCleanup.class.getName());

    @EJB
    private OAuthService oauth;

    @Schedule(hour = "*", minute = "*/5", persistent = false, info = "OAuth token cleanup")
    void purge() {
        int deleted = oauth.cleanup();
        if (deleted > 0) {
            LOG.fine(() -> "Deleted " + deleted + " expired OAuth tokens");
        }
    }
}
