package org.smartcontainer.api.appdata;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.smartcontainer.accounts.AccountService;
import org.smartcontainer.api.dispatch.ApiRequest;
import org.smartcontainer.api.errors.ApiProblem;
import org.smartcontainer.appdata.AppDataStore;
import org.smartcontainer.appdata.AppDataStore.Slot;
import org.smartcontainer.appdata.PreconditionFailedException;
import org.smartcontainer.appdata.StoredData;
import org.smartcontainer.apps.AppRegistry;
import org.smartcontainer.records.RecordStore;

/**
 * Scratchpad and user preferences (api.md 5): opaque bytes echoed with their stored media type, an
 * {@code ETag} on every answer, {@code If-Match} honoured on PUT and DELETE ({@code 412}), at most 1 MiB
 * ({@code 413}), {@code 404} for an unknown record, user or app.
 */
@ApplicationScoped
public class AppDataHandler {

    @EJB
    AppDataStore slots;

    @EJB
    AppRegistry apps;

    @EJB
    AccountService accounts;

    @Inject
    RecordStore records;

    /** {@code /records/{record_id}/apps/{smart_app_id}/scratchpad}. */
    public Response scratchpad(ApiRequest request, byte[] body) {
        String recordId = request.recordId();
        if (!records.exists(recordId)) {
            throw ApiProblem.notFound("No record " + recordId);
        }
        return handle(request, Slot.SCRATCHPAD, recordId, body);
    }

    /** {@code /users/{user_id}/apps/{smart_app_id}/preferences}. */
    public Response preferences(ApiRequest request, byte[] body) {
        String userId = request.variable("user_id");
        String owner = accounts.findByUserId(userId).map(AccountService::userIdOf)
                .orElseThrow(() -> ApiProblem.notFound("No user " + userId));
        return handle(request, Slot.USER_PREFERENCES, owner, body);
    }

    private Response handle(ApiRequest request, Slot slot, String owner, byte[] body) {
        String appId = request.variable("smart_app_id");
        if (apps.find(appId).isEmpty()) {
            throw ApiProblem.notFound("No app " + appId);
        }
        String ifMatch = request.headers().get(HttpHeaders.IF_MATCH);
        try {
            return switch (request.method()) {
                case "GET" -> echo(slots.read(slot, owner, appId));
                case "PUT" -> echo(slots.write(slot, owner, appId, body,
                        request.headers().get(HttpHeaders.CONTENT_TYPE), ifMatch));
                case "DELETE" -> {
                    slots.delete(slot, owner, appId, ifMatch);
                    yield Response.ok("ok", MediaType.TEXT_PLAIN_TYPE).build();
                }
                default -> throw new IllegalStateException("Not routed here: " + request.method());
            };
        } catch (PreconditionFailedException e) {
            return ApiProblem.response(Response.Status.PRECONDITION_FAILED, e.getMessage());
        }
    }

    private static Response echo(StoredData data) {
        return Response.ok(data.data(), data.mediaType()).tag(new jakarta.ws.rs.core.EntityTag(
                data.etag().substring(1, data.etag().length() - 1))).build();
    }
}
