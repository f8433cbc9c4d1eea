package org.smartcontainer.oauth;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.Optional;

/** Tokens and consents in the container's database; runs in the calling EJB's transaction. */
final class JpaTokenRepository implements TokenRepository {

    private final EntityManager em;
    private final CredentialCache credentials;

    /** Without a cache: every lookup reads the database. */
    JpaTokenRepository(EntityManager em) {
        this(em, null);
    }

    /** Access tokens through {@code credentials} (the hot path of every signed request). */
    JpaTokenRepository(EntityManager em, CredentialCache credentials) {
        this.em = em;
        this.credentials = credentials;
    }

    @Override
    public Optional<RequestToken> requestToken(String token) {
        return Optional.ofNullable(em.find(RequestToken.class, token));
    }

    @Override
    public void add(RequestToken token) {
        em.persist(token);
    }

    @Override
    public void remove(RequestToken token) {
        em.remove(em.contains(token) ? token : em.merge(token));
    }

    @Override
    public Optional<AccessToken> accessToken(String token) {
        if (credentials != null) {
            return credentials.accessToken(token, t -> Optional.ofNullable(em.find(AccessToken.class, t)));
        }
        return Optional.ofNullable(em.find(AccessToken.class, token));
    }

    @Override
    public void add(AccessToken token) {
        em.persist(token);
    }

    @Override
    public Optional<Share> share(String appId, String account, String recordId) {
        // JPQL "= NULL" never matches, so the query names IS NULL explicitly for absent parts.
        String jpql = "SELECT s FROM Share s WHERE s.appId = :app"
                + (account == null ? " AND s.account IS NULL" : " AND s.account = :account")
                + (recordId == null ? " AND s.recordId IS NULL" : " AND s.recordId = :record");
        TypedQuery<Share> query = em.createQuery(jpql, Share.class).setParameter("app", appId);
        if (account != null) {
            query.setParameter("account", account);
        }
        if (recordId != null) {
            query.setParameter("record", recordId);
        }
        return query.getResultStream().findFirst();
    }

    @Override
    public Optional<Share> shareById(String shareId) {
        return Optional.ofNullable(shareId == null ? null : em.find(Share.class, shareId));
    }

    @Override
    public void add(Share share) {
        em.persist(share);
    }

    @Override
    public int deleteExpired(Instant now) {
        return em.createNamedQuery("RequestToken.deleteExpired").setParameter("now", now).executeUpdate()
                + em.createNamedQuery("AccessToken.deleteExpired").setParameter("now", now).executeUpdate();
    }

    @Override
    public void deleteForApp(String appId) {
        em.createNamedQuery("RequestToken.deleteForApp").setParameter("app", appId).executeUpdate();
        em.createNamedQuery("AccessToken.deleteForApp").setParameter("app", appId).executeUpdate();
        em.createNamedQuery("Share.deleteForApp").setParameter("app", appId).executeUpdate();
    }

    @Override
    public void deleteForAppAndAccount(String appId, String account) {
        em.createNamedQuery("AccessToken.deleteForAppAndAccount").setParameter("app", appId)
                .setParameter("account", account).executeUpdate();
        em.createNamedQuery("Share.deleteForAppAndAccount").setParameter("app", appId)
                .setParameter("account", account).executeUpdate();
    }
}
