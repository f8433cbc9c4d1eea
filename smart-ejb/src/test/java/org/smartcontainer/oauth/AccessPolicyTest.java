package org.smartcontainer.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.smartcontainer.apps.AppKind;
import org.smartcontainer.oauth.OAuthPrincipal.AccessTokenPrincipal;
import org.smartcontainer.oauth.OAuthPrincipal.AccountPrincipal;
import org.smartcontainer.oauth.OAuthPrincipal.AdministratorPrincipal;
import org.smartcontainer.oauth.OAuthPrincipal.Anonymous;
import org.smartcontainer.oauth.OAuthPrincipal.BackgroundAppPrincipal;
import org.smartcontainer.oauth.OAuthPrincipal.MachineAppPrincipal;
import org.smartcontainer.oauth.OAuthPrincipal.RequestTokenPrincipal;
import org.smartcontainer.oauth.OAuthPrincipal.UiAppPrincipal;

/** The access matrix of oauth-and-access.md §7, row by row. */
class AccessPolicyTest {

    private static final String APP = "med-list@apps.smartplatforms.org";
    private static final String OTHER_APP = "other@apps.example.org";
    private static final String A = "2169591";
    private static final String B = "1288992";

    private static final OAuthPrincipal ANON = Anonymous.INSTANCE;
    private static final AccountPrincipal JANE = AccountPrincipal.of("jane@example.org");
    private static final AccountPrincipal LIMITED = new AccountPrincipal("proxy@example.org", Set.of(A));
    private static final AccessTokenPrincipal TOKEN_A = new AccessTokenPrincipal("t", APP, AppKind.ui, "jane@example.org", A, false);
    private static final AccessTokenPrincipal CONNECT_A = new AccessTokenPrincipal("c", APP, AppKind.ui, "jane@example.org", A, true);
    private static final AccessTokenPrincipal NO_RECORD = new AccessTokenPrincipal("n", APP, AppKind.ui, "jane@example.org", null, false);
    private static final AccessTokenPrincipal FRAME = new AccessTokenPrincipal("f", "frame@x", AppKind.frame_ui, "jane@example.org", A, false);
    private static final AccessTokenPrincipal HELPER_A = new AccessTokenPrincipal("h", "bg@x", AppKind.background, null, A, false);
    private static final RequestTokenPrincipal RT = new RequestTokenPrincipal("r", APP);
    private static final UiAppPrincipal PH = new UiAppPrincipal(APP, AppKind.ui);
    private static final BackgroundAppPrincipal HE = new BackgroundAppPrincipal("bg@x", false);
    private static final BackgroundAppPrincipal HE_ADMIN = new BackgroundAppPrincipal("bg@x", true);
    private static final MachineAppPrincipal CHROME = new MachineAppPrincipal("chrome@c", AppKind.chrome);
    private static final MachineAppPrincipal ADMIN_TOOL = new MachineAppPrincipal("admin@c", AppKind.admin);
    private static final AdministratorPrincipal ADMINISTRATOR = new AdministratorPrincipal("admin");

    private static boolean allows(OAuthPrincipal p, CallCategory c, String method, CallTarget t) {
        return AccessPolicy.decide(p, c, method, t).allowed();
    }

    private static int status(OAuthPrincipal p, CallCategory c, String method, CallTarget t) {
        return ((AccessDecision.Deny) AccessPolicy.decide(p, c, method, t)).status();
    }

    @Test
    void publicCallsAreOpenToEveryone() {
        for (OAuthPrincipal p : new OAuthPrincipal[] {ANON, JANE, TOKEN_A, RT, PH, HE, CHROME}) {
            assertTrue(allows(p, CallCategory.PUBLIC, "GET", CallTarget.none()));
        }
    }

    @Test
    void anonymousGets401AndAuthenticatedCallersGet403() {
        assertEquals(401, status(ANON, CallCategory.RECORD_READ, "GET", CallTarget.record(A)));
        assertEquals(403, status(PH, CallCategory.RECORD_READ, "GET", CallTarget.record(A)));
    }

    @Test
    void oauthDebugIsDisabledForEveryone() {
        for (OAuthPrincipal p : new OAuthPrincipal[] {JANE, TOKEN_A, CHROME, ADMINISTRATOR}) {
            assertFalse(allows(p, CallCategory.OAUTH_DEBUG, "GET", CallTarget.none()));
        }
    }

