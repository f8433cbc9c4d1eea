package org.smartcontainer.api.dispatch;

import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.smartcontainer.api.PublicUrls;
import org.smartcontainer.api.appdata.AppDataHandler;
import org.smartcontainer.api.container.ContainerHandler;
import org.smartcontainer.api.errors.ApiProblem;
import org.smartcontainer.api.records.ClinicalNoteHandler;
import org.smartcontainer.api.records.DocumentHandler;
import org.smartcontainer.api.records.ProxyHandler;
import org.smartcontainer.api.records.RecordDataHandler;
import org.smartcontainer.api.records.RecordSearchHandler;
import org.smartcontainer.api.representation.RdfMediaType;
import org.smartcontainer.api.routing.RouteMatch;
import org.smartcontainer.api.users.UserHandler;
import org.smartcontainer.appdata.AppDataStore;
import org.smartcontainer.records.query.QueryParameters;

/**
 * The one JAX-RS resource behind every ontology route: asks the {@link org.smartcontainer.api.routing.ApiRouter}
 * and answers {@code 404} for unknown paths, {@code 405} with {@code Allow} for other methods, or dispatches
 * on the route's handler. Resources with literal paths ({@code /manifest}, {@code /ontology}, OAuth, admin)
 * take precedence by the JAX-RS matching rules.
 */
@Path("/")
public class ApiDispatcher {

    /** Largest request body read, in bytes ({@code 413} above). */
    static final int MAX_BODY = AppDataStore.MAX_BYTES;

    @Inject
    SmartApi api;

    @Inject
    PublicUrls urls;

    @Inject
    RecordDataHandler records;

    @Inject
    DocumentHandler documents;

    @Inject
    ClinicalNoteHandler notes;

    @Inject
    RecordSearchHandler search;

    @Inject
    AppDataHandler appData;

    @Inject
    UserHandler users;

    @Inject
    ContainerHandler container;

    @Inject
    ProxyHandler proxy;

    @Context
    UriInfo uri;

    @Context
    HttpHeaders headers;

    @GET
    @Path("{path: .*}")
    public Response get() {
        return dispatch("GET", null);
    }

    @POST
    @Path("{path: .*}")
    public Response post(InputStream body) {
        return dispatch("POST", body);
    }

    @PUT
    @Path("{path: .*}")
    public Response put(InputStream body) {
        return dispatch("PUT", body);
    }

    @DELETE
    @Path("{path: .*}")
    public Response delete() {
        return dispatch("DELETE", null);
    }

    @PATCH
    @Path("{path: .*}")
    public Response patch() {
        return dispatch("PATCH", null);
    }

    /** Preflights are answered before authorization (CorsFilter); any other OPTIONS is routed like a call. */
    @OPTIONS
    @Path("{path: .*}")
    public Response options() {
        return dispatch("OPTIONS", null);
    }

    private Response dispatch(String method, InputStream body) {
        String path = "/" + uri.getPath(false);
        RouteMatch match = api.router().match(method, path);
        if (match instanceof RouteMatch.NotFound) {
            return ApiProblem.response(Response.Status.NOT_FOUND, "No API call at " + path);
        }
        if (match instanceof RouteMatch.MethodNotAllowed notAllowed) {
            return Response.fromResponse(ApiProblem.response(Response.Status.METHOD_NOT_ALLOWED,
                    method + " is not allowed on " + path + "; allowed: " + notAllowed.allowHeader()))
                    .header(HttpHeaders.ALLOW, notAllowed.allowHeader()).build();
        }
        RouteMatch.Found found = (RouteMatch.Found) match;
        ApiRequest request = new ApiRequest(method, found, QueryParameters.parse(uri.getRequestUri().getRawQuery()),
                urls.apiBase(uri), RdfMediaType.negotiate(headers.getHeaderString(HttpHeaders.ACCEPT)),
                headers::getHeaderString);
        if (proxy.enabled()) {
            switch (found.route().handler()) {
                case RECORD_ITEMS, RECORD_ITEM, ALLERGIES, DOCUMENTS, DOCUMENT, PHOTOGRAPH -> {
                    return proxy.forward(request, uri.getRequestUri().getRawQuery());
                }
                case RECORD_POST -> {
                    // the EHR owns the data: not stored here, not advertised (proxy-mode-and-security.md 1.2)
                    return ApiProblem.response(Response.Status.METHOD_NOT_ALLOWED,
                            "The container forwards records to an EHR (proxy mode): " + method + " is not supported");
                }
                default -> {
                    // container, user and app data calls stay local
                }
            }
        }
        return switch (found.route().handler()) {
            case RECORD_ITEMS -> records.collection(request);
            case RECORD_ITEM -> records.item(request);
            case RECORD_POST -> notes.post(request, read(body));
            case ALLERGIES -> records.allergies(request);
            case DOCUMENTS -> documents.documents(request);
            case DOCUMENT -> documents.document(request);
            case PHOTOGRAPH -> documents.photograph(request);
            case SCRATCHPAD -> appData.scratchpad(request, read(body));
            case USER_PREFERENCES -> appData.preferences(request, read(body));
            case CONTAINER_MANIFEST -> container.manifest(request.apiBase(), urls.uiBase(uri));
            case ONTOLOGY -> container.ontology();
            case APP_MANIFESTS -> container.appManifests();
            case APP_MANIFEST -> container.appManifest(request.variable("descriptor"));
            case RECORD_SEARCH -> search.search(request);
            case USER_SEARCH -> users.search(request);
            case USER -> users.user(request);
            case CORS_PREFLIGHT -> Response.ok().build();
        };
    }

    /** The request body, at most {@link #MAX_BODY} bytes ({@code 413} beyond); empty without a body. */
    private static byte[] read(InputStream body) {
        if (body == null) {
            return new byte[0];
        }
        try {
            byte[] bytes = body.readNBytes(MAX_BODY + 1);
            if (bytes.length > MAX_BODY) {
                throw ApiProblem.of(Response.Status.REQUEST_ENTITY_TOO_LARGE,
                        "The body exceeds " + MAX_BODY + " bytes");
            }
            return Arrays.copyOf(bytes, bytes.length);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the request body", e);
        }
    }
}
