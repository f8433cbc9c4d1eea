package org.smartcontainer.ui.admin;

import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.smartcontainer.accounts.Account;
import org.smartcontainer.accounts.Role;

/** An account as the users page shows it (no password hash ever leaves the service). */
public final class AccountRow implements Serializable {

    private static final long serialVersionUID = 1L;
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final String username;
    private final String fullName;
    private final String email;
    private final List<String> roles;
    private final boolean active;
    private final boolean locked;
    private final String lastSignIn;
    private final boolean recordsLimited;
    private final List<String> allowedRecords;

    AccountRow(Account account) {
        this.username = account.getUsername();
        this.fullName = account.getFullName();
        this.email = account.getEmail();
        this.roles = account.getRoles().stream().map(Role::name).sorted().toList();
        this.active = account.getState() == Account.State.active;
        Instant lockedUntil = account.getLockedUntil();
        this.locked = lockedUntil != null && Instant.now().isBefore(lockedUntil);
        this.lastSignIn = account.getLastLoginAt() == null ? "never" : TIME.format(account.getLastLoginAt());
        this.recordsLimited = account.isRecordsLimited();
        this.allowedRecords = List.copyOf(account.getAllowedRecords());
    }

    public String getUsername() {
        return username;
    }

    public String getFullName() {
        return fullName;
    }

    public String getEmail() {
        return email;
    }

    public List<String> getRoles() {
        return roles;
    }

    public String getRolesText() {
        return roles.isEmpty() ? "none" : String.join(", ", roles);
    }

    public boolean isActive() {
        return active;
    }

    public String getStateText() {
        return active ? (locked ? "locked" : "active") : "disabled";
    }

    public boolean isLocked() {
        return locked;
    }

    public String getLastSignIn() {
        return lastSignIn;
    }

    public boolean isRecordsLimited() {
        return recordsLimited;
    }

    public String getRecordsText() {
        return recordsLimited ? (allowedRecords.isEmpty() ? "none" : String.join(", ", allowedRecords)) : "all";
    }

    List<String> allowedRecords() {
        return allowedRecords;
    }
}
