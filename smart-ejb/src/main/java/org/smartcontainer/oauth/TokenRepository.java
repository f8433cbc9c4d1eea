package org.smartcontainer.oauth;

import java.time.Instant;
import java.util.Optional;

/** Where request tokens, access tokens and consents are kept (JPA in the server). */
public interface TokenRepository {

    /** The request token, if it exists. */
    Optional<RequestToken> requestToken(String token);

    /** Stores a new request token. */
    void add(RequestToken token);

    /** Deletes a request token (after its exchange, or on denial). */
    void remove(RequestToken token);

    /** The access token, if it exists. */
    Optional<AccessToken> accessToken(String token);

    /** Stores a new access token. */
    void add(AccessToken token);

    /** The consent for exactly (app, account, record), nulls matching nulls. */
    Optional<Share> share(String appId, String account, String recordId);

    /** The consent with this id, if it still exists. */
    Optional<Share> shareById(String shareId);

    /** Stores a new consent. */
    void add(Share share);

    /** Deletes request and access tokens that expired before {@code now}; the number deleted. */
    int deleteExpired(Instant now);

    /** Deletes the app's tokens and consents. */
    void deleteForApp(String appId);

    /** Deletes the tokens and consents of (app, account). */
    void deleteForAppAndAccount(String appId, String account);
}
