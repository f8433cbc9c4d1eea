package org.smartcontainer.api.oauth;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.smartcontainer.api.Serves;
import org.smartcontainer.api.routing.FrontCall;
import org.smartcontainer.api.security.ApiCaller;
import org.smartcontainer.oauth.FormResponse;
import org.smartcontainer.oauth.OAuthDance.HelperStep;
import org.smartcontainer.oauth.OAuthException;
import org.smartcontainer.oauth.OAuthPrincipal.BackgroundAppPrincipal;
import org.smartcontainer.oauth.OAuthService;

/**
 * The background apps' token loop (api.md §8.5): {@code /apps/{app_id}/tokens/records/first},
 * {@code .../{record_id}/next} and {@code .../{record_id}}, GET or POST, signed two-legged by the app
 * itself (the authorization point has checked that {@code app_id} is the caller). Each answer is a
 * per-record access token in form syntax; {@code 404} when there is no such record.
 */
@Path("apps/{app_id}/tokens/records")
@Serves(FrontCall.HELPER_TOKEN)
public class HelperTokenResource {

    private static final MediaType FORM = MediaType.APPLICATION_FORM_URLENCODED_TYPE;

    @EJB
    private OAuthService oauth;

    @Inject
    private ApiCaller caller;

    @GET
    @Path("first")
    public Response first(@PathParam("app_id") String appId) {
        return token(appId, HelperStep.FIRST, null);
    }

    @POST
    @Path("first")
    public Response firstByPost(@PathParam("app_id") String appId) {
        return first(appId);
    }

    @GET
    @Path("{record_id}/next")
    public Response next(@PathParam("app_id") String appId, @PathParam("record_id") String recordId) {
        return token(appId, HelperStep.NEXT, recordId);
    }

    @POST
    @Path("{record_id}/next")
    public Response nextByPost(@PathParam("app_id") String appId, @PathParam("record_id") String recordId) {
        return next(appId, recordId);
    }

    @GET
    @Path("{record_id}")
    public Response record(@PathParam("app_id") String appId, @PathParam("record_id") String recordId) {
        return token(appId, HelperStep.RECORD, recordId);
    }

    @POST
    @Path("{record_id}")
    public Response recordByPost(@PathParam("app_id") String appId, @PathParam("record_id") String recordId) {
        return record(appId, recordId);
    }

    private Response token(String appId, HelperStep step, String recordId) {
        if (!(caller.principal() instanceof BackgroundAppPrincipal app)) {
            return Response.status(Response.Status.FORBIDDEN).type(MediaType.TEXT_PLAIN_TYPE).entity("Forbidden").build();
        }
        try {
            Optional<FormResponse> token = oauth.helperToken(app, appId, step, recordId);
            return token.map(t -> Response.ok(t.body(), FORM).header("Cache-Control", "no-store").build())
                    .orElseGet(() -> Response.status(Response.Status.NOT_FOUND).type(MediaType.TEXT_PLAIN_TYPE)
                            .entity("No such record").build());
        } catch (OAuthException e) {
            return Response.status(Response.Status.FORBIDDEN).type(MediaType.TEXT_PLAIN_TYPE).entity("Forbidden").build();
        }
    }
}
