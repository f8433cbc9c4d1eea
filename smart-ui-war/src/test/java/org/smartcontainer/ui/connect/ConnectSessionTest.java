package org.smartcontainer.ui.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ConnectSessionTest {

    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

    @Test
    void eachSessionHasItsOwnUnguessableAntiCsrfToken() {
        ConnectSession one = new ConnectSession();
        ConnectSession two = new ConnectSession();
        assertNotEquals(one.csrfToken(), two.csrfToken());
        assertTrue(one.csrfToken().length() >= 43, "256 bits");
        assertTrue(one.acceptsCsrf(one.csrfToken()));
        assertFalse(one.acceptsCsrf(two.csrfToken()));
        assertFalse(one.acceptsCsrf(null));
        assertFalse(one.acceptsCsrf(""));
    }

    @Test
    void aTokenIsFoundOnlyInItsSessionUntilReleasedOrExpired() {
        ConnectSession session = new ConnectSession();
        ConnectSession other = new ConnectSession();
        session.add(new ConnectGrant("t1", "app", "user", "r1", NOW.plusSeconds(60)));
        assertEquals("r1", session.find("t1", NOW).orElseThrow().recordId());
        assertTrue(other.find("t1", NOW).isEmpty(), "another session does not know the token");
        assertTrue(session.find("t1", NOW.plusSeconds(60)).isEmpty(), "expired");
        assertEquals(0, session.size(), "an expired grant is forgotten");
        session.add(new ConnectGrant("t2", "app", "user", "r2", NOW.plusSeconds(60)));
        assertTrue(session.release("t2"));
        assertFalse(session.release("t2"));
        assertTrue(session.find("t2", NOW).isEmpty());
    }

    @Test
    void theOldestLaunchIsForgottenBeyondTheLimit() {
        ConnectSession session = new ConnectSession();
        for (int i = 0; i <= ConnectSession.MAX_GRANTS; i++) {
            session.add(new ConnectGrant("t" + i, "app", "user", "r", NOW.plusSeconds(60)));
        }
        assertEquals(ConnectSession.MAX_GRANTS, session.size());
        assertTrue(session.find("t0", NOW).isEmpty());
        assertTrue(session.find("t" + ConnectSession.MAX_GRANTS, NOW).isPresent());
    }
}
