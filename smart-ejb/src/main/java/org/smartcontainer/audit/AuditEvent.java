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

    @Id
    @Column(length = 36)
    private String id;

    /** Milliseconds since the epoch: a plain number sorts and compares the same in every database. */
    @Column(name = "EVENT_TIME", nullable = false)
    private long time;

    /** The account acting (the user behind a token, or an administrator), or null (background apps, refused callers). */
    @Column(name = "ACCOUNT", length = 254)
    private String account;

    /** The app acting, or null. */
    @Column(name = "APP_ID", length = 256)
    private String app;

    @Column(name = "RECORD_ID", length = 200)
    private String record;

    /** The call: the ontology's client method name or the admin operation, e.g. {@code get_medications}. */
    @Column(name = "CALL_NAME", nullable = false, length = 200)
    private String call;

    @Column(name = "HTTP_METHOD", nullable = false, length = 10)
    private String method;

    @Column(name = "PATH", nullable = false, length = 1000)
    private String path;

    /** The HTTP status of the answer. */
    @Column(name = "STATUS", nullable = false)
    private int status;

    protected AuditEvent() {
        // for JPA
    }

    public AuditEvent(Instant time, String account, String app, String record, String call, String method, String path,
            int status) {
        this.id = UUID.randomUUID().toString();
        this.time = time.toEpochMilli();
        this.account = account;
        this.app = app;
        this.record = record;
        this.call = call;
        this.method = method;
        this.path = path.length() > 1000 ? path.substring(0, 1000) : path;
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
