package org.smartcontainer.apps;

/** An administrator chose a consumer secret that is too short, too simple or publicly known. */
public class WeakSecretException extends Exception {

    public WeakSecretException(String reason) {
        super(reason);
    }
}
