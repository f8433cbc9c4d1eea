package org.smartcontainer.settings;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** One setting an administrator changes at run time (in the admin pages), kept in the database. */
@Entity
@Table(name = "SMART_PORTAL_SETTING")
public class PortalSetting {

    @Id
    @Column(name = "SETTING_KEY", length = 100)
    private String key;

    @Column(name = "SETTING_VALUE", length = 1000)
    private String value;

    @Version
    private long version;

    protected PortalSetting() {
        // for JPA
    }

    PortalSetting(String key, String value) {
        this.key = key;
        this.value = value;
    }

    public String getKey() {
        return key;
    }

    public String getValue() {
        return value;
    }

    void setValue(String value) {
        this.value = value;
    }
}
