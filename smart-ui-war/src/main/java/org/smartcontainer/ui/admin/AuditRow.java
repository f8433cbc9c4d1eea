package org.smartcontainer.ui.admin;

import java.io.Serializable;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.smartcontainer.audit.AuditEvent;

/** An audit event as the audit page lists it. */
public final class AuditRow implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final String id;
    private final String time;
    private final String account;
    private final String app;
    private final String record;
    private final String call;
    private final String method;
    private final String path;
    private final int status;

    AuditRow(AuditEvent event) {
        this.id = event.getId();
        this.time = TIME.format(event.getTime());
        this.account = event.getAccount();
        this.app = event.getApp();
        this.record = event.getRecord();
        this.call = event.getCall();
        this.method = event.getMethod();
        this.path = event.getPath();
        this.status = event.getStatus();
    }

    public String getId() {
        return id;
    }

    public String getTime() {
        return time;
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
