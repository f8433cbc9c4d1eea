package org.smartcontainer.api.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class VerifiedAdministratorsTest {

    private static VerifiedAdministrators remembering(long seconds) {
        VerifiedAdministrators verified = new VerifiedAdministrators();
        verified.seconds = seconds;
        return verified;
    }

    @Test
    void rememberedCredentialsNameTheirAdministrator() {
        VerifiedAdministrators verified = remembering(30);
        verified.remember("YWRtaW46c2VjcmV0", "admin");
        assertEquals(Optional.of("admin"), verified.lookup("YWRtaW46c2VjcmV0"));
    }

    @Test
    void otherCredentialsAreNotAdmitted() {
        VerifiedAdministrators verified = remembering(30);
        verified.remember("YWRtaW46c2VjcmV0", "admin");
        assertTrue(verified.lookup("YWRtaW46d3Jvbmc=").isEmpty());
    }

    @Test
    void nothingIsRememberedWhenTurnedOff() {
        VerifiedAdministrators verified = remembering(0);
        verified.remember("YWRtaW46c2VjcmV0", "admin");
        assertTrue(verified.lookup("YWRtaW46c2VjcmV0").isEmpty());
    }

    @Test
    void rememberedCredentialsExpire() throws InterruptedException {
        VerifiedAdministrators verified = remembering(1);
        verified.remember("YWRtaW46c2VjcmV0", "admin");
        Thread.sleep(1_100);
        assertTrue(verified.lookup("YWRtaW46c2VjcmV0").isEmpty());
    }
}
