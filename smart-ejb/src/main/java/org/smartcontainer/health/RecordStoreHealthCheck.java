package org.smartcontainer.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.smartcontainer.records.RecordStore;

/** Reports whether the record store (patient data) answers. */
@Readiness
@Liveness
@ApplicationScoped
public class RecordStoreHealthCheck implements HealthCheck {

    @Inject
    private RecordStore records;

    @Override
    public HealthCheckResponse call() {
        try {
            return HealthCheckResponse.named("smart-record-store").up()
                    .withData("records", records.countRecords()).build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("smart-record-store").down().withData("error", e.getClass().getSimpleName()).build();
        }
    }
}
