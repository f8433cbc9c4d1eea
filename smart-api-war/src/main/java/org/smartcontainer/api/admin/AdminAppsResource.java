package org.smartcontainer.api.admin;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.smartcontainer.api.Serves;
import org.smartcontainer.api.routing.FrontCall;
import org.smartcontainer.apps.App;
import org.smartcontainer.apps.AppRegistry;
import org.smartcontainer.apps.InstallOptions;
import org.smartcontainer.apps.InstalledApp;
import org.smartcontainer.apps.InvalidManifestException;
import org.smartcontainer.apps.UnknownAppException;
import org.smartcontainer.apps.WeakSecretException;

/**
 * {@code /admin/apps}: install, update and remove SMART apps from their manifests, rotate consumer
 * secrets (the new secret is in the answer, and nowhere else ever again), choose which apps are enabled
 * by default.
 */
@Path("admin/apps")
@Serves(FrontCall.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AdminAppsResource {

    @EJB
    private AppRegistry apps;

    /** Every app and machine consumer, without secrets. */
    @GET
    public JsonObject list() {
        JsonArrayBuilder list = Json.createArrayBuilder();
        apps.list().forEach(app -> list.add(describe(app)));
        return Json.createObjectBuilder().add("apps", list).build();
    }

    /** One app with its manifest. */
    @GET
    @Path("{app_id}")
    public Response get(@PathParam("app_id") String appId) {
        return apps.find(appId).map(app -> {
            var body = AdminAnswers.object().addAll(Json.createObjectBuilder(describe(app)));
            if (app.getManifestJson() != null) {
                body.add("manifest", app.getManifestJson());
            }
            return AdminAnswers.ok(body.build());
        }).orElseGet(() -> AdminAnswers.error(Response.Status.NOT_FOUND, "No app with the id " + appId));
    }

    /**
     * Installs an app from its manifest (the body). Answers 201 with the generated consumer secret, or 400
     * listing every problem of the manifest; nothing is stored then.
     */
    @POST
    @Consumes(MediaType.WILDCARD)
    public Response install(String manifest, @QueryParam("enabled_by_default") @DefaultValue("false") boolean enabledByDefault,
            @QueryParam("index") String index, @QueryParam("icon") String icon) {
        try {
            InstalledApp installed = apps.install(manifest, new InstallOptions(null, enabledByDefault, index, icon));
            return AdminAnswers.created(Json.createObjectBuilder(describe(installed.app()))
                    .add("consumer_key", installed.app().getId()).add("consumer_secret", installed.secret()).build());
        } catch (InvalidManifestException e) {
            return AdminAnswers.error(Response.Status.BAD_REQUEST, "Invalid manifest", e.problems());
        } catch (WeakSecretException e) {
            return AdminAnswers.error(Response.Status.BAD_REQUEST, e.getMessage());
        } catch (EJBException e) {
            if (e.getCause() instanceof IllegalStateException exists) {
                return AdminAnswers.error(Response.Status.CONFLICT, exists.getMessage());
            }
            throw e;
        }
    }

    /** Replaces an app's manifest, keeping its secret, enablements and consents. */
    @PUT
    @Path("{app_id}")
    @Consumes(MediaType.WILDCARD)
    public Response update(@PathParam("app_id") String appId, String manifest, @QueryParam("index") String index,
            @QueryParam("icon") String icon) {
        try {
            return AdminAnswers.ok(describe(apps.update(appId, manifest, index, icon)));
        } catch (InvalidManifestException e) {
            return AdminAnswers.error(Response.Status.BAD_REQUEST, "Invalid manifest", e.problems());
        } catch (UnknownAppException e) {
            return AdminAnswers.error(Response.Status.NOT_FOUND, e.getMessage());
        }
    }

    /** Gives the app a new generated consumer secret; the answer is the only place it is shown. */
    @POST
    @Path("{app_id}/secret")
    public Response rotateSecret(@PathParam("app_id") String appId) {
        try {
            String secret = apps.rotateSecret(appId, null);
            return AdminAnswers.ok(AdminAnswers.object().add("consumer_key", appId).add("consumer_secret", secret).build());
        } catch (UnknownAppException e) {
            return AdminAnswers.error(Response.Status.NOT_FOUND, e.getMessage());
        } catch (WeakSecretException e) {
            return AdminAnswers.error(Response.Status.BAD_REQUEST, e.getMessage());
        }
    }

    /** Whether accounts that made no choice have the app enabled: body {@code true} or {@code false}. */
    @PUT
    @Path("{app_id}/enabled_by_default")
    @Consumes(MediaType.WILDCARD)
    public Response enabledByDefault(@PathParam("app_id") String appId, String value) {
        String v = value == null ? "" : value.strip();
        if (!v.equals("true") && !v.equals("false")) {
            return AdminAnswers.error(Response.Status.BAD_REQUEST, "The body must be true or false");
        }
        try {
            apps.setEnabledByDefault(appId, Boolean.parseBoolean(v));
            return AdminAnswers.ok(describe(apps.find(appId).orElseThrow()));
        } catch (UnknownAppException e) {
            return AdminAnswers.error(Response.Status.NOT_FOUND, e.getMessage());
        }
    }

    /** Removes the app with its enablements, consents and tokens. */
    @DELETE
    @Path("{app_id}")
    public Response remove(@PathParam("app_id") String appId) {
        return apps.remove(appId) ? Response.noContent().build()
                : AdminAnswers.error(Response.Status.NOT_FOUND, "No app with the id " + appId);
    }

    private static JsonObject describe(App app) {
        var body = AdminAnswers.object().add("id", app.getId()).add("name", app.getName())
                .add("kind", app.getKind().name()).add("enabled_by_default", app.isEnabledByDefault())
                .add("admin_p", app.isAdminP()).add("secret_changed_at", app.getSecretChangedAt().toString())
                .add("created_at", app.getCreatedAt().toString()).add("modified_at", app.getModifiedAt().toString());
        AdminAnswers.nullable(body, "description", app.getDescription());
        return body.build();
    }
}
