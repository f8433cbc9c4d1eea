package org.smartcontainer.oauth;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An access token: a grant for (app, account, record) copied from its {@link Share}, valid until
 * {@link #getExpiresAt()} (enforced on every request). SMART Connect tokens are usable only through the
 * portal's consumer; the others only with their app's consumer.
 */
@Entity
@Cacheable(false) // revocation and expiry must be seen at once, by every server of a cluster
@Table(name = "SMART_ACCESS_TOKEN")
@NamedQuery(name = "AccessToken.deleteExpired", query = "DELETE FROM AccessToken t WHERE t.expiresAt < :now")
@NamedQuery(name = "AccessToken.deleteForApp", query = "DELETE FROM AccessToken t WHERE t.appId = :app")
@NamedQuery(name = "AccessToken.deleteForAppAndAccount",
        query = "DELETE FROM AccessToken t WHERE t.appId = :app AND t.account = :account")
@NamedQuery(name = "AccessToken.deleteForShare", query = "DELETE FROM AccessToken t WHERE t.shareId = :share")
public class AccessToken {

    @Id
    @Column(length = 64)
    private String token;

    @Column(nullable = false, length = 64)
    private String secret;

    @Column(name = "APP_ID", nullable = false, length = 256)
    private String appId;

    @Column(name = "ACCOUNT", length = 254)
    private String account;

    @Column(name = "RECORD_ID", length = 200)
    private String recordId;

    @Column(length = 36)
    private String shareId;

    /** The reference's {@code smart_connect_p}. */
    private boolean connect;

    @Column(nullable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private Instant expiresAt;

    protected AccessToken() {
        // for JPA
    }

    public AccessToken(String token, String secret, Share share, boolean connect, Instant now, Instant expiresAt) {
        this.token = token;
        this.secret = secret;
        this.appId = share.getAppId();
        this.account = share.getAccount();
        this.recordId = share.getRecordId();
        this.shareId = share.getId();
        this.connect = connect;
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

    /** The authorizing account's user id, or null (helper tokens). */
    public String getAccount() {
        return account;
    }

    /** The bound record, or null. */
    public String getRecordId() {
        return recordId;
    }

    public String getShareId() {
        return shareId;
    }

    public boolean isConnect() {
        return connect;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    /** Whether the token can no longer be used at {@code now}. */
    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
