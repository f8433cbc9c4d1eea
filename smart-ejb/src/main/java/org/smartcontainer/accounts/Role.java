package org.smartcontainer.accounts;

/** What an account may do in the container. The names are the security role names. */
public enum Role {
    /** Uses the portal: picks patients and runs apps against their records. */
    clinician,
    /** Operates the container: apps, accounts, patient data, audit trail. */
    admin
}
