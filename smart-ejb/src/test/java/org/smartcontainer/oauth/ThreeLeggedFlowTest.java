package org.smartcontainer.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.smartcontainer.apps.ConsumerSecrets;
import org.smartcontainer.oauth.OAuthException.Reason;
import org.smartcontainer.oauth.OAuthPrincipal.AccessTokenPrincipal;
import org.smartcontainer.oauth.OAuthPrincipal.AccountPrincipal;

/** The three-legged flow of oauth-and-access.md §3, its edge cases, and launch tokens (§4). */
class ThreeLeggedFlowTest {

    private static final String RT_URL = Fixture.API + "/oauth/request_token";
    private static final String AT_URL = Fixture.API + "/oauth/access_token";
    private static final AccountPrincipal JANE = AccountPrincipal.of("jane@example.org");
    private static final AccountPrincipal BOB = AccountPrincipal.of("bob@example.org");

    private final Fixture f = new Fixture();

    private static void refused(Reason reason, Executable call) {
        assertEquals(reason, assertThrows(OAuthException.class, call).reason());
    }

    private FormResponse requestToken(String form) throws OAuthException {
        return f.dance.requestToken(f.signer(Fixture.REST_APP).extra("oauth_callback", "http://evil.example.org/steal")
                .sign("POST", RT_URL, form));
    }

    private FormResponse exchange(FormResponse rt, String verifier) throws OAuthException {
        return f.dance.accessToken(f.signer(Fixture.REST_APP).token(rt.get("oauth_token"), rt.get("oauth_token_secret"))
                .extra("oauth_verifier", verifier).sign("POST", AT_URL, null));
    }

    @Test
    void wholeDanceGivesAnAccessTokenNamingTheRecordAndTheUserByUserId() throws OAuthException {
        FormResponse rt = requestToken("smart_record_id=2169591");
        assertEquals("true", rt.get("oauth_callback_confirmed"));
        assertTrue(rt.get("oauth_token").matches("[0-9A-Za-z]{32}"));
        f.dance.claim(rt.get("oauth_token"), JANE.userId());
        RequestTokenInfo info = f.dance.info(rt.get("oauth_token"), JANE.userId());
        assertEquals("new", info.kind());
        assertEquals("2169591", info.recordId());
        Approval approval = f.dance.approve(rt.get("oauth_token"), JANE, null);
        // the manifest's callback, never the one the app sent with the request token
        assertEquals("http://apps.example.org/rest/authorize?oauth_token=" + rt.get("oauth_token")
                + "&oauth_verifier=" + approval.verifier(), approval.location());

        FormResponse at = exchange(rt, approval.verifier());
        assertEquals("2169591", at.get("record_id"));
        assertEquals("jane@example.org", at.get("user_id"));
        assertTrue(at.body().contains("user_id=jane%40example.org"));
        AccessTokenPrincipal principal = assertInstanceOf(AccessTokenPrincipal.class, f.dance.resolve(f.signer(Fixture.REST_APP)
                .token(at.get("oauth_token"), at.get("oauth_token_secret")).sign("GET", Fixture.API + "/records/2169591/medications/", null)));
        assertEquals("2169591", principal.recordId());
        assertEquals(Fixture.REST_APP.key(), principal.appId());
        assertFalse(principal.connect());
    }

    @Test
    void secondAuthorizationOfTheSameRecordIsRecognisedAsSame() throws OAuthException {
        f.threeLegged(Fixture.REST_APP, JANE.userId(), "2169591");
        FormResponse rt = requestToken("smart_record_id=2169591");
        assertEquals("same", f.dance.info(rt.get("oauth_token"), JANE.userId()).kind());
        assertEquals("new", f.dance.info(rt.get("oauth_token"), BOB.userId()).kind());
    }

    @Test
    void recordIdAsTheJavaClientSendsItAlsoBindsTheToken() throws OAuthException {
        FormResponse rt = requestToken("record_id=1288992&offline=true");
        assertEquals("1288992", f.dance.info(rt.get("oauth_token"), JANE.userId()).recordId());
    }

    @Test
    void callbackInTheFormBodyAsThePythonClientSendsItIsAccepted() throws OAuthException {
        FormResponse rt = f.dance.requestToken(f.signer(Fixture.REST_APP).sign("POST", RT_URL, "oauth_callback=oob"));
        assertEquals(32, rt.get("oauth_token").length());
    }

    @Test
    void requestTokenRequiresACallback() {
        refused(Reason.MISSING_PARAMETER, () -> f.dance.requestToken(f.signer(Fixture.REST_APP).sign("POST", RT_URL, null)));
    }

    @Test
    void requestTokenForAnUnknownRecordIsRefused() {
        refused(Reason.UNKNOWN_RECORD, () -> requestToken("smart_record_id=404"));
    }

