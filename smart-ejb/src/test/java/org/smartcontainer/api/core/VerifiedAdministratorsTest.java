package org.smartcontainer.api.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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

    @Test
    void concurrentRequestsWithTheSameCredentialsShareOnePasswordCheck() throws Exception {
        VerifiedAdministrators verified = remembering(30);
        AtomicInteger checks = new AtomicInteger();
        CountDownLatch allWaiting = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> verified.checkOnce("YWRtaW46c2VjcmV0", () -> {
                    checks.incrementAndGet();
                    allWaiting.await(5, TimeUnit.SECONDS); // a slow PBKDF2 derivation
                    return "admin";
                })));
            }
            Thread.sleep(300);
            allWaiting.countDown();
            for (Future<String> answer : answers) {
                assertEquals("admin", answer.get(5, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(checks.get() < 8, "the burst shared checks: " + checks.get());
        assertEquals("admin-again", verified.checkOnce("YWRtaW46c2VjcmV0", () -> "admin-again"),
                "a later request runs its own check: nothing was left behind");
    }

    @Test
    void aRefusalReachesEveryoneWhoWaitedForItAndIsNotRemembered() {
        VerifiedAdministrators verified = remembering(30);
        class Refused extends Exception {
            private static final long serialVersionUID = 1L;
        }
        assertThrows(Refused.class, () -> verified.checkOnce("YWRtaW46d3Jvbmc=", () -> {
            throw new Refused();
        }));
        assertEquals("second try", verified.checkOnce("YWRtaW46d3Jvbmc=", () -> "second try"));
    }
}
