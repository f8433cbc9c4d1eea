package org.smartcontainer.oauth;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A request token of the three-legged flow: issued to an app, optionally bound to a record, claimed and
 * approved by an account, exchanged once for an access token, and deleted then or when it expires.
 *
 * <p>Token secrets are stored as issued: they are short-lived and useless without the app's consumer
 * secret, which is stored encrypted.
 */
@Entity
@Cacheable(false) // revocation and expiry must be seen at once, by every server of a cluster
@Table(name = "SMART_REQUEST_TOKEN")
@NamedQuery(name = "RequestToken.deleteExpired", query = "DELETE FROM RequestToken t WHERE t.expiresAt < :now")
@NamedQuery(name = "RequestToken.deleteForApp", query = "DELETE FROM RequestToken t WHERE t.appId = :app")
public class RequestToken {

    @Id
    @Column(length = 64)
    private String token;

    @Column(nullable = false, length = 64)
    private String secret;

    @Column(name = "APP_ID", nullable = false, length = 256)
    private String appId;

    /** The callback the app sent ({@code oob} or a URL); informative, the manifest's callback is used. */
    @Column(length = 2000)
    private String callback;

    /** The record the app asked for, or null. */
    @Column(length = 200)
    private String recordId;

    @Column(length = 64)
    private String verifier;

    /** The account handling the authorization (set by claim). */
    @Column(length = 254)
    private String claimedBy;

    private Instant authorizedAt;

    @Column(length = 36)
    private String shareId;

    @Column(nullable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private Instant expiresAt;

    protected RequestToken() {
        // for JPA
    }

    public RequestToken(String token, String secret, String appId, String callback, String recordId, Instant now, Instant expiresAt) {
        this.token = token;
        this.secret = secret;
        this.appId = appId;
        this.callback = callback;
        this.recordId = recordId;
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    public String getToken() {
        return token;
    }

    String secret() {
        return secret;
    }

    public String getAppId() {
        return appId;
    }

    public String getCallback() {
        return callback;
    }

    public String getRecordId() {
        return recordId;
    }

    String verifier() {
        return verifier;
    }

    public String getClaimedBy() {
        return claimedBy;
    }

    public Instant getAuthorizedAt() {
        return authorizedAt;
    }

    public String getShareId() {
        return shareId;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    /** Whether the token can no longer be used at {@code now}. */
    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    void claim(String account) {
        this.claimedBy = account;
    }

    void authorize(Share share, String verifier, Instant now) {
        this.shareId = share.getId();
        this.verifier = verifier;
        this.authorizedAt = now;
    }
}
