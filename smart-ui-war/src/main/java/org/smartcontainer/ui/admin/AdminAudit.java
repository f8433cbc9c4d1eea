package org.smartcontainer.ui.admin;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.smartcontainer.audit.AuditPage;
import org.smartcontainer.audit.AuditQuery;
import org.smartcontainer.audit.AuditStatus;
import org.smartcontainer.audit.AuditTrail;

/**
 * admin/audit.xhtml: the audit trail, newest first, filtered by account, app, record and a date range
 * (UTC days, both inclusive), one page at a time from {@link AuditTrail#search}.
 */
@Named
@ViewScoped
public class AdminAudit implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private AuditTrail audit;

    @Inject
    private AdminActions actions;

    private String account;
    private String app;
    private String record;
    private String fromDate;
    private String toDate;

    private final LazyDataModel<AuditRow> events = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            AuditQuery query = query(0, 1);
            return query == null ? 0 : (int) Math.min(Integer.MAX_VALUE, audit.search(query).total());
        }

        @Override
        public List<AuditRow> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            AuditQuery query = query(first, Math.min(pageSize, AuditQuery.MAX_LIMIT));
            if (query == null) {
                setRowCount(0);
                return List.of();
            }
            AuditPage page = audit.search(query);
            setRowCount((int) Math.min(Integer.MAX_VALUE, page.total()));
            return page.events().stream().map(AuditRow::new).toList();
        }

        @Override
        public String getRowKey(AuditRow row) {
            return row.getId();
        }
    };

    /** How the audit trail is doing now: events waiting for the database, dead letters, failures. */
    public AuditStatus getStatus() {
        return audit.status();
    }

    /** Applies the filters; a date that is not one is reported here (the table then shows nothing). */
    public void apply() {
        for (String[] field : new String[][] {{fromDate, "From"}, {toDate, "To"}}) {
            if (notBlank(field[0]) && day(field[0]) == null) {
                actions.error(field[1] + ": a date such as 2026-01-31.");
            }
        }
    }

    private AuditQuery query(int offset, int limit) {
        Instant from = day(fromDate);
        Instant to = day(toDate);
        if ((notBlank(fromDate) && from == null) || (notBlank(toDate) && to == null)) {
            return null;
        }
        return new AuditQuery(blankToNull(record), blankToNull(account), blankToNull(app), from,
                to == null ? null : to.plusSeconds(86_400), offset, limit);
    }

    private static Instant day(String text) {
        if (!notBlank(text)) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip()).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    private static String blankToNull(String s) {
        return notBlank(s) ? s.strip() : null;
    }

    public void clear() {
        account = null;
        app = null;
        record = null;
        fromDate = null;
        toDate = null;
    }

    public LazyDataModel<AuditRow> getEvents() {
        return events;
    }

    public String getAccount() {
        return account;
    }

    public void setAccount(String account) {
        this.account = account;
    }

    public String getApp() {
        return app;
    }

    public void setApp(String app) {
        this.app = app;
    }

    public String getRecord() {
        return record;
    }

    public void setRecord(String record) {
        this.record = record;
    }

    public String getFromDate() {
        return fromDate;
    }

    public void setFromDate(String fromDate) {
        this.fromDate = fromDate;
    }

    public String getToDate() {
        return toDate;
    }

    public void setToDate(String toDate) {
        this.toDate = toDate;
    }
}
