package org.smartcontainer.oauth;

/**
 * What the consent page needs about a request token (api.md §9.5).
 *
 * @param recordId the bound record, or null
 * @param alreadyShared whether the account already consented to (app, record): {@code kind=same}
 */
public record RequestTokenInfo(String token, String appId, String recordId, boolean alreadyShared) {

    /** {@code same} or {@code new}, as the reference's XML says it. */
    public String kind() {
        return alreadyShared ? "same" : "new";
    }
}
