package org.smartcontainer.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether the container requires HTTPS ({@value #REQUIRED}, default false). When it does, the API refuses
 * plain-HTTP requests with 403, the portal redirects them to HTTPS, and HTTPS responses carry HSTS.
 * Behind a TLS terminator, configure the listener to honour {@code X-Forwarded-Proto} so requests count as secure.
 */
@ApplicationScoped
public class TransportSecurity {

    /** The configuration key. */
    public static final String REQUIRED = "smart.tls.required";

    /** The HSTS header value: one year, subdomains included. */
    public static final String HSTS = "max-age=31536000; includeSubDomains";

    @Inject
    @ConfigProperty(name = REQUIRED, defaultValue = "false")
    boolean required;

    @Inject
    @ConfigProperty(name = "smart.tls.https-port", defaultValue = "443")
    int httpsPort;

    /** Whether plain HTTP is refused. */
    public boolean required() {
        return required;
    }

    /** The port the portal redirects plain-HTTP requests to ({@code smart.tls.https-port}, default 443). */
    public int httpsPort() {
        return httpsPort;
    }
}
