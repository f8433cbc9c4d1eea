package org.smartcontainer.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One API request that read or wrote patient data, or tried to: who (account and app), which record,
 * which call, and how it ended. Never a token, secret or any of the data itself.
 */
@Entity
@Table(name = "SMART_AUDIT_EVENT", indexes = {
    @Index(name = "SMART_AUDIT_TIME", columnList = "EVENT_TIME"),
    @Index(name = "SMART_AUDIT_RECORD", columnList = "RECORD_ID, EVENT_TIME")})
public class AuditEvent {

    // The column sizes, in one place: the entity's mapping, the bounds applied to every value before an event is
    // queued (AuditText), and the migrations (checked by AuditColumnsTest) all follow these.
    public static final int ID_LENGTH = 36;
    public static final int ACCOUNT_LENGTH = 254;
    public static final int APP_LENGTH = 256;
    public static final int RECORD_LENGTH = 200;
    public static final int CALL_LENGTH = 200;
    public static final int METHOD_LENGTH = 10;
    public static final int PATH_LENGTH = 1000;

    @Id
    @Column(length = ID_LENGTH)
    private String id;

    /** Milliseconds since the epoch: a plain number sorts and compares the same in every database. */
    @Column(name = "EVENT_TIME", nullable = false)
    private long time;

    /** The account acting (the user behind a token, or an administrator), or null (background apps, refused callers). */
    @Column(name = "ACCOUNT", length = ACCOUNT_LENGTH)
    private String account;

    /** The app acting, or null. */
    @Column(name = "APP_ID", length = APP_LENGTH)
    private String app;

    @Column(name = "RECORD_ID", length = RECORD_LENGTH)
    private String record;

    /** The call: the ontology's client method name or the admin operation, e.g. {@code get_medications}. */
    @Column(name = "CALL_NAME", nullable = false, length = CALL_LENGTH)
    private String call;

    @Column(name = "HTTP_METHOD", nullable = false, length = METHOD_LENGTH)
    private String method;

    @Column(name = "PATH", nullable = false, length = PATH_LENGTH)
    private String path;

    /** The HTTP status of the answer. */
    @Column(name = "STATUS", nullable = false)
    private int status;

    protected AuditEvent() {
        // for JPA
    }

    /**
     * A new event; every value is bounded to its column first ({@link AuditText#bound}), so that whatever a request
     * carried, the event can be stored.
     */
    public AuditEvent(Instant time, String account, String app, String record, String call, String method, String path,
            int status) {
        this(UUID.randomUUID().toString(), time.toEpochMilli(), account, app, record, call, method, path, status);
    }

    /** An event as it was journaled (its id and time kept), bounded like a new one. */
    AuditEvent(String id, long time, String account, String app, String record, String call, String method, String path,
            int status) {
        this.id = AuditText.bound(id, ID_LENGTH);
        this.time = time;
        this.account = AuditText.bound(account, ACCOUNT_LENGTH);
        this.app = AuditText.bound(app, APP_LENGTH);
        this.record = AuditText.bound(record, RECORD_LENGTH);
        this.call = AuditText.bound(call, CALL_LENGTH);
        this.method = AuditText.bound(method, METHOD_LENGTH);
        this.path = AuditText.bound(path, PATH_LENGTH);
        this.status = status;
    }

    public String getId() {
        return id;
    }

    public Instant getTime() {
        return Instant.ofEpochMilli(time);
    }

    public String getAccount() {
        return account;
    }

    public String getApp() {
        return app;
    }

    public String getRecord() {
        return record;
    }

    public String getCall() {
        return call;
    }

    public String getMethod() {
        return method;
    }

    public String getPath() {
        return path;
    }

    public int getStatus() {
        return status;
    }
}
