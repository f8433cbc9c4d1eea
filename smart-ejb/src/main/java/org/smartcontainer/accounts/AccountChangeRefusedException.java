package org.smartcontainer.accounts;

import jakarta.ejb.ApplicationException;

/** An account change that would break a rule (a too short password, no administrator left); nothing changed. */
@ApplicationException(rollback = true)
public class AccountChangeRefusedException extends RuntimeException {

    public AccountChangeRefusedException(String message) {
        super(message);
    }
}
