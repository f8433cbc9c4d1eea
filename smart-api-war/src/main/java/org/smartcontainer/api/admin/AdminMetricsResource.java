package org.smartcontainer.api.admin;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.smartcontainer.api.Serves;
import org.smartcontainer.api.routing.FrontCall;
import org.smartcontainer.metrics.exposition.PrometheusScrape;

/**
 * {@code GET /admin/metrics}: the operators' metrics in the Prometheus text format, for a Prometheus server that
 * scrapes with an administrator's HTTP Basic credentials (admin role, like the rest of the admin API; a scrape
 * without them gets {@code 401}). What each metric means is in the operations guide ("Metrics").
 */
@Path("admin/metrics")
@Serves(FrontCall.ADMIN)
public class AdminMetricsResource {

    /** The content type of the Prometheus text exposition format. */
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    @Inject
    private PrometheusScrape scrape;

    @GET
    public Response metrics() {
        return Response.ok(scrape.text(), PROMETHEUS_TEXT).header("Cache-Control", "no-store").build();
    }
}
