package org.smartcontainer.oauth;

/** The outcome of {@link AccessPolicy#decide}: allow, or deny with the HTTP status and a short reason. */
public sealed interface AccessDecision {

    /** Whether the call may proceed. */
    boolean allowed();

    /** The call may proceed. */
    record Allow() implements AccessDecision {
        @Override
        public boolean allowed() {
            return true;
        }
    }

    /**
     * The call is refused.
     *
     * @param status 401 for an anonymous caller, 403 for an authenticated one
     * @param reason a short reason, safe to return as the 403 body
     */
    record Deny(int status, String reason) implements AccessDecision {
        @Override
        public boolean allowed() {
            return false;
        }
    }
}
