package org.smartcontainer.oauth;

/**
 * A request failed OAuth verification or a token operation was refused. The {@link #reason()} is for
 * logs and tests only: HTTP responses say no more than {@code Unauthorized}.
 */
public class OAuthException extends Exception {

    /** Why a request was refused. */
    public enum Reason {
        MALFORMED_REQUEST,
        DUPLICATE_PROTOCOL_PARAMETER,
        MISSING_PARAMETER,
        UNSUPPORTED_SIGNATURE_METHOD,
        UNSUPPORTED_VERSION,
        TIMESTAMP_OUT_OF_WINDOW,
        NONCE_REPLAYED,
        UNKNOWN_CONSUMER,
        UNKNOWN_TOKEN,
        TOKEN_EXPIRED,
        WRONG_TOKEN_KIND,
        INVALID_SIGNATURE,
        BODY_HASH_MISMATCH,
        NOT_AUTHORIZED_YET,
        VERIFIER_MISMATCH,
        CLAIMED_BY_ANOTHER_ACCOUNT,
        RECORD_MISMATCH,
        RECORD_REQUIRED,
        UNKNOWN_RECORD,
        NO_CALLBACK,
        WRONG_APP,
        NOT_PERMITTED
    }

    private final Reason reason;

    public OAuthException(Reason reason, String detail) {
        super(reason + ": " + detail);
        this.reason = reason;
    }

    /** Why the request was refused. */
    public Reason reason() {
        return reason;
    }
}
