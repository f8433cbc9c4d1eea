package org.smartcontainer.health;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.smartcontainer.accounts.AccountService;
import org.smartcontainer.persistence.DatabaseUnavailable;

/**
 * Reports whether the relational database (accounts, apps, tokens, audit) answers: readiness only. While it is
 * down the server is not ready (a load balancer should send requests elsewhere), but it is alive: restarting it
 * would not bring the database back, and it serves again as soon as the database returns.
 */
@Readiness
@ApplicationScoped
public class DatabaseHealthCheck implements HealthCheck {

    @EJB
    private AccountService accounts;

    @Override
    public HealthCheckResponse call() {
        try {
            return HealthCheckResponse.named("smart-database").up().withData("accounts", accounts.count()).build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("smart-database").down().withData("error", DatabaseUnavailable.causes(e)
                    ? DatabaseUnavailable.MESSAGE : e.getClass().getSimpleName()).build();
        }
    }
}
