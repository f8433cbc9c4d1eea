package org.smartcontainer.oauth;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.smartcontainer.apps.AppKind;
import org.smartcontainer.apps.Consumer;
import org.smartcontainer.apps.ConsumerSecrets;
import org.smartcontainer.oauth.OAuthException.Reason;
import org.smartcontainer.oauth.OAuthPrincipal.AccessTokenPrincipal;
import org.smartcontainer.oauth.OAuthPrincipal.AccountPrincipal;
import org.smartcontainer.oauth.OAuthPrincipal.BackgroundAppPrincipal;
import org.smartcontainer.oauth.OAuthPrincipal.MachineAppPrincipal;
import org.smartcontainer.oauth.OAuthPrincipal.RequestTokenPrincipal;
import org.smartcontainer.oauth.OAuthPrincipal.UiAppPrincipal;

/**
 * The OAuth 1.0a provider's logic, free of JPA and EJB: which principal a signed request is, the
 * three-legged dance (request token, claim, approve, exchange), launch tokens and the background apps'
 * per-record token loop. {@link OAuthService} binds it to the database and configuration.
 */
public final class OAuthDance {

    private final Function<String, Optional<Consumer>> consumers;
    private final TokenRepository tokens;
    private final RecordDirectory records;
    private final OAuthVerifier verifier;
    private final TokenLifetimes lifetimes;
    private final Clock clock;

    /**
     * @param consumers the registry's consumer lookup (by consumer key)
     * @param records the record ids, or null where no record store is wired (record checks skipped, helper loop unavailable)
     */
    public OAuthDance(Function<String, Optional<Consumer>> consumers, TokenRepository tokens, RecordDirectory records,
            OAuthVerifier verifier, TokenLifetimes lifetimes, Clock clock) {
        this.consumers = Objects.requireNonNull(consumers);
        this.tokens = Objects.requireNonNull(tokens);
        this.records = records;
        this.verifier = Objects.requireNonNull(verifier);
        this.lifetimes = Objects.requireNonNull(lifetimes);
        this.clock = Objects.requireNonNull(clock);
    }

    // ---------------------------------------------------------------- principal resolution

    /**
     * The principal of a request (oauth-and-access.md §1), resolved in one lookup by consumer key: the key
     * determines the app kind, the kind determines which tokens may accompany it.
     *
     * @return {@link OAuthPrincipal.Anonymous} when the request carries no OAuth parameters
     * @throws OAuthException when it carries them and they do not verify (the caller treats it as anonymous: 401)
     */
    public OAuthPrincipal resolve(OAuthRequest request) throws OAuthException {
        return resolve(request, OAuthMessage.parse(request));
    }

    OAuthPrincipal resolve(OAuthRequest request, OAuthMessage message) throws OAuthException {
        if (!message.isOAuth()) {
            return OAuthPrincipal.Anonymous.INSTANCE;
        }
        verifier.checkProtocol(message);
        Consumer consumer = consumers.apply(message.consumerKey())
                .orElseThrow(() -> new OAuthException(Reason.UNKNOWN_CONSUMER, message.consumerKey()));
        Optional<String> token = message.token();
        if (token.isEmpty()) {
            verifier.verify(message, request, consumer.secret(), null);
            return switch (consumer.kind()) {
                case ui, frame_ui -> new UiAppPrincipal(consumer.key(), consumer.kind());
                case background -> new BackgroundAppPrincipal(consumer.key(), consumer.adminP());
                case chrome, admin -> new MachineAppPrincipal(consumer.key(), consumer.kind());
            };
        }
        Instant now = clock.instant();
        if (consumer.kind().isUiApp()) {
            Optional<RequestToken> requestToken = tokens.requestToken(token.get())
                    .filter(t -> t.getAppId().equals(consumer.key()));
            if (requestToken.isPresent()) {
                if (requestToken.get().isExpired(now)) {
                    throw new OAuthException(Reason.TOKEN_EXPIRED, "request token");
                }
                verifier.verify(message, request, consumer.secret(), requestToken.get().secret());
                return new RequestTokenPrincipal(requestToken.get().getToken(), consumer.key());
            }
        }
        if (consumer.kind() == AppKind.admin) {
            throw new OAuthException(Reason.WRONG_TOKEN_KIND, "the admin consumer signs without tokens");
        }
        // SMART Connect tokens only with the portal's consumer; REST and helper tokens only with their own app's.
        boolean connect = consumer.kind() == AppKind.chrome;
        AccessToken accessToken = tokens.accessToken(token.get())
                .filter(t -> t.isConnect() == connect && (connect || t.getAppId().equals(consumer.key())))
                .orElseThrow(() -> new OAuthException(Reason.UNKNOWN_TOKEN, "no such token for this consumer"));
        if (accessToken.isExpired(now)) {
            throw new OAuthException(Reason.TOKEN_EXPIRED, "access token");
        }
        verifier.verify(message, request, consumer.secret(), accessToken.secret());
        AppKind appKind = connect
                ? consumers.apply(accessToken.getAppId()).map(Consumer::kind)
                        .orElseThrow(() -> new OAuthException(Reason.UNKNOWN_CONSUMER, "the token's app is gone"))
                : consumer.kind();
        return new AccessTokenPrincipal(accessToken.getToken(), accessToken.getAppId(), appKind,
                accessToken.getAccount(), accessToken.getRecordId(), accessToken.isConnect());
    }