    @Test
    void requestTokenOnlyForTwoLeggedUiAppsAndAccessTokenOnlyForRequestTokens() {
        assertTrue(allows(PH, CallCategory.REQUEST_TOKEN, "POST", CallTarget.none()));
        assertFalse(allows(HE, CallCategory.REQUEST_TOKEN, "POST", CallTarget.none()));
        assertFalse(allows(TOKEN_A, CallCategory.REQUEST_TOKEN, "POST", CallTarget.none()));
        assertTrue(allows(RT, CallCategory.ACCESS_TOKEN, "POST", CallTarget.none()));
        assertFalse(allows(TOKEN_A, CallCategory.ACCESS_TOKEN, "POST", CallTarget.none()));
        assertFalse(allows(PH, CallCategory.ACCESS_TOKEN, "POST", CallTarget.none()));
    }

    @Test
    void tokenBoundToRecordANeverReadsOrWritesRecordB() {
        assertTrue(allows(TOKEN_A, CallCategory.RECORD_READ, "GET", CallTarget.record(A)));
        assertTrue(allows(CONNECT_A, CallCategory.RECORD_READ, "GET", CallTarget.record(A)));
        assertFalse(allows(TOKEN_A, CallCategory.RECORD_READ, "GET", CallTarget.record(B)));
        assertFalse(allows(TOKEN_A, CallCategory.CLINICAL_NOTE_POST, "POST", CallTarget.record(B)));
        assertFalse(allows(TOKEN_A, CallCategory.SCRATCHPAD, "GET", CallTarget.recordApp(B, APP)));
        assertFalse(allows(TOKEN_A, CallCategory.SCRATCHPAD, "PUT", CallTarget.recordApp(B, APP)));
        assertFalse(allows(TOKEN_A, CallCategory.RECORD_READ, "GET", CallTarget.record(A.substring(1))));
    }

    @Test
    void recordDataIsForAccessTokensAndTheAdministratorOnly() {
        for (OAuthPrincipal p : new OAuthPrincipal[] {JANE, RT, PH, HE, HE_ADMIN, CHROME, ADMIN_TOOL}) {
            assertFalse(allows(p, CallCategory.RECORD_READ, "GET", CallTarget.record(A)), p.toString());
        }
        assertFalse(allows(NO_RECORD, CallCategory.RECORD_READ, "GET", CallTarget.record(A)));
        assertFalse(allows(TOKEN_A, CallCategory.RECORD_READ, "DELETE", CallTarget.record(A)));
    }

    @Test
    void clinicalNotePostOnlyIntoTheTokensOwnRecord() {
        assertTrue(allows(TOKEN_A, CallCategory.CLINICAL_NOTE_POST, "POST", CallTarget.record(A)));
        assertTrue(allows(HELPER_A, CallCategory.CLINICAL_NOTE_POST, "POST", CallTarget.record(A)));
        assertFalse(allows(HELPER_A, CallCategory.CLINICAL_NOTE_POST, "POST", CallTarget.record(B)));
        // the reference lets an admin_p background app post into any record two-legged; this container does not
        assertFalse(allows(HE_ADMIN, CallCategory.CLINICAL_NOTE_POST, "POST", CallTarget.record(A)));
        assertFalse(allows(NO_RECORD, CallCategory.CLINICAL_NOTE_POST, "POST", CallTarget.record(A)));
    }

    @Test
    void scratchpadIsReadableCrossAppButWritableOnlyByItsOwnUiApp() {
        assertTrue(allows(TOKEN_A, CallCategory.SCRATCHPAD, "GET", CallTarget.recordApp(A, OTHER_APP)));
        assertTrue(allows(TOKEN_A, CallCategory.SCRATCHPAD, "PUT", CallTarget.recordApp(A, APP)));
        assertTrue(allows(TOKEN_A, CallCategory.SCRATCHPAD, "DELETE", CallTarget.recordApp(A, APP)));
        assertFalse(allows(TOKEN_A, CallCategory.SCRATCHPAD, "PUT", CallTarget.recordApp(A, OTHER_APP)));
        assertFalse(allows(HELPER_A, CallCategory.SCRATCHPAD, "PUT", CallTarget.recordApp(A, "bg@x")));
    }

    @Test
    void preferencesOnlyForTheTokensOwnUserAndApp() {
        assertTrue(allows(TOKEN_A, CallCategory.USER_PREFERENCES, "GET", CallTarget.userApp("jane@example.org", APP)));
        assertTrue(allows(NO_RECORD, CallCategory.USER_PREFERENCES, "PUT", CallTarget.userApp("jane@example.org", APP)));
        assertFalse(allows(TOKEN_A, CallCategory.USER_PREFERENCES, "GET", CallTarget.userApp("bob@example.org", APP)));
        assertFalse(allows(TOKEN_A, CallCategory.USER_PREFERENCES, "GET", CallTarget.userApp("jane@example.org", OTHER_APP)));
        assertFalse(allows(HELPER_A, CallCategory.USER_PREFERENCES, "GET", CallTarget.userApp(null, "bg@x")));
        assertFalse(allows(JANE, CallCategory.USER_PREFERENCES, "GET", CallTarget.userApp("jane@example.org", APP)));
    }

