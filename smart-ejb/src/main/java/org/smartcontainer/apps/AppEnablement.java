package org.smartcontainer.apps;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;
import java.util.UUID;

/**
 * An account's own choice about one app (the reference's {@code AccountApp}): enabled or disabled.
 * Without a row the app's enabled-by-default flag applies, so accounts created later need no rows.
 */
@Entity
@Table(name = "SMART_APP_ENABLEMENT", uniqueConstraints = @UniqueConstraint(columnNames = {"APP_ID", "ACCOUNT"}))
@NamedQuery(name = "AppEnablement.find", query = "SELECT e FROM AppEnablement e WHERE e.appId = :app AND e.account = :account")
@NamedQuery(name = "AppEnablement.ofAccount", query = "SELECT e FROM AppEnablement e WHERE e.account = :account")
@NamedQuery(name = "AppEnablement.deleteForApp", query = "DELETE FROM AppEnablement e WHERE e.appId = :app")
public class AppEnablement {

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "APP_ID", nullable = false, length = 256)
    private String appId;

    /** The account's user name (its user id in the API). */
    @Column(name = "ACCOUNT", nullable = false, length = 254)
    private String account;

    private boolean enabled;

    @Column(nullable = false)
    private Instant changedAt;

    protected AppEnablement() {
        // for JPA
    }

    AppEnablement(String appId, String account, boolean enabled, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.appId = appId;
        this.account = account;
        this.enabled = enabled;
        this.changedAt = now;
    }

    public String getAppId() {
        return appId;
    }

    public String getAccount() {
        return account;
    }

    public boolean isEnabled() {
        return enabled;
    }

    void setEnabled(boolean enabled, Instant now) {
        this.enabled = enabled;
        this.changedAt = now;
    }
}
