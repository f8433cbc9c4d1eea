package org.smartcontainer.appdata;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/** An app's scratchpad on one record: written by that app, readable by every app authorized on the record. */
@Entity
@Table(name = "SMART_SCRATCHPAD", uniqueConstraints = @UniqueConstraint(name = "SMART_SCRATCHPAD_KEY",
        columnNames = {"RECORD_ID", "APP_ID"}))
@NamedQuery(name = "ScratchpadData.find",
        query = "SELECT s FROM ScratchpadData s WHERE s.recordId = :owner AND s.appId = :app")
public class ScratchpadData extends OpaqueData {

    @Column(name = "RECORD_ID", nullable = false, length = 128)
    private String recordId;

    protected ScratchpadData() {
        // for JPA
    }

    ScratchpadData(String recordId, String appId) {
        super(appId);
        this.recordId = recordId;
    }

    public String getRecordId() {
        return recordId;
    }
}