    @Test
    void userDirectoryIsScopedToTheTokensOwnUserExceptForFrameApps() {
        assertTrue(allows(TOKEN_A, CallCategory.USER_DIRECTORY, "GET", CallTarget.userApp("jane@example.org", null)));
        assertFalse(allows(TOKEN_A, CallCategory.USER_DIRECTORY, "GET", CallTarget.userApp("bob@example.org", null)));
        assertFalse(allows(TOKEN_A, CallCategory.USER_DIRECTORY, "GET", CallTarget.none()));
        assertTrue(allows(FRAME, CallCategory.USER_DIRECTORY, "GET", CallTarget.none()));
        assertFalse(allows(JANE, CallCategory.USER_DIRECTORY, "GET", CallTarget.userApp("jane@example.org", null)));
    }

    @Test
    void manifestsAreReadableByAccountsTokensAndMachinesButAdministeredOnlyByAdmins() {
        for (OAuthPrincipal p : new OAuthPrincipal[] {JANE, TOKEN_A, CHROME, ADMIN_TOOL}) {
            assertTrue(allows(p, CallCategory.APP_MANIFESTS_READ, "GET", CallTarget.none()));
        }
        assertFalse(allows(PH, CallCategory.APP_MANIFESTS_READ, "GET", CallTarget.none()));
        assertTrue(allows(ADMIN_TOOL, CallCategory.APP_ADMIN, "PUT", CallTarget.app(APP)));
        assertTrue(allows(ADMINISTRATOR, CallCategory.APP_ADMIN, "GET", CallTarget.app(APP)));
        assertFalse(allows(CHROME, CallCategory.APP_ADMIN, "GET", CallTarget.app(APP)));
        assertFalse(allows(JANE, CallCategory.APP_ADMIN, "GET", CallTarget.app(APP)));
    }

    @Test
    void recordSearchForAccountsFrameAppsHelpersAndAdminBackgroundApps() {
        assertTrue(allows(JANE, CallCategory.RECORD_SEARCH, "GET", CallTarget.none()));
        assertTrue(allows(LIMITED, CallCategory.RECORD_SEARCH, "GET", CallTarget.record(A)));
        assertFalse(allows(LIMITED, CallCategory.RECORD_SEARCH, "GET", CallTarget.record(B)));
        assertFalse(allows(LIMITED, CallCategory.RECORD_SEARCH, "GET", CallTarget.none()));
        assertTrue(allows(FRAME, CallCategory.RECORD_SEARCH, "GET", CallTarget.none()));
        assertTrue(allows(HELPER_A, CallCategory.RECORD_SEARCH, "GET", CallTarget.none()));
        assertFalse(allows(TOKEN_A, CallCategory.RECORD_SEARCH, "GET", CallTarget.none()));
        assertTrue(allows(HE_ADMIN, CallCategory.RECORD_SEARCH, "GET", CallTarget.none()));
        assertFalse(allows(HE, CallCategory.RECORD_SEARCH, "GET", CallTarget.none()));
        assertTrue(allows(JANE, CallCategory.RECORD_LIST, "GET", CallTarget.record(B)));
        assertFalse(allows(LIMITED, CallCategory.RECORD_LIST, "GET", CallTarget.record(B)));
        assertFalse(allows(TOKEN_A, CallCategory.RECORD_LIST, "GET", CallTarget.none()));
    }

    @Test
    void accountsActOnlyOnThemselves() {
        assertTrue(allows(JANE, CallCategory.ACCOUNT_SELF, "GET", CallTarget.account("jane@example.org", null, null)));
        assertFalse(allows(JANE, CallCategory.ACCOUNT_SELF, "GET", CallTarget.account("bob@example.org", null, null)));
        assertTrue(allows(JANE, CallCategory.ACCOUNT_APPS, "PUT", CallTarget.account("jane@example.org", APP, null)));
        assertFalse(allows(JANE, CallCategory.ACCOUNT_APPS, "PUT", CallTarget.account("bob@example.org", APP, null)));
        assertTrue(allows(JANE, CallCategory.ACCOUNT_LAUNCH, "GET", CallTarget.account("jane@example.org", APP, A)));
        assertFalse(allows(JANE, CallCategory.ACCOUNT_LAUNCH, "GET", CallTarget.account("bob@example.org", APP, A)));
        assertTrue(allows(LIMITED, CallCategory.ACCOUNT_LAUNCH, "GET", CallTarget.account("proxy@example.org", APP, A)));
        assertFalse(allows(LIMITED, CallCategory.ACCOUNT_LAUNCH, "GET", CallTarget.account("proxy@example.org", APP, B)));
        assertFalse(allows(TOKEN_A, CallCategory.ACCOUNT_SELF, "GET", CallTarget.account("jane@example.org", null, null)));
    }

