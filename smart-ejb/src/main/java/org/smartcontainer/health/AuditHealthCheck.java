package org.smartcontainer.health;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.smartcontainer.audit.AuditStatus;
import org.smartcontainer.audit.AuditTrail;

/**
 * Reports whether the audit trail keeps up: DOWN, with the reason, when more events wait for the database than
 * {@code smart.audit.ready.max-backlog} (default 5000), when the oldest has waited longer than
 * {@code smart.audit.ready.max-age-seconds} (default 60), or when writing has failed for longer than
 * {@code smart.audit.ready.max-failing-seconds} (default 30), or when the local audit journal cannot be written
 * (then every data request is refused). Readiness only: the waiting events are safe in the
 * journal, and restarting the server would not make the database take them. The figures are in the data either way.
 */
@Readiness
@ApplicationScoped
public class AuditHealthCheck implements HealthCheck {

    static final String NAME = "smart-audit";

    @EJB
    private AuditTrail audit;

    @Inject
    @ConfigProperty(name = "smart.audit.ready.max-backlog", defaultValue = "5000")
    int maxBacklog;

    @Inject
    @ConfigProperty(name = "smart.audit.ready.max-age-seconds", defaultValue = "60")
    long maxAgeSeconds;

    @Inject
    @ConfigProperty(name = "smart.audit.ready.max-failing-seconds", defaultValue = "30")
    long maxFailingSeconds;

    @Override
    public HealthCheckResponse call() {
        AuditStatus status = audit.status();
        List<String> problems = problems(status, maxBacklog, maxAgeSeconds, maxFailingSeconds);
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).status(problems.isEmpty())
                .withData("backlog", status.backlog())
                .withData("oldestPendingSeconds", status.oldestPendingSeconds())
                .withData("deadLetters", status.deadLetters())
                .withData("failingForSeconds", status.failingForSeconds())
                .withData("journalBytes", status.journalBytes());
        if (status.lastFailure() != null) {
            response.withData("lastFailure", status.lastFailure());
        }
        if (!problems.isEmpty()) {
            response.withData("reason", String.join("; ", problems));
        }
        return response.build();
    }

    /** Why the trail is not ready, empty when it is. */
    static List<String> problems(AuditStatus status, int maxBacklog, long maxAgeSeconds, long maxFailingSeconds) {
        List<String> problems = new ArrayList<>();
        if (status.backlog() > maxBacklog) {
            problems.add(status.backlog() + " audit events wait for the database (more than " + maxBacklog + ")");
        }
        if (status.oldestPendingSeconds() > maxAgeSeconds) {
            problems.add("the oldest audit event has waited " + status.oldestPendingSeconds() + " s (more than "
                    + maxAgeSeconds + " s)");
        }
        if (status.journalFailure() != null) {
            problems.add("the audit journal cannot be written (" + status.journalFailure()
                    + "): data requests are refused");
        }
        if (status.failingForSeconds() > maxFailingSeconds) {
            problems.add("writing audit events has failed for " + status.failingForSeconds() + " s: "
                    + status.lastFailure());
        }
        return problems;
    }
}
