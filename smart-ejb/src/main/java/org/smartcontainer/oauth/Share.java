package org.smartcontainer.oauth;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;
import java.util.UUID;

/**
 * A consent: the app may act on the record for the account (account null for background apps,
 * record null for container-scoped launches). Reused on re-authorization ({@code kind=same}).
 */
@Entity
@Cacheable(false) // revocation and expiry must be seen at once, by every server of a cluster
@Table(name = "SMART_SHARE", uniqueConstraints = @UniqueConstraint(columnNames = {"APP_ID", "ACCOUNT", "RECORD_ID"}))
@NamedQuery(name = "Share.deleteForApp", query = "DELETE FROM Share s WHERE s.appId = :app")
@NamedQuery(name = "Share.deleteForAppAndAccount", query = "DELETE FROM Share s WHERE s.appId = :app AND s.account = :account")
@NamedQuery(name = "Share.ofAccount",
        query = "SELECT s FROM Share s WHERE s.account = :account ORDER BY s.authorizedAt DESC, s.id")
public class Share {

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "APP_ID", nullable = false, length = 256)
    private String appId;

    @Column(name = "ACCOUNT", length = 254)
    private String account;

    @Column(name = "RECORD_ID", length = 200)
    private String recordId;

    @Column(nullable = false)
    private Instant authorizedAt;

    protected Share() {
        // for JPA
    }

    public Share(String appId, String account, String recordId, Instant authorizedAt) {
        this.id = UUID.randomUUID().toString();
        this.appId = appId;
        this.account = account;
        this.recordId = recordId;
        this.authorizedAt = authorizedAt;
    }

    public String getId() {
        return id;
    }

    public String getAppId() {
        return appId;
    }

    /** The authorizing account's user id, or null. */
    public String getAccount() {
        return account;
    }

    /** The record, or null. */
    public String getRecordId() {
        return recordId;
    }

    public Instant getAuthorizedAt() {
        return authorizedAt;
    }
}
