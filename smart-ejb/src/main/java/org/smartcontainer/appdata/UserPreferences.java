package org.smartcontainer.appdata;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/** An app's preferences for one user (by the user id of the API, the account's e-mail or user name). */
@Entity
@Table(name = "SMART_USER_PREFERENCES", uniqueConstraints = @UniqueConstraint(name = "SMART_USER_PREFERENCES_KEY",
        columnNames = {"USER_ID", "APP_ID"}))
@NamedQuery(name = "UserPreferences.find",
        query = "SELECT p FROM UserPreferences p WHERE p.userId = :owner AND p.appId = :app")
public class UserPreferences extends OpaqueData {

    @Column(name = "USER_ID", nullable = false, length = 254)
    private String userId;

    protected UserPreferences() {
        // for JPA
    }

    UserPreferences(String userId, String appId) {
        super(appId);
        this.userId = userId;
    }

    public String getUserId() {
        return userId;
    }
}
