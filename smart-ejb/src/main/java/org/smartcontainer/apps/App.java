package org.smartcontainer.apps;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.StringReader;
import java.time.Instant;
import java.util.Map;

/**
 * A registered app and OAuth consumer. The consumer key is the manifest id. The consumer secret is
 * stored encrypted ({@link SecretCipher}) and has no getter: only {@link AppRegistry#consumer} hands it
 * out, for signature checks.
 */
@Entity
@Table(name = "SMART_APP")
@NamedQuery(name = "App.all", query = "SELECT a FROM App a ORDER BY a.name, a.id")
@NamedQuery(name = "App.enabledByDefault", query = "SELECT a FROM App a WHERE a.enabledByDefault = TRUE ORDER BY a.name, a.id")
public class App {

    /** JSON-P looks its provider up with a ServiceLoader on every {@code Json.createReader}: once is enough. */
    private static final JsonReaderFactory MANIFEST_READERS = Json.createReaderFactory(Map.of());

    @Id
    @Column(name = "CONSUMER_KEY", length = 256)
    private String id;

    @Column(nullable = false, length = 500)
    private String name;

    @Column(length = 4000)
    private String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private AppKind kind;

    /** The manifest with sorted keys; null for machine apps. */
    @Lob
    @Column(name = "MANIFEST")
    private String manifest;

    private boolean enabledByDefault;

    /** The reference's {@code admin_p}: unlocks search for a background app. Set only by an administrator. */
    private boolean adminP;

    @Column(name = "SECRET_ENCRYPTED", nullable = false, length = 512)
    private String encryptedSecret;

    @Column(nullable = false)
    private Instant secretChangedAt;

    @Column(nullable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private Instant modifiedAt;

    @Version
    private long version;

    protected App() {
        // for JPA
    }

    App(String id, AppKind kind, String name, String description, String manifest, String encryptedSecret, Instant now) {
        this.id = id;
        this.kind = kind;
        this.name = name;
        this.description = description;
        this.manifest = manifest;
        this.encryptedSecret = encryptedSecret;
        this.secretChangedAt = now;
        this.createdAt = now;
        this.modifiedAt = now;
    }

    /** The app id, also the consumer key. */
    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public AppKind getKind() {
        return kind;
    }

    /** The stored manifest (sorted keys), or null for machine apps. */
    public String getManifest() {
        return manifest;
    }

    /** The stored manifest as JSON, or null for machine apps. */
    public JsonObject getManifestJson() {
        if (manifest == null) {
            return null;
        }
        try (JsonReader reader = MANIFEST_READERS.createReader(new StringReader(manifest))) {
            return reader.readObject();
        }
    }

    public boolean isEnabledByDefault() {
        return enabledByDefault;
    }

    public boolean isAdminP() {
        return adminP;
    }

    public Instant getSecretChangedAt() {
        return secretChangedAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getModifiedAt() {
        return modifiedAt;
    }

    void setEnabledByDefault(boolean enabledByDefault) {
        this.enabledByDefault = enabledByDefault;
    }

    void setAdminP(boolean adminP) {
        this.adminP = adminP;
    }

    void updateFrom(AppManifest m, Instant now) {
        this.kind = m.kind();
        this.name = m.name();
        this.description = m.description();
        this.manifest = m.json();
        this.modifiedAt = now;
    }

    String encryptedSecret() {
        return encryptedSecret;
    }

    void replaceSecret(String encryptedSecret, Instant now) {
        this.encryptedSecret = encryptedSecret;
        this.secretChangedAt = now;
        this.modifiedAt = now;
    }

    @Override
    public String toString() {
        return "App[" + id + ", " + kind + "]";
    }
}
