package org.smartcontainer.accounts;

import jakarta.ejb.ApplicationException;

/** No account has this user name (the admin API answers {@code 404}). */
@ApplicationException(rollback = true)
public class UnknownAccountException extends RuntimeException {

    public UnknownAccountException(String username) {
        super("No account named " + username);
    }
}
