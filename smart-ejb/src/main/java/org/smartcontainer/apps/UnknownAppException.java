package org.smartcontainer.apps;

import jakarta.ejb.ApplicationException;

/** No app has this id (the API answers {@code 404}). */
@ApplicationException(rollback = true)
public class UnknownAppException extends RuntimeException {

    public UnknownAppException(String appId) {
        super("No app with the id " + appId);
    }
}
