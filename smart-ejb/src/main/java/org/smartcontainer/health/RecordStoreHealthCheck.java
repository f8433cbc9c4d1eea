package org.smartcontainer.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.smartcontainer.records.RecordStore;
import org.smartcontainer.records.RecordStoreUnavailableException;

/**
 * Reports whether the record store (patient data) answers now: the store itself is asked (a remote SPARQL store,
 * the EHR of proxy mode), and while it does not answer the check is DOWN with the reason, so that a load balancer
 * stops sending record calls here. Readiness only: a missing store is not cured by restarting this server.
 */
@Readiness
@ApplicationScoped
public class RecordStoreHealthCheck implements HealthCheck {

    @Inject
    private RecordStore records;

    @Override
    public HealthCheckResponse call() {
        try {
            records.checkAvailable();
            return HealthCheckResponse.named("smart-record-store").up().withData("records", records.countRecords()).build();
        } catch (RecordStoreUnavailableException e) {
            return HealthCheckResponse.named("smart-record-store").down().withData("error", e.getMessage()).build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("smart-record-store").down()
                    .withData("error", e.getClass().getSimpleName()).build();
        }
    }
}
