package org.smartcontainer.ui.connect;

import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.smartcontainer.oauth.HmacSha1;

/**
 * The SMART Connect state of one HTTP session: the Connect secrets of its launches (keyed by token, so a
 * token is only usable in the session that launched it; they die with the session or when the app
 * instance is closed) and the session's anti-CSRF token for the portal's non-JSF endpoints.
 */
public final class ConnectSession implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String ATTRIBUTE = ConnectSession.class.getName();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The header the portal's own scripts send the anti-CSRF token in. */
    public static final String CSRF_HEADER = "X-SMART-Portal-CSRF";

    /** At most this many live launches per session; the oldest is forgotten first. */
    static final int MAX_GRANTS = 200;

    private final String csrfToken;
    private final Map<String, ConnectGrant> grants = new LinkedHashMap<>();

    ConnectSession() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        csrfToken = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The session's Connect state, created on first use. */
    public static ConnectSession of(HttpSession session) {
        synchronized (session) {
            ConnectSession state = (ConnectSession) session.getAttribute(ATTRIBUTE);
            if (state == null) {
                state = new ConnectSession();
                session.setAttribute(ATTRIBUTE, state);
            }
            return state;
        }
    }

    /** The session's Connect state if it has any. */
    public static Optional<ConnectSession> existing(HttpSession session) {
        return session == null ? Optional.empty() : Optional.ofNullable((ConnectSession) session.getAttribute(ATTRIBUTE));
    }

    public String csrfToken() {
        return csrfToken;
    }

    /** Whether a request's anti-CSRF header carries this session's token (constant-time comparison). */
    public boolean acceptsCsrf(String header) {
        return header != null && HmacSha1.matches(csrfToken, header);
    }

    synchronized void add(ConnectGrant grant) {
        if (grants.size() >= MAX_GRANTS) {
            grants.remove(grants.keySet().iterator().next());
        }
        grants.put(grant.token(), grant);
    }

    /** The live grant for a token of this session; expired grants are forgotten. */
    synchronized Optional<ConnectGrant> find(String token, Instant now) {
        ConnectGrant grant = token == null ? null : grants.get(token);
        if (grant != null && grant.isExpired(now)) {
            grants.remove(token);
            return Optional.empty();
        }
        return Optional.ofNullable(grant);
    }

    /** Forgets a token (its app instance was closed); false if the session did not have it. */
    synchronized boolean release(String token) {
        return token != null && grants.remove(token) != null;
    }

    synchronized int size() {
        return grants.size();
    }
}
