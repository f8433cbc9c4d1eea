package org.smartcontainer.health;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.smartcontainer.accounts.AccountService;

/** Reports whether the relational database (accounts, apps, tokens) answers. */
@Readiness
@Liveness
@ApplicationScoped
public class DatabaseHealthCheck implements HealthCheck {

    @EJB
    private AccountService accounts;

    @Override
    public HealthCheckResponse call() {
        try {
            return HealthCheckResponse.named("smart-database").up().withData("accounts", accounts.count()).build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("smart-database").down().withData("error", e.getClass().getSimpleName()).build();
        }
    }
}
