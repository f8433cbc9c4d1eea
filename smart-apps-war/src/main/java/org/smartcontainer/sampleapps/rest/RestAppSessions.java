package org.smartcontainer.sampleapps.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.smartcontainer.sampleapps.client.SmartRestClient.Token;

/**
 * The REST app's own browser sessions: a random id in a cookie of its own (the portal's
 * {@code JSESSIONID} on path {@code /} must not be mistaken for it), the OAuth state on the server.
 * Sessions last an hour.
 */
@ApplicationScoped
public class RestAppSessions {

    static final String COOKIE = "SMART_REST_APP";
    private static final Duration LIFETIME = Duration.ofHours(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What the app knows about one browser: the pending request token, then the access token. */
    public static final class State {
        Token requestToken;
        String recordId;
        Token accessToken;
        String userId;
        final Instant created = Instant.now();
    }

    private final Map<String, State> sessions = new ConcurrentHashMap<>();

    /** The browser's state, if it has a live session. */
    Optional<State> find(HttpServletRequest request) {
        sessions.values().removeIf(s -> s.created.plus(LIFETIME).isBefore(Instant.now()));
        if (request.getCookies() == null) {
            return Optional.empty();
        }
        for (Cookie c : request.getCookies()) {
            if (COOKIE.equals(c.getName()) && sessions.containsKey(c.getValue())) {
                return Optional.of(sessions.get(c.getValue()));
            }
        }
        return Optional.empty();
    }

    /** A new session for the browser (replacing any old one). */
    State start(HttpServletRequest request, HttpServletResponse response) {
        byte[] id = new byte[24];
        RANDOM.nextBytes(id);
        String key = HexFormat.of().formatHex(id);
        State state = new State();
        sessions.put(key, state);
        Cookie cookie = new Cookie(COOKIE, key);
        cookie.setPath(request.getContextPath() + "/rest-app/");
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
        return state;
    }
}