    /**
     * The principal of a SMART Connect token that the portal holds for a signed-in account and presents
     * in-process (no signature: the portal's session is the proof of possession). Expired, revoked or unknown
     * tokens, and tokens whose app is gone, are refused like a signed request with them.
     */
    public OAuthPrincipal connectPrincipal(String connectToken) throws OAuthException {
        AccessToken accessToken = tokens.accessToken(connectToken).filter(AccessToken::isConnect)
                .orElseThrow(() -> new OAuthException(Reason.UNKNOWN_TOKEN, "no such SMART Connect token"));
        if (accessToken.isExpired(clock.instant())) {
            throw new OAuthException(Reason.TOKEN_EXPIRED, "access token");
        }
        AppKind appKind = consumers.apply(accessToken.getAppId()).map(Consumer::kind)
                .orElseThrow(() -> new OAuthException(Reason.UNKNOWN_CONSUMER, "the token's app is gone"));
        return new AccessTokenPrincipal(accessToken.getToken(), accessToken.getAppId(), appKind,
                accessToken.getAccount(), accessToken.getRecordId(), true);
    }

    // ---------------------------------------------------------------- three-legged flow

    /**
     * {@code /oauth/request_token}: a UI app, two-legged, asks for a request token, optionally bound to a
     * record ({@code smart_record_id}, or {@code record_id} as the Java client sends it).
     */
    public FormResponse requestToken(OAuthRequest request) throws OAuthException {
        OAuthMessage message = OAuthMessage.parse(request);
        OAuthPrincipal principal = resolve(request, message);
        if (!(principal instanceof UiAppPrincipal app)) {
            throw new OAuthException(Reason.NOT_PERMITTED, "only UI apps signing two-legged get request tokens");
        }
        String callback = message.protocol("oauth_callback")
                .orElseThrow(() -> new OAuthException(Reason.MISSING_PARAMETER, "oauth_callback"));
        String recordId = message.field("smart_record_id").or(() -> message.field("record_id"))
                .filter(r -> !r.isEmpty()).orElse(null);
        if (recordId != null) {
            requireRecord(recordId);
        }
        Instant now = clock.instant();
        RequestToken token = new RequestToken(ConsumerSecrets.generate(), ConsumerSecrets.generate(), app.appId(),
                callback, recordId, now, now.plus(lifetimes.requestToken()));
        tokens.add(token);
        return new FormResponse().add("oauth_token", token.getToken()).add("oauth_token_secret", token.secret())
                .add("oauth_callback_confirmed", "true");
    }

    /** The portal starts handling a request token for a signed-in account; another account's claim fails. */
    public void claim(String requestToken, String userId) throws OAuthException {
        RequestToken token = liveRequestToken(requestToken);
        if (token.getClaimedBy() != null && !token.getClaimedBy().equals(userId)) {
            throw new OAuthException(Reason.CLAIMED_BY_ANOTHER_ACCOUNT, "claimed by another account");
        }
        token.claim(userId);
    }

    /** What the consent page shows; {@code alreadyShared} ({@code kind=same}) lets the portal approve silently. */
    public RequestTokenInfo info(String requestToken, String userId) throws OAuthException {
        RequestToken token = liveRequestToken(requestToken);
        boolean same = token.getRecordId() != null && tokens.share(token.getAppId(), userId, token.getRecordId()).isPresent();
        return new RequestTokenInfo(token.getToken(), token.getAppId(), token.getRecordId(), same);
    }

