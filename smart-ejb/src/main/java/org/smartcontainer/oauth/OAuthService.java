package org.smartcontainer.oauth;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.smartcontainer.accounts.AccountService;
import org.smartcontainer.apps.AppEvents.AppDisabledForAccount;
import org.smartcontainer.apps.AppEvents.AppRemoved;
import org.smartcontainer.apps.AppRegistry;
import org.smartcontainer.oauth.OAuthPrincipal.AccountPrincipal;
import org.smartcontainer.oauth.OAuthPrincipal.BackgroundAppPrincipal;
import org.smartcontainer.persistence.DatabaseOutages;

/**
 * The OAuth 1.0a provider as the API and the portal call it: resolve a request's principal, decide
 * access, run the token endpoints, the authorization step, launches and the helper-token loop. A thin
 * binding of {@link OAuthDance} to JPA, the app registry and MicroProfile Config.
 */
@Stateless
@Interceptors(DatabaseOutages.class)
public class OAuthService {

    /** Largest accepted |now − oauth_timestamp|, seconds. */
    public static final String TIMESTAMP_WINDOW = "smart.oauth.timestamp-window-seconds";

    @PersistenceContext(unitName = "smart")
    private EntityManager em;

    @EJB
    private AppRegistry apps;

    @EJB
    private AccountService accounts;

    @Inject
    private NonceStore nonces;

    @Inject
    private CredentialCache credentials;

    @Inject
    private Event<ConsentRevoked> consentRevocations;

    @Inject
    private Instance<RecordDirectory> records;

    @Inject
    @ConfigProperty(name = TIMESTAMP_WINDOW, defaultValue = "300")
    long windowSeconds;

    @Inject
    @ConfigProperty(name = "smart.oauth.request-token-minutes", defaultValue = "10")
    long requestTokenMinutes;

    @Inject
    @ConfigProperty(name = "smart.oauth.access-token-minutes", defaultValue = "60")
    long accessTokenMinutes;

    @Inject
    @ConfigProperty(name = "smart.oauth.launch-token-minutes", defaultValue = "60")
    long launchTokenMinutes;

    private OAuthDance dance() {
        Clock clock = Clock.systemUTC();
        RecordDirectory directory = records.isResolvable() ? records.get() : null;
        return new OAuthDance(key -> credentials.consumer(key, apps::consumer), new JpaTokenRepository(em, credentials),
                directory,
                new OAuthVerifier(clock, Duration.ofSeconds(windowSeconds), nonces),
                new TokenLifetimes(Duration.ofMinutes(requestTokenMinutes), Duration.ofMinutes(accessTokenMinutes),
                        Duration.ofMinutes(launchTokenMinutes)), clock);
    }

    /**
     * The principal of an API request: {@link OAuthPrincipal.Anonymous} without OAuth parameters.
     *
     * @throws OAuthException if OAuth parameters are present but do not verify (answer 401 where a principal is needed)
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS) // reads only; most requests are answered from the caches
    public OAuthPrincipal resolve(OAuthRequest request) throws OAuthException {
        return dance().resolve(request);
    }

    /**
     * The principal of a SMART Connect token the portal presents in-process for its signed-in account.
     *
     * @throws OAuthException if the token is unknown, revoked or expired, or its app is gone
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public OAuthPrincipal connectPrincipal(String connectToken) throws OAuthException {
        return dance().connectPrincipal(connectToken);
    }

    /** The access decision for a resolved principal (see {@link AccessPolicy}). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public AccessDecision decide(OAuthPrincipal principal, CallCategory category, String method, CallTarget target) {
        return AccessPolicy.decide(principal, category, method, target);
    }

    /** {@code /oauth/request_token}: the response body fields. */
    public FormResponse requestToken(OAuthRequest request) throws OAuthException {
        return dance().requestToken(request);
    }

    /** {@code /oauth/access_token}: the response body fields. */
    public FormResponse accessToken(OAuthRequest request) throws OAuthException {
        return dance().accessToken(request);
    }

    /** The portal starts authorizing a request token for the signed-in account. */
    public void claim(String requestToken, String userId) throws OAuthException {
        dance().claim(requestToken, userId);
    }

    /** What the consent page shows about a request token. */
    public RequestTokenInfo info(String requestToken, String userId) throws OAuthException {
        return dance().info(requestToken, userId);
    }

    /** The account approves: verifier and redirect location (the manifest's callback). */
    public Approval approve(String requestToken, AccountPrincipal account, String recordId) throws OAuthException {
        return dance().approve(requestToken, withRecordAccess(account), recordId);
    }

    /** The account denies: the request token is deleted. */
    public void deny(String requestToken, String userId) throws OAuthException {
        dance().deny(requestToken, userId);
    }

    /** The consents an account gave (app, record or none), newest first: the portal's "my approvals". */
    public List<Share> consentsOf(String userId) {
        return em.createNamedQuery("Share.ofAccount", Share.class).setParameter("account", userId).getResultList();
    }

    /**
     * The account withdraws one of its own consents: the consent and every access token issued on it are
     * deleted, so the app must ask again. False when the account has no such consent.
     */
    public boolean revokeConsent(String userId, String shareId) {
        Share share = shareId == null ? null : em.find(Share.class, shareId);
        if (share == null || userId == null || !userId.equals(share.getAccount())) {
            return false;
        }
        em.createNamedQuery("AccessToken.deleteForShare").setParameter("share", shareId).executeUpdate();
        em.remove(share);
        consentRevocations.fire(new ConsentRevoked(userId, shareId));
        return true;
    }

    /** Launch tokens for (app, account, record or none); enables the app for the account as the reference does. */
    public LaunchTokens launch(AccountPrincipal account, String appId, String recordId, String apiBase) throws OAuthException {
        LaunchTokens tokens = dance().launch(withRecordAccess(account), appId, recordId, apiBase);
        apps.enable(account.userId(), appId);
        return tokens;
    }

    /**
     * The account as the database limits it: an account an administrator limited to some records gets
     * tokens for those only, whatever the caller (portal page, launch endpoint) passed.
     */
    private AccountPrincipal withRecordAccess(AccountPrincipal account) {
        return accounts.recordAccess(account.userId())
                .map(allowed -> new AccountPrincipal(account.userId(), allowed)).orElse(account);
    }

    /** A background app's per-record token; empty when there is no such record. */
    public Optional<FormResponse> helperToken(BackgroundAppPrincipal caller, String appId, OAuthDance.HelperStep step,
            String recordId) throws OAuthException {
        return dance().helperToken(caller, appId, step, recordId);
    }

    /** Deletes expired tokens and nonces; the number of tokens deleted. */
    public int cleanup() {
        return dance().cleanup(nonces);
    }

    /** Deletes the tokens and nonces that have expired by {@code now} (tests look ahead in time with it). */
    public int cleanup(Instant now) {
        nonces.purgeExpired(now);
        return new JpaTokenRepository(em).deleteExpired(now);
    }

    /** Removing an app removes its tokens and consents, in the same transaction. */
    public void appRemoved(@Observes AppRemoved event) {
        new JpaTokenRepository(em).deleteForApp(event.appId());
    }

    /** Disabling an app for an account revokes that account's consents and tokens for it. */
    public void appDisabled(@Observes AppDisabledForAccount event) {
        new JpaTokenRepository(em).deleteForAppAndAccount(event.appId(), event.account());
    }
}
