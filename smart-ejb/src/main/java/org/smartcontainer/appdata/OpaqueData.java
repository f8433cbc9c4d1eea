package org.smartcontainer.appdata;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;
import java.util.UUID;

/** Bytes an app stored, with the media type it sent them as. */
@MappedSuperclass
public abstract class OpaqueData {

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "APP_ID", nullable = false, length = 254)
    private String appId;

    @Lob
    @Basic(fetch = FetchType.EAGER)
    @Column(nullable = false)
    private byte[] data;

    @Column(nullable = false, length = 255)
    private String mediaType;

    @Column(nullable = false)
    private Instant modifiedAt;

    protected OpaqueData() {
        // for JPA
    }

    protected OpaqueData(String appId) {
        this.id = UUID.randomUUID().toString();
        this.appId = appId;
    }

    public String getAppId() {
        return appId;
    }

    public byte[] getData() {
        return data;
    }

    public String getMediaType() {
        return mediaType;
    }

    public Instant getModifiedAt() {
        return modifiedAt;
    }

    void replace(byte[] newData, String newMediaType) {
        this.data = newData;
        this.mediaType = newMediaType;
        this.modifiedAt = Instant.now();
    }
}