    /**
     * The account approves a request token for a record: creates or reuses the consent and returns the
     * verifier and the redirect to the manifest's {@code oauth_callback} (never the one the app sent).
     *
     * @param recordId required when the token is not bound to a record; must equal the bound record otherwise (may be null then)
     */
    public Approval approve(String requestToken, AccountPrincipal account, String recordId) throws OAuthException {
        RequestToken token = liveRequestToken(requestToken);
        if (token.getClaimedBy() != null && !token.getClaimedBy().equals(account.userId())) {
            throw new OAuthException(Reason.CLAIMED_BY_ANOTHER_ACCOUNT, "claimed by another account");
        }
        if (token.getAuthorizedAt() != null) {
            throw new OAuthException(Reason.NOT_PERMITTED, "already approved");
        }
        String record = token.getRecordId();
        if (record == null) {
            if (recordId == null || recordId.isEmpty()) {
                throw new OAuthException(Reason.RECORD_REQUIRED, "the token is bound to no record");
            }
            record = recordId;
        } else if (recordId != null && !recordId.isEmpty() && !recordId.equals(record)) {
            throw new OAuthException(Reason.RECORD_MISMATCH, "not the record the token is bound to");
        }
        if (!account.mayUse(record)) {
            throw new OAuthException(Reason.NOT_PERMITTED, "the account may not use this record");
        }
        requireRecord(record);
        Consumer app = consumers.apply(token.getAppId())
                .orElseThrow(() -> new OAuthException(Reason.UNKNOWN_CONSUMER, "the app is gone"));
        if (app.oauthCallback() == null) {
            throw new OAuthException(Reason.NO_CALLBACK, "the manifest has no oauth_callback");
        }
        Instant now = clock.instant();
        Share share = findOrCreateShare(app.key(), account.userId(), record, now);
        String verifierValue = ConsumerSecrets.generate();
        token.claim(account.userId());
        token.authorize(share, verifierValue, now);
        String location = app.oauthCallback() + (app.oauthCallback().contains("?") ? "&" : "?")
                + "oauth_token=" + PercentEncoding.encode(token.getToken())
                + "&oauth_verifier=" + PercentEncoding.encode(verifierValue);
        return new Approval(verifierValue, location);
    }

    /** The account refuses: the request token is deleted. */
    public void deny(String requestToken, String userId) throws OAuthException {
        RequestToken token = liveRequestToken(requestToken);
        if (token.getClaimedBy() != null && !token.getClaimedBy().equals(userId)) {
            throw new OAuthException(Reason.CLAIMED_BY_ANOTHER_ACCOUNT, "claimed by another account");
        }
        tokens.remove(token);
    }

    /**
     * {@code /oauth/access_token}: the app, signing with its request token, exchanges it (once) for an
     * access token. The answer names the record and the authorizing user (by user id, not an internal id).
     */
    public FormResponse accessToken(OAuthRequest request) throws OAuthException {
        OAuthMessage message = OAuthMessage.parse(request);
        OAuthPrincipal principal = resolve(request, message);
        if (!(principal instanceof RequestTokenPrincipal caller)) {
            throw new OAuthException(Reason.WRONG_TOKEN_KIND, "a request token is required");
        }
        RequestToken token = liveRequestToken(caller.token());
        if (token.getAuthorizedAt() == null || token.getShareId() == null) {
            throw new OAuthException(Reason.NOT_AUTHORIZED_YET, "not approved");
        }
        String sent = message.protocol("oauth_verifier")
                .orElseThrow(() -> new OAuthException(Reason.MISSING_PARAMETER, "oauth_verifier"));
        if (!HmacSha1.matches(token.verifier(), sent)) {
            throw new OAuthException(Reason.VERIFIER_MISMATCH, "wrong verifier");
        }
        Share share = tokens.shareById(token.getShareId())
                .orElseThrow(() -> new OAuthException(Reason.NOT_AUTHORIZED_YET, "the consent was revoked"));
        tokens.remove(token);
        Instant now = clock.instant();
        AccessToken access = new AccessToken(ConsumerSecrets.generate(), ConsumerSecrets.generate(), share, false,
                now, now.plus(lifetimes.accessToken()));
        tokens.add(access);
        return new FormResponse().add("oauth_token", access.getToken()).add("oauth_token_secret", access.secret())
                .add("record_id", share.getRecordId()).add("user_id", share.getAccount());
    }

    // ---------------------------------------------------------------- launch and helper tokens

    /**
     * Launch-time tokens for (app, account, record or none): a SMART Connect token (stays in the portal's
     * server side), a REST token, and the OAuth launch header signed with the app's consumer over
     * {@code GET {index}}. The caller has checked that the account may open the record.
     */
    public LaunchTokens launch(AccountPrincipal account, String appId, String recordId, String apiBase) throws OAuthException {
        Consumer app = consumers.apply(appId).orElseThrow(() -> new OAuthException(Reason.UNKNOWN_CONSUMER, appId));
        if (!app.kind().isUiApp()) {
            throw new OAuthException(Reason.WRONG_APP, "only UI apps are launched");
        }
        if (recordId != null) {
            if (!account.mayUse(recordId)) {
                throw new OAuthException(Reason.NOT_PERMITTED, "the account may not use this record");
            }
            requireRecord(recordId);
        }
        Instant now = clock.instant();
        Instant expires = now.plus(lifetimes.launchToken());
        Share share = findOrCreateShare(appId, account.userId(), recordId, now);
        AccessToken connect = new AccessToken(ConsumerSecrets.generate(), ConsumerSecrets.generate(), share, true, now, expires);
        AccessToken rest = new AccessToken(ConsumerSecrets.generate(), ConsumerSecrets.generate(), share, false, now, expires);
        tokens.add(connect);
        tokens.add(rest);
        String header = app.index() == null ? null : launchHeader(app, apiBase, rest, account.userId(), recordId, now);
        return new LaunchTokens(appId, account.userId(), recordId, connect.getToken(), connect.secret(),
                rest.getToken(), rest.secret(), header, expires);
    }

