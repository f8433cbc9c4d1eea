package org.smartcontainer.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.smartcontainer.oauth.OAuthDance.HelperStep;
import org.smartcontainer.oauth.OAuthPrincipal.AccessTokenPrincipal;
import org.smartcontainer.oauth.OAuthPrincipal.BackgroundAppPrincipal;

/** The background apps' per-record token loop ({@code /apps/{id}/tokens/records/...}, api.md §8.5). */
class HelperTokenLoopTest {

    private final Fixture f = new Fixture();

    private BackgroundAppPrincipal caller() throws OAuthException {
        return assertInstanceOf(BackgroundAppPrincipal.class, f.dance.resolve(f.signer(Fixture.BACKGROUND)
                .sign("POST", Fixture.API + "/apps/" + Fixture.BACKGROUND.key() + "/tokens/records/first", null)));
    }

    @Test
    void loopVisitsEveryRecordInIdOrderThenEnds() throws OAuthException {
        BackgroundAppPrincipal caller = caller();
        List<String> visited = new ArrayList<>();
        Optional<FormResponse> token = f.dance.helperToken(caller, caller.appId(), HelperStep.FIRST, null);
        while (token.isPresent()) {
            visited.add(token.get().get("smart_record_id"));
            token = f.dance.helperToken(caller, caller.appId(), HelperStep.NEXT, token.get().get("smart_record_id"));
        }
        assertEquals(List.of("1288992", "2169591", "99912345"), visited);
    }

    @Test
    void loopTokenReadsItsRecordOnlyAndHasNoUser() throws OAuthException {
        BackgroundAppPrincipal caller = caller();
        FormResponse token = f.dance.helperToken(caller, caller.appId(), HelperStep.RECORD, "2169591").orElseThrow();
        AccessTokenPrincipal principal = assertInstanceOf(AccessTokenPrincipal.class, f.dance.resolve(f.signer(Fixture.BACKGROUND)
                .token(token.get("oauth_token"), token.get("oauth_token_secret"))
                .sign("GET", Fixture.API + "/records/2169591/medications/", null)));
        assertNull(principal.userId());
        assertTrue(AccessPolicy.decide(principal, CallCategory.RECORD_READ, "GET", CallTarget.record("2169591")).allowed());
        assertEquals(403, ((AccessDecision.Deny) AccessPolicy.decide(principal, CallCategory.RECORD_READ, "GET",
                CallTarget.record("1288992"))).status());
        assertEquals(403, ((AccessDecision.Deny) AccessPolicy.decide(principal, CallCategory.USER_PREFERENCES, "GET",
                CallTarget.userApp("jane@example.org", Fixture.BACKGROUND.key()))).status());
    }

    @Test
    void unknownRecordGivesNoToken() throws OAuthException {
        BackgroundAppPrincipal caller = caller();
        assertTrue(f.dance.helperToken(caller, caller.appId(), HelperStep.RECORD, "404").isEmpty());
        assertTrue(f.dance.helperToken(caller, caller.appId(), HelperStep.NEXT, "99912345").isEmpty());
    }

    @Test
    void backgroundAppGetsTokensOnlyForItself() throws OAuthException {
        BackgroundAppPrincipal caller = caller();
        assertEquals(OAuthException.Reason.WRONG_APP, assertThrows(OAuthException.class,
                () -> f.dance.helperToken(caller, Fixture.OTHER_BACKGROUND.key(), HelperStep.FIRST, null)).reason());
    }
}
