package org.smartcontainer.api.oauth;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.smartcontainer.api.PublicUrls;
import org.smartcontainer.api.Serves;
import org.smartcontainer.api.routing.FrontCall;
import org.smartcontainer.edge.LoggedInput;
import org.smartcontainer.oauth.FormResponse;
import org.smartcontainer.oauth.OAuthException;
import org.smartcontainer.oauth.OAuthService;
import org.smartcontainer.metrics.OperatorMetrics;

/**
 * {@code /oauth/request_token} and {@code /oauth/access_token} (api.md §7): POST, GET tolerated.
 * They authenticate by OAuth themselves ({@link FrontCall#OAUTH_TOKEN}); any failure is {@code 401 Unauthorized}
 * without detail (the reason goes to the server log at FINE).
 */
@Path("oauth")
@Serves(FrontCall.OAUTH_TOKEN)
public class OAuthTokenResource {

    private static final Logger LOG = Logger.getLogger(OAuthTokenResource.class.getName());

    @EJB
    private OAuthService oauth;

    @Inject
    private PublicUrls urls;

    @Inject
    private OperatorMetrics metrics;

    @POST
    @Path("request_token")
    public Response requestToken(@Context UriInfo uri, @Context HttpHeaders headers, byte[] body) {
        return answer(() -> oauth.requestToken(OAuthRequests.of("POST", uri, headers, urls.apiBase(uri), body)));
    }

    @GET
    @Path("request_token")
    public Response requestTokenByGet(@Context UriInfo uri, @Context HttpHeaders headers) {
        return answer(() -> oauth.requestToken(OAuthRequests.of("GET", uri, headers, urls.apiBase(uri), null)));
    }

    @POST
    @Path("access_token")
    public Response accessToken(@Context UriInfo uri, @Context HttpHeaders headers, byte[] body) {
        return answer(() -> oauth.accessToken(OAuthRequests.of("POST", uri, headers, urls.apiBase(uri), body)));
    }

    @GET
    @Path("access_token")
    public Response accessTokenByGet(@Context UriInfo uri, @Context HttpHeaders headers) {
        return answer(() -> oauth.accessToken(OAuthRequests.of("GET", uri, headers, urls.apiBase(uri), null)));
    }

    private interface TokenCall {
        FormResponse call() throws OAuthException;
    }

    private Response answer(TokenCall call) {
        try {
            return Response.ok(call.call().body(), MediaType.TEXT_PLAIN_TYPE).header("Cache-Control", "no-store").build();
        } catch (OAuthException e) {
            LOG.log(Level.FINE, "Token endpoint refused a request: {0}", LoggedInput.cut(e.reason()));
            metrics.oauthRefused(e.reason());
            if (e.reason() == OAuthException.Reason.UNKNOWN_RECORD) {
                return Response.status(Response.Status.BAD_REQUEST).type(MediaType.TEXT_PLAIN_TYPE).entity("Unknown record").build();
            }
            return Response.status(Response.Status.UNAUTHORIZED).type(MediaType.TEXT_PLAIN_TYPE)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "OAuth").entity("Unauthorized").build();
        } catch (IllegalArgumentException e) {
            return Response.status(Response.Status.UNAUTHORIZED).type(MediaType.TEXT_PLAIN_TYPE).entity("Unauthorized").build();
        }
    }
}
