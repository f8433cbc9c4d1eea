package org.smartcontainer.oauth;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The token repository in memory: the JPA repository's contract without a database, for unit tests. */
final class InMemoryTokens implements TokenRepository {

    final Map<String, RequestToken> requestTokens = new ConcurrentHashMap<>();
    final Map<String, AccessToken> accessTokens = new ConcurrentHashMap<>();
    final Map<String, Share> shares = new ConcurrentHashMap<>();

    @Override
    public Optional<RequestToken> requestToken(String token) {
        return Optional.ofNullable(requestTokens.get(token));
    }

    @Override
    public void add(RequestToken token) {
        requestTokens.put(token.getToken(), token);
    }

    @Override
    public void remove(RequestToken token) {
        requestTokens.remove(token.getToken());
    }

    @Override
    public Optional<AccessToken> accessToken(String token) {
        return Optional.ofNullable(accessTokens.get(token));
    }

    @Override
    public void add(AccessToken token) {
        accessTokens.put(token.getToken(), token);
    }

    @Override
    public Optional<Share> share(String appId, String account, String recordId) {
        return shares.values().stream().filter(s -> s.getAppId().equals(appId)
                && Objects.equals(s.getAccount(), account) && Objects.equals(s.getRecordId(), recordId)).findFirst();
    }

    @Override
    public Optional<Share> shareById(String shareId) {
        return Optional.ofNullable(shareId == null ? null : shares.get(shareId));
    }

    @Override
    public void add(Share share) {
        shares.put(share.getId(), share);
    }

    @Override
    public int deleteExpired(Instant now) {
        int before = requestTokens.size() + accessTokens.size();
        requestTokens.values().removeIf(t -> t.getExpiresAt().isBefore(now));
        accessTokens.values().removeIf(t -> t.getExpiresAt().isBefore(now));
        return before - requestTokens.size() - accessTokens.size();
    }

    @Override
    public void deleteForApp(String appId) {
        requestTokens.values().removeIf(t -> t.getAppId().equals(appId));
        accessTokens.values().removeIf(t -> t.getAppId().equals(appId));
        shares.values().removeIf(s -> s.getAppId().equals(appId));
    }

    @Override
    public void deleteForAppAndAccount(String appId, String account) {
        accessTokens.values().removeIf(t -> t.getAppId().equals(appId) && account.equals(t.getAccount()));
        shares.values().removeIf(s -> s.getAppId().equals(appId) && account.equals(s.getAccount()));
    }
}
