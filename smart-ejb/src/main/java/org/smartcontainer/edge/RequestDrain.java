package org.smartcontainer.edge;

import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Drains the application when it stops: the first thing to go, it closes the {@link RequestGate} (new requests
 * to any web module get {@code 503} with {@code Retry-After}) and waits up to {@value #DRAIN_SECONDS_KEY} seconds
 * (default 10) for the requests in flight to be answered. Only then may the audit trail and the record store
 * close: they are destroyed after this bean because it depends on them (as on every singleton a request uses), so
 * no request writes without its audit event or meets a closed store.
 */
@Singleton
@Startup
@DependsOn({"AuditWriter", "ConfiguredRecordStore", "PortalConsumer"})
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RequestDrain {

    /** MicroProfile Config key: how long a stop waits for requests in flight, in seconds. */
    public static final String DRAIN_SECONDS_KEY = "smart.shutdown.drain-seconds";

    private static final Logger LOG = Logger.getLogger(RequestDrain.class.getName());

    private final RequestGate gate = new RequestGate();

    @Inject
    @ConfigProperty(name = DRAIN_SECONDS_KEY, defaultValue = "10")
    long drainSeconds;

    /** The gate of the application's requests, for the web modules' edge filters. */
    public RequestGate gate() {
        return gate;
    }

    @PreDestroy
    void drain() {
        long start = System.nanoTime();
        int inFlight = gate.close();
        LOG.info(() -> "The application stops: new requests are refused (503); waiting up to " + drainSeconds
                + " s for the " + inFlight + " in flight before the audit trail and the record store close");
        int left;
        try {
            left = gate.awaitDrained(Duration.ofSeconds(Math.max(0, drainSeconds)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            left = gate.inFlight();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (left == 0) {
            LOG.info(() -> "Requests drained in " + millis + " ms");
        } else {
            LOG.warning(left + " requests still in flight after " + millis + " ms (" + DRAIN_SECONDS_KEY + "="
                    + drainSeconds + "); the audit trail and the record store close under them");
        }
    }
}
