package org.smartcontainer.ui.account;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Set;
import java.util.logging.Logger;
import org.smartcontainer.accounts.Account;
import org.smartcontainer.accounts.AccountService;
import org.smartcontainer.accounts.Role;

/**
 * Signs showcase visitors in as the configured showcase account, with the groups {@code clinician} and
 * {@code showcase} only: never {@code admin}, whatever the account holds. An account that does not exist, is
 * disabled or is an administrator is refused, so a misconfiguration cannot hand out an administrator.
 * (It keeps the default validation types: groups of a result count only if the store also provides groups.)
 */
@ApplicationScoped
public class ShowcaseIdentityStore implements IdentityStore {

    private static final Logger LOG = Logger.getLogger(ShowcaseIdentityStore.class.getName());

    @EJB
    private AccountService accounts;

    @Inject
    private ShowcaseMode showcase;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof ShowcaseCredential)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        if (!showcase.isEnabled()) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        String username = showcase.getAccount();
        Account account = accounts.findByUsername(username).orElse(null);
        if (account == null || account.getState() != Account.State.active || account.hasRole(Role.admin)
                || !account.hasRole(Role.clinician)) {
            LOG.warning(() -> "Showcase mode is on but the account '" + username
                    + "' is missing, disabled, not a clinician or an administrator: visitors are refused");
            return CredentialValidationResult.INVALID_RESULT;
        }
        return new CredentialValidationResult(account.getUsername(), Set.of(Role.clinician.name(), ShowcaseMode.ROLE));
    }
}
