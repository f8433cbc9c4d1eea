package org.smartcontainer.ui.security;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.stream.Collectors;
import org.smartcontainer.accounts.AccountService;

/** Checks portal sign-ins against the container's accounts; the account's roles become its groups. */
@ApplicationScoped
public class AccountIdentityStore implements IdentityStore {

    @EJB
    private AccountService accounts;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential login)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        AccountService.SignIn signIn = accounts.signIn(login.getCaller(), login.getPassword().getValue());
        if (!signIn.succeeded()) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        return new CredentialValidationResult(signIn.account().getUsername(),
                signIn.account().getRoles().stream().map(Enum::name).collect(Collectors.toSet()));
    }
}
