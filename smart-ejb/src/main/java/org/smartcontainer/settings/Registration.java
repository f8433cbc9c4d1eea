package org.smartcontainer.settings;

/** Whether people may create their own portal accounts. */
public enum Registration {
    /** Only administrators create accounts (the default). */
    off,
    /** Anyone may register; the account stays disabled until an administrator enables it. */
    approval,
    /** Anyone may register and sign in at once as a clinician. */
    open
}
