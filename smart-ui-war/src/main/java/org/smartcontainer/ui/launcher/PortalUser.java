package org.smartcontainer.ui.launcher;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.util.Optional;
import org.smartcontainer.accounts.Account;
import org.smartcontainer.accounts.AccountService;

/** The signed-in account as SMART sees it: its API user id (e-mail, else user name) and full name. */
@RequestScoped
public class PortalUser {

    @Inject
    private SecurityContext security;

    @EJB
    private AccountService accounts;

    private Optional<Account> account;

    /** The signed-in account, if any. */
    public Optional<Account> account() {
        if (account == null) {
            account = security.getCallerPrincipal() == null ? Optional.empty()
                    : accounts.findByUsername(security.getCallerPrincipal().getName());
        }
        return account;
    }

    /** The API user id ({@code /users/{user_id}}), or null when nobody is signed in. */
    public String userId() {
        return account().map(AccountService::userIdOf).orElse(null);
    }

    /** "Given Family", or the user id when the account has no name. */
    public String fullName() {
        return account().map(a -> a.getFullName().isEmpty() ? AccountService.userIdOf(a) : a.getFullName()).orElse(null);
    }
}
