package org.smartcontainer.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RequestGateTest {

    @Test
    void anOpenGateAdmitsAndCountsRequestsInFlight() {
        RequestGate gate = new RequestGate();
        assertTrue(gate.enter());
        assertTrue(gate.enter());
        assertEquals(2, gate.inFlight());
        gate.leave();
        assertEquals(1, gate.inFlight());
        assertFalse(gate.isClosed());
    }

    @Test
    void aClosedGateRefusesNewRequestsWithoutCountingThem() {
        RequestGate gate = new RequestGate();
        assertTrue(gate.enter());
        assertEquals(1, gate.close(), "the one in flight");
        assertFalse(gate.enter());
        assertEquals(1, gate.inFlight());
        assertTrue(gate.isClosed());
    }

    @Test
    void theDrainWaitsForTheRequestsInFlight() throws Exception {
        RequestGate gate = new RequestGate();
        assertTrue(gate.enter());
        gate.close();
        Thread answer = new Thread(() -> {
            sleep(150);
            gate.leave();
        });
        long start = System.nanoTime();
        answer.start();
        assertEquals(0, gate.awaitDrained(Duration.ofSeconds(10)));
        assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(150));
        answer.join();
    }

    @Test
    void theDrainGivesUpAfterItsLimitAndSaysHowManyAreLeft() throws Exception {
        RequestGate gate = new RequestGate();
        gate.enter();
        gate.enter();
        gate.close();
        long start = System.nanoTime();
        assertEquals(2, gate.awaitDrained(Duration.ofMillis(100)));
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5));
    }

    @Test
    void noRequestRunsAfterTheDrainEndsWhileManyArriveDuringTheClose() throws Exception {
        RequestGate gate = new RequestGate();
        AtomicInteger inside = new AtomicInteger();
        AtomicBoolean drained = new AtomicBoolean();
        AtomicInteger lateRequests = new AtomicInteger();
        AtomicInteger admitted = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        CountDownLatch running = new CountDownLatch(8);
        for (int c = 0; c < 8; c++) {
            clients.submit(() -> {
                running.countDown();
                for (int n = 0; n < 200_000 && !drained.get(); n++) {
                    if (gate.enter()) {
                        admitted.incrementAndGet();
                        inside.incrementAndGet();
                        if (drained.get()) {
                            lateRequests.incrementAndGet();
                        }
                        inside.decrementAndGet();
                        gate.leave();
                    }
                }
            });
        }
        running.await();
        sleep(20);
        gate.close();
        assertEquals(0, gate.awaitDrained(Duration.ofSeconds(10)));
        drained.set(true);
        assertEquals(0, inside.get(), "no request inside once drained");
        clients.shutdown();
        assertTrue(clients.awaitTermination(30, TimeUnit.SECONDS));
        assertEquals(0, lateRequests.get(), "no request admitted after the drain");
        assertTrue(admitted.get() > 0);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