    private String launchHeader(Consumer app, String apiBase, AccessToken rest, String userId, String recordId, Instant now) {
        List<Parameter> params = new ArrayList<>();
        params.add(new Parameter("oauth_consumer_key", app.key()));
        params.add(new Parameter("oauth_nonce", ConsumerSecrets.generate(16)));
        params.add(new Parameter("oauth_signature_method", HmacSha1.METHOD));
        params.add(new Parameter("oauth_timestamp", Long.toString(now.getEpochSecond())));
        params.add(new Parameter("oauth_version", "1.0"));
        params.add(new Parameter("smart_container_api_base", apiBase));
        params.add(new Parameter("smart_oauth_token", rest.getToken()));
        params.add(new Parameter("smart_oauth_token_secret", rest.secret()));
        params.add(new Parameter("smart_user_id", userId));
        params.add(new Parameter("smart_app_id", app.key()));
        if (recordId != null) {
            params.add(new Parameter("smart_record_id", recordId));
        }
        URI index = URI.create(app.index());
        List<Parameter> signed = new ArrayList<>(params);
        signed.addAll(OAuthMessage.parseForm(index.getRawQuery()));
        String signature = HmacSha1.sign(SignatureBaseString.of("GET", index, signed), app.secret(), null);
        params.add(new Parameter("oauth_signature", signature));
        return "OAuth realm=\"\", " + params.stream()
                .map(p -> PercentEncoding.encode(p.name()) + "=\"" + PercentEncoding.encode(p.value()) + "\"")
                .collect(Collectors.joining(", "));
    }

    /** Which record a background app's token loop asks for. */
    public enum HelperStep {
        /** The smallest record id. */
        FIRST,
        /** The next record id after the given one. */
        NEXT,
        /** Exactly the given record. */
        RECORD
    }

    /**
     * {@code /apps/{appId}/tokens/records/first|{record}/next|{record}}: an access token for one record,
     * only for the calling background app itself; empty when there is no such record (404).
     */
    public Optional<FormResponse> helperToken(BackgroundAppPrincipal caller, String appId, HelperStep step, String recordId)
            throws OAuthException {
        if (!caller.appId().equals(appId)) {
            throw new OAuthException(Reason.WRONG_APP, "a background app gets tokens only for itself");
        }
        if (records == null) {
            throw new IllegalStateException("No record directory is configured");
        }
        Optional<String> record = switch (step) {
            case FIRST -> records.firstRecordAfter(null);
            case NEXT -> records.firstRecordAfter(Objects.requireNonNull(recordId));
            case RECORD -> Optional.of(recordId).filter(records::exists);
        };
        if (record.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Share share = findOrCreateShare(appId, null, record.get(), now);
        AccessToken access = new AccessToken(ConsumerSecrets.generate(), ConsumerSecrets.generate(), share, false,
                now, now.plus(lifetimes.accessToken()));
        tokens.add(access);
        return Optional.of(new FormResponse().add("oauth_token", access.getToken())
                .add("oauth_token_secret", access.secret()).add("smart_record_id", record.get()));
    }

    /** Deletes expired tokens and forgets expired nonces; the number of tokens deleted. */
    public int cleanup(NonceStore nonces) {
        Instant now = clock.instant();
        nonces.purgeExpired(now);
        return tokens.deleteExpired(now);
    }

    // ---------------------------------------------------------------- helpers

    private RequestToken liveRequestToken(String value) throws OAuthException {
        RequestToken token = tokens.requestToken(value == null ? "" : value)
                .orElseThrow(() -> new OAuthException(Reason.UNKNOWN_TOKEN, "no such request token"));
        if (token.isExpired(clock.instant())) {
            throw new OAuthException(Reason.TOKEN_EXPIRED, "request token");
        }
        return token;
    }

    private void requireRecord(String recordId) throws OAuthException {
        if (records != null && !records.exists(recordId)) {
            throw new OAuthException(Reason.UNKNOWN_RECORD, "no such record");
        }
    }

    private Share findOrCreateShare(String appId, String account, String recordId, Instant now) {
        return tokens.share(appId, account, recordId).orElseGet(() -> {
            Share share = new Share(appId, account, recordId, now);
            tokens.add(share);
            return share;
        });
    }
}
