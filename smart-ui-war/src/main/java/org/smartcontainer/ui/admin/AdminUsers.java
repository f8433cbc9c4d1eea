package org.smartcontainer.ui.admin;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.smartcontainer.accounts.Account;
import org.smartcontainer.accounts.AccountChangeRefusedException;
import org.smartcontainer.accounts.AccountService;
import org.smartcontainer.accounts.Role;
import org.smartcontainer.accounts.UnknownAccountException;
import org.smartcontainer.records.RecordUris;

/**
 * admin/users.xhtml: create accounts, enable and disable them, lift lockouts, reset passwords, set roles
 * and which records an account may see. Every rule (password length, the last administrator) is
 * {@link AccountService}'s, shared with the admin REST API.
 */
@Named
@ViewScoped
public class AdminUsers implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private AccountService accounts;

    @Inject
    private AdminActions actions;

    private String newUsername;
    private String newGivenName;
    private String newFamilyName;
    private String newPassword;
    private List<String> newRoles = new ArrayList<>(List.of(Role.clinician.name()));

    private String selected;
    private String resetPassword;
    private List<String> selectedRoles = new ArrayList<>();
    private boolean limitRecords;
    private String allowedRecords;

    private transient List<AccountRow> rows;

    /** Every account, by user name. */
    public List<AccountRow> getAccounts() {
        if (rows == null) {
            rows = accounts.list().stream().map(AccountRow::new).toList();
        }
        return rows;
    }

    public void create() {
        try {
            AccountService.checkPassword(newPassword == null ? null : newPassword.toCharArray());
            Set<Role> roles = roles(newRoles);
            accounts.create(newUsername.strip(), blankToNull(newGivenName), blankToNull(newFamilyName),
                    newPassword.toCharArray(), roles);
            actions.audit("create_account", null, null, 201);
            actions.info("Account " + newUsername.strip() + " created.");
            newUsername = null;
            newGivenName = null;
            newFamilyName = null;
            newPassword = null;
            newRoles = new ArrayList<>(List.of(Role.clinician.name()));
        } catch (AccountChangeRefusedException e) {
            actions.error(e.getMessage() + ".");
        }
        rows = null;
    }

    /** Disables an active account, or enables a disabled one. */
    public void toggleState(String username) {
        change(username, () -> {
            Account account = accounts.findByUsername(username).orElseThrow(() -> new UnknownAccountException(username));
            Account.State next = account.getState() == Account.State.active ? Account.State.disabled : Account.State.active;
            accounts.setState(username, next);
            actions.audit(next == Account.State.active ? "enable_account" : "disable_account", null, null, 200);
            actions.info("Account " + username + (next == Account.State.active ? " enabled." : " disabled."));
        });
    }

    public void unlock(String username) {
        change(username, () -> {
            accounts.unlock(username);
            actions.audit("unlock_account", null, null, 200);
            actions.info("Account " + username + " unlocked.");
        });
    }

    /** Opens the account's settings below the table. */
    public void select(String username) {
        accounts.findByUsername(username).map(AccountRow::new).ifPresentOrElse(row -> {
            selected = row.getUsername();
            selectedRoles = new ArrayList<>(row.getRoles());
            limitRecords = row.isRecordsLimited();
            allowedRecords = String.join(", ", row.allowedRecords());
            resetPassword = null;
        }, () -> actions.error("No account named " + username + "."));
    }

    public void closeSelection() {
        selected = null;
    }

    public void resetPassword() {
        change(selected, () -> {
            accounts.resetPassword(selected, resetPassword == null ? null : resetPassword.toCharArray());
            actions.audit("reset_password", null, null, 200);
            actions.info("New password set for " + selected + "; any lockout is lifted.");
            resetPassword = null;
        });
    }

    public void saveRoles() {
        change(selected, () -> {
            accounts.setRoles(selected, roles(selectedRoles));
            actions.audit("set_roles", null, null, 200);
            actions.info("Roles of " + selected + " saved.");
        });
    }

    public void saveRecordAccess() {
        Set<String> ids = null;
        if (limitRecords) {
            ids = new LinkedHashSet<>();
            for (String id : Arrays.stream((allowedRecords == null ? "" : allowedRecords).split("[,\\s]+"))
                    .filter(s -> !s.isBlank()).toList()) {
                if (!RecordUris.isValidRecordId(id)) {
                    actions.error("'" + id + "' is not a record id (letters, digits, '.', '-' and '_').");
                    return;
                }
                ids.add(id);
            }
        }
        Set<String> chosen = ids;
        change(selected, () -> {
            accounts.setRecordAccess(selected, chosen);
            actions.audit("set_record_access", null, null, 200);
            actions.info(chosen == null ? selected + " may see every record."
                    : selected + " may see " + chosen.size() + (chosen.size() == 1 ? " record." : " records."));
        });
    }

    private void change(String username, Runnable change) {
        try {
            change.run();
        } catch (AccountChangeRefusedException e) {
            actions.error(e.getMessage() + ".");
        } catch (UnknownAccountException e) {
            actions.error(e.getMessage() + ".");
        }
        rows = null;
    }

    private static Set<Role> roles(List<String> names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : names) {
            roles.add(Role.valueOf(name));
        }
        return roles;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public Role[] getAllRoles() {
        return Role.values();
    }

    public int getMinimumLength() {
        return AccountService.MIN_PASSWORD_LENGTH;
    }

    public String getNewUsername() {
        return newUsername;
    }

    public void setNewUsername(String newUsername) {
        this.newUsername = newUsername;
    }

    public String getNewGivenName() {
        return newGivenName;
    }

    public void setNewGivenName(String newGivenName) {
        this.newGivenName = newGivenName;
    }

    public String getNewFamilyName() {
        return newFamilyName;
    }

    public void setNewFamilyName(String newFamilyName) {
        this.newFamilyName = newFamilyName;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public List<String> getNewRoles() {
        return newRoles;
    }

    public void setNewRoles(List<String> newRoles) {
        this.newRoles = newRoles;
    }

    public String getSelected() {
        return selected;
    }

    public String getResetPassword() {
        return resetPassword;
    }

    public void setResetPassword(String resetPassword) {
        this.resetPassword = resetPassword;
    }

    public List<String> getSelectedRoles() {
        return selectedRoles;
    }

    public void setSelectedRoles(List<String> selectedRoles) {
        this.selectedRoles = selectedRoles;
    }

    public boolean isLimitRecords() {
        return limitRecords;
    }

    public void setLimitRecords(boolean limitRecords) {
        this.limitRecords = limitRecords;
    }

    public String getAllowedRecords() {
        return allowedRecords;
    }

    public void setAllowedRecords(String allowedRecords) {
        this.allowedRecords = allowedRecords;
    }
}