    @Test
    void onlyUiAppsSigningTwoLeggedGetRequestTokens() {
        refused(Reason.NOT_PERMITTED, () -> f.dance.requestToken(f.signer(Fixture.BACKGROUND).extra("oauth_callback", "oob")
                .sign("POST", RT_URL, null)));
        refused(Reason.NOT_PERMITTED, () -> f.dance.requestToken(f.signer(Fixture.CHROME).extra("oauth_callback", "oob")
                .sign("POST", RT_URL, null)));
    }

    @Test
    void exchangeOfAnUnauthorizedTokenIsRefused() throws OAuthException {
        FormResponse rt = requestToken("smart_record_id=2169591");
        refused(Reason.NOT_AUTHORIZED_YET, () -> exchange(rt, "whatever"));
    }

    @Test
    void secondExchangeIsRefused() throws OAuthException {
        FormResponse rt = requestToken("smart_record_id=2169591");
        Approval approval = f.dance.approve(rt.get("oauth_token"), JANE, null);
        exchange(rt, approval.verifier());
        refused(Reason.UNKNOWN_TOKEN, () -> exchange(rt, approval.verifier()));
    }

    @Test
    void wrongVerifierIsRefused() throws OAuthException {
        FormResponse rt = requestToken("smart_record_id=2169591");
        f.dance.approve(rt.get("oauth_token"), JANE, null);
        refused(Reason.VERIFIER_MISMATCH, () -> exchange(rt, ConsumerSecrets.generate()));
    }

    @Test
    void claimByAnotherAccountIsRefusedAndSoIsTheirApproval() throws OAuthException {
        FormResponse rt = requestToken("smart_record_id=2169591");
        f.dance.claim(rt.get("oauth_token"), JANE.userId());
        f.dance.claim(rt.get("oauth_token"), JANE.userId());
        refused(Reason.CLAIMED_BY_ANOTHER_ACCOUNT, () -> f.dance.claim(rt.get("oauth_token"), BOB.userId()));
        refused(Reason.CLAIMED_BY_ANOTHER_ACCOUNT, () -> f.dance.approve(rt.get("oauth_token"), BOB, null));
    }

    @Test
    void approvalForAnotherRecordThanTheBoundOneIsRefused() throws OAuthException {
        FormResponse rt = requestToken("smart_record_id=2169591");
        refused(Reason.RECORD_MISMATCH, () -> f.dance.approve(rt.get("oauth_token"), JANE, "1288992"));
    }

    @Test
    void unboundTokenNeedsARecordAtApprovalAndThenCarriesIt() throws OAuthException {
        FormResponse rt = requestToken(null);
        refused(Reason.RECORD_REQUIRED, () -> f.dance.approve(rt.get("oauth_token"), JANE, null));
        Approval approval = f.dance.approve(rt.get("oauth_token"), JANE, "1288992");
        assertEquals("1288992", exchange(rt, approval.verifier()).get("record_id"));
    }

    @Test
    void limitedAccountCannotApproveARecordOutsideItsSet() throws OAuthException {
        FormResponse rt = requestToken("smart_record_id=2169591");
        refused(Reason.NOT_PERMITTED, () -> f.dance.approve(rt.get("oauth_token"),
                new AccountPrincipal("limited@example.org", java.util.Set.of("1288992")), null));
    }

    @Test
    void appWithoutManifestCallbackCannotBeApproved() throws OAuthException {
        FormResponse rt = f.dance.requestToken(f.signer(Fixture.NO_CALLBACK).extra("oauth_callback", "oob")
                .sign("POST", RT_URL, "smart_record_id=2169591"));
        refused(Reason.NO_CALLBACK, () -> f.dance.approve(rt.get("oauth_token"), JANE, null));
    }

    @Test
    void callbackWithAQueryGetsTheTokenAppendedWithAmpersand() throws OAuthException {
        FormResponse rt = f.dance.requestToken(f.signer(Fixture.MED_LIST).extra("oauth_callback", "oob")
                .sign("POST", RT_URL, "smart_record_id=2169591"));
        String location = f.dance.approve(rt.get("oauth_token"), JANE, null).location();
        assertTrue(location.startsWith("http://apps.example.org/med-list/after_auth?src=smart&oauth_token="), location);
    }

    @Test
    void deniedRequestTokenIsGone() throws OAuthException {
        FormResponse rt = requestToken("smart_record_id=2169591");
        f.dance.deny(rt.get("oauth_token"), JANE.userId());
        refused(Reason.UNKNOWN_TOKEN, () -> f.dance.approve(rt.get("oauth_token"), JANE, null));
    }

