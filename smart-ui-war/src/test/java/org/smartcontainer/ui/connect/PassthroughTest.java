package org.smartcontainer.ui.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PassthroughTest {

    @Test
    void plainApiPathsPass() {
        assertTrue(Passthrough.isSafePath("/records/2169591/medications/"));
        assertTrue(Passthrough.isSafePath("/records/2169591/medications/?limit=5&offset=0"));
        assertTrue(Passthrough.isSafePath("/users/nurse%40example.org/apps/med-list%40apps.example.org/preferences"));
        assertTrue(Passthrough.isSafePath("/manifest"));
    }

    @Test
    void dotSegmentsAbsoluteUrlsAndEncodedSeparatorsAreRefused() {
        for (String bad : new String[] {"records/1/", "", "//evil.example/x", "/records/../accounts/x", "/records/1/..",
            "/./manifest", "/records/%2e%2e/x", "/records/1%2F..%2Fx", "/x\\y", "/http://evil.example/",
            "/records/1 /x", "/records/1\n", "/x%00"}) {
            assertFalse(Passthrough.isSafePath(bad), bad);
        }
        assertFalse(Passthrough.isSafePath(null));
        assertFalse(Passthrough.isSafePath("/" + "a".repeat(3000)));
    }

    @Test
    void theConnectTokenIsReadFromTheOAuthHeader() {
        assertEquals(Optional.of("abc DEF"), Passthrough.connectToken("OAuth smart_connect_token=\"abc%20DEF\""));
        assertEquals(Optional.of("t1"), Passthrough.connectToken("OAuth realm=\"\", smart_connect_token=\"t1\""));
        assertTrue(Passthrough.connectToken("Basic abc").isEmpty());
        assertTrue(Passthrough.connectToken(null).isEmpty());
        assertTrue(Passthrough.connectToken("OAuth oauth_token=\"t1\"").isEmpty());
    }

    @Test
    void mediaTypesLoseTheirParameters() {
        assertEquals("application/rdf+xml", Passthrough.mediaType("application/rdf+xml;charset=UTF-8"));
        assertEquals(null, Passthrough.mediaType(" "));
    }

    @Test
    void eachInstanceHasACallBudgetPerMinute() {
        ConnectGrant grant = new ConnectGrant("t", "app", "user", "r", Instant.now().plusSeconds(60));
        long now = 1_000_000;
        for (int i = 0; i < 3; i++) {
            assertTrue(grant.tryCall(now, 3));
        }
        assertFalse(grant.tryCall(now + 10, 3), "the fourth call in the same minute is refused");
        assertTrue(grant.tryCall(now + 60_000, 3), "a new minute, a new budget");
    }

    @Test
    void expiredGrantsAreForgotten() {
        ConnectGrant grant = new ConnectGrant("t", "app", "user", "r", Instant.parse("2020-01-01T00:00:00Z"));
        assertTrue(grant.isExpired(Instant.parse("2020-01-01T00:00:00Z")));
        assertFalse(grant.isExpired(Instant.parse("2019-12-31T23:59:59Z")));
    }
}