    @Test
    void requestTokenHandlingIsForAccountsAndThePortal() {
        assertTrue(allows(JANE, CallCategory.REQUEST_TOKEN_CLAIM_INFO, "POST", CallTarget.none()));
        assertTrue(allows(CHROME, CallCategory.REQUEST_TOKEN_CLAIM_INFO, "GET", CallTarget.none()));
        assertFalse(allows(ADMIN_TOOL, CallCategory.REQUEST_TOKEN_CLAIM_INFO, "GET", CallTarget.none()));
        assertTrue(allows(JANE, CallCategory.REQUEST_TOKEN_APPROVE, "POST", CallTarget.none()));
        assertFalse(allows(CHROME, CallCategory.REQUEST_TOKEN_APPROVE, "POST", CallTarget.none()));
    }

    @Test
    void sessionsUsersAndDirectLinksOnlyForThePortalNeverForApps() {
        for (CallCategory c : new CallCategory[] {CallCategory.SESSION_CREATE, CallCategory.USER_LIFECYCLE, CallCategory.PROXY_SUPPORT}) {
            assertTrue(allows(CHROME, c, "POST", CallTarget.none()));
            assertFalse(allows(ADMIN_TOOL, c, "POST", CallTarget.none()));
            assertFalse(allows(PH, c, "POST", CallTarget.none()));
        }
    }

    @Test
    void helperTokensOnlyForTheCallingBackgroundAppItself() {
        assertTrue(allows(HE, CallCategory.HELPER_TOKENS, "POST", CallTarget.app("bg@x")));
        assertFalse(allows(HE, CallCategory.HELPER_TOKENS, "POST", CallTarget.app("other-bg@x")));
        assertFalse(allows(PH, CallCategory.HELPER_TOKENS, "POST", CallTarget.app(APP)));
        assertFalse(allows(HELPER_A, CallCategory.HELPER_TOKENS, "POST", CallTarget.app("bg@x")));
    }

    @Test
    void recordByTokenNeedsARecordBoundToken() {
        assertTrue(allows(TOKEN_A, CallCategory.RECORD_BY_TOKEN, "GET", CallTarget.none()));
        assertFalse(allows(NO_RECORD, CallCategory.RECORD_BY_TOKEN, "GET", CallTarget.none()));
    }

    @Test
    void longLivedTokensAndLegacyRoutesAreNeverGranted() {
        for (OAuthPrincipal p : new OAuthPrincipal[] {JANE, TOKEN_A, CHROME, ADMIN_TOOL, ADMINISTRATOR, HE_ADMIN}) {
            assertFalse(allows(p, CallCategory.LONG_LIVED_TOKEN, "POST", CallTarget.none()));
            assertFalse(allows(p, CallCategory.LEGACY, "GET", CallTarget.none()));
        }
    }

    @Test
    void adminApiOnlyForAdministratorsAndAdminTooling() {
        assertTrue(allows(ADMINISTRATOR, CallCategory.ADMIN, "GET", CallTarget.none()));
        assertTrue(allows(ADMIN_TOOL, CallCategory.ADMIN, "GET", CallTarget.none()));
        assertFalse(allows(JANE, CallCategory.ADMIN, "GET", CallTarget.none()));
        assertFalse(allows(CHROME, CallCategory.ADMIN, "GET", CallTarget.none()));
    }

    @Test
    void administratorsReadAndWriteRecordAndAppDataButGetNoTokens() {
        CallTarget record = CallTarget.record(A);
        assertTrue(allows(ADMINISTRATOR, CallCategory.RECORD_READ, "GET", record));
        assertTrue(allows(ADMINISTRATOR, CallCategory.CLINICAL_NOTE_POST, "POST", record));
        assertTrue(allows(ADMINISTRATOR, CallCategory.RECORD_SEARCH, "GET", CallTarget.none()));
        assertFalse(allows(ADMINISTRATOR, CallCategory.ACCESS_TOKEN, "POST", CallTarget.none()));
        assertFalse(allows(ADMINISTRATOR, CallCategory.OAUTH_DEBUG, "GET", CallTarget.none()));
    }
}