    @Test
    void requestTokenExpiresAfterTenMinutesAndIsThenUnusable() throws OAuthException {
        FormResponse rt = requestToken("smart_record_id=2169591");
        Approval approval = f.dance.approve(rt.get("oauth_token"), JANE, null);
        f.clock.advance(Duration.ofMinutes(11));
        refused(Reason.TOKEN_EXPIRED, () -> exchange(rt, approval.verifier()));
    }

    @Test
    void cleanupDeletesExpiredTokensOnly() throws OAuthException {
        requestToken("smart_record_id=2169591");
        f.threeLegged(Fixture.REST_APP, JANE.userId(), "2169591");
        f.clock.advance(Duration.ofMinutes(30));
        assertEquals(1, f.dance.cleanup(f.nonces)); // the request token; the access token lives 60 min
        f.clock.advance(Duration.ofMinutes(31));
        assertEquals(1, f.dance.cleanup(f.nonces));
        assertTrue(f.tokens.accessTokens.isEmpty());
        assertEquals(0, f.nonces.size());
    }

    @Test
    void launchGivesAConnectTokenOnlyThePortalCanUseAndARestTokenOnlyTheAppCanUse() throws OAuthException {
        LaunchTokens launch = f.dance.launch(JANE, Fixture.MED_LIST.key(), "2169591", Fixture.API);
        String data = Fixture.API + "/records/2169591/medications/";
        AccessTokenPrincipal viaPortal = assertInstanceOf(AccessTokenPrincipal.class, f.dance.resolve(f.signer(Fixture.CHROME)
                .token(launch.connectToken(), launch.connectSecret()).sign("GET", data, null)));
        assertTrue(viaPortal.connect());
        assertEquals(Fixture.MED_LIST.key(), viaPortal.appId());
        assertEquals(Fixture.MED_LIST.kind(), viaPortal.appKind());
        assertInstanceOf(AccessTokenPrincipal.class, f.dance.resolve(f.signer(Fixture.MED_LIST)
                .token(launch.restToken(), launch.restSecret()).sign("GET", data, null)));

        refused(Reason.UNKNOWN_TOKEN, () -> f.dance.resolve(f.signer(Fixture.MED_LIST)
                .token(launch.connectToken(), launch.connectSecret()).sign("GET", data, null)));
        refused(Reason.UNKNOWN_TOKEN, () -> f.dance.resolve(f.signer(Fixture.CHROME)
                .token(launch.restToken(), launch.restSecret()).sign("GET", data, null)));
        assertNotEquals(launch.connectToken(), launch.restToken());
    }

    @Test
    void launchHeaderIsSignedWithTheAppsSecretOverItsIndexAndCarriesTheContext() throws OAuthException {
        LaunchTokens launch = f.dance.launch(JANE, Fixture.MED_LIST.key(), "2169591", Fixture.API);
        OAuthRequest asTheAppSeesIt = OAuthRequest.of("GET", Fixture.MED_LIST.index(), launch.oauthHeader());
        OAuthMessage message = OAuthMessage.parse(asTheAppSeesIt);
        new OAuthVerifier(f.clock, Duration.ofMinutes(5), new InMemoryNonceStore(f.clock))
                .verify(message, asTheAppSeesIt, Fixture.MED_LIST.secret(), null);
        var params = OAuthMessage.parseAuthorization(launch.oauthHeader());
        assertTrue(params.contains(new Parameter("smart_record_id", "2169591")));
        assertTrue(params.contains(new Parameter("smart_user_id", "jane@example.org")));
        assertTrue(params.contains(new Parameter("smart_oauth_token", launch.restToken())));
        assertTrue(params.contains(new Parameter("smart_container_api_base", Fixture.API)));
        assertFalse(launch.oauthHeader().contains(launch.connectSecret()));
    }

    @Test
    void containerScopedLaunchGivesARecordlessTokenThatReadsNoRecord() throws OAuthException {
        LaunchTokens launch = f.dance.launch(JANE, Fixture.MED_LIST.key(), null, Fixture.API);
        AccessTokenPrincipal principal = assertInstanceOf(AccessTokenPrincipal.class, f.dance.resolve(f.signer(Fixture.MED_LIST)
                .token(launch.restToken(), launch.restSecret()).sign("GET", Fixture.API + "/records/2169591/medications/", null)));
        assertNull(principal.recordId());
        assertFalse(AccessPolicy.decide(principal, CallCategory.RECORD_READ, "GET", CallTarget.record("2169591")).allowed());
    }

    @Test
    void backgroundAppsAreNotLaunched() {
        refused(Reason.WRONG_APP, () -> f.dance.launch(JANE, Fixture.BACKGROUND.key(), "2169591", Fixture.API));
    }
}
