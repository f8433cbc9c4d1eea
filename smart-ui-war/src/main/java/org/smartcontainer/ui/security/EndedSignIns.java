package org.smartcontainer.ui.security;

/**
 * Sign-ins that have ended (signed out, or replaced by a failed attempt in the same session), remembered for
 * every node of a cluster. A session replicated to several nodes has a copy on each; when it signs out on one,
 * another node can still hold a signed-in copy (and write it back to the data grid on its next request). The
 * portal's mechanism asks here before it trusts a session's caller, so such a copy signs nobody in.
 */
public interface EndedSignIns {

    /** Remembers that this sign-in has ended. */
    void end(String signInId);

    /** Whether this sign-in has ended. */
    boolean hasEnded(String signInId);
}
