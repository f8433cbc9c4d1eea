package org.smartcontainer.ui.connect;

import java.io.Serializable;
import java.time.Instant;

/**
 * One SMART Connect launch as the portal keeps it in the HTTP session: the token, whose and which record it
 * is, when it expires, and the instance's call budget.
 */
public final class ConnectGrant implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String token;
    private final String appId;
    private final String userId;
    private final String recordId;
    private final Instant expiresAt;
    private long windowStart;
    private int callsInWindow;

    public ConnectGrant(String token, String appId, String userId, String recordId, Instant expiresAt) {
        this.token = token;
        this.appId = appId;
        this.userId = userId;
        this.recordId = recordId;
        this.expiresAt = expiresAt;
    }

    public String token() {
        return token;
    }

    public String appId() {
        return appId;
    }

    public String userId() {
        return userId;
    }

    /** The record the token is bound to, or null for a container-scope launch. */
    public String recordId() {
        return recordId;
    }

    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** Counts one call against a budget of {@code perMinute} calls per minute; false when the budget is spent. */
    synchronized boolean tryCall(long nowMillis, int perMinute) {
        if (nowMillis - windowStart >= 60_000) {
            windowStart = nowMillis;
            callsInWindow = 0;
        }
        if (callsInWindow >= perMinute) {
            return false;
        }
        callsInWindow++;
        return true;
    }

    @Override
    public String toString() {
        return "ConnectGrant[app=" + appId + ", user=" + userId + ", record=" + recordId + "]";
    }
}
