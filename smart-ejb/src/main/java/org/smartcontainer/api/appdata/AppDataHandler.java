package org.smartcontainer.api.appdata;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;
import org.smartcontainer.accounts.AccountService;
import org.smartcontainer.api.core.ApiRequest;
import org.smartcontainer.api.core.ApiAnswer;
import org.smartcontainer.api.core.ApiFailure;
import org.smartcontainer.api.core.RouteHandler;
import org.smartcontainer.api.routing.Handler;
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
public class AppDataHandler implements RouteHandler {

    @EJB
    AppDataStore slots;

    @EJB
    AppRegistry apps;

    @EJB
    AccountService accounts;

    @Inject
    RecordStore records;

    @Override
    public Set<Handler> serves() {
        return EnumSet.of(Handler.SCRATCHPAD, Handler.USER_PREFERENCES);
    }

    @Override
    public ApiAnswer answer(ApiRequest request) {
        return request.match().route().handler() == Handler.SCRATCHPAD ? scratchpad(request, request.body())
                : preferences(request, request.body());
    }

    /** {@code /records/{record_id}/apps/{smart_app_id}/scratchpad}. */
    public ApiAnswer scratchpad(ApiRequest request, byte[] body) {
        String recordId = request.recordId();
        if (!records.exists(recordId)) {
            throw ApiFailure.notFound("No record " + recordId);
        }
        return handle(request, Slot.SCRATCHPAD, recordId, body);
    }

    /** {@code /users/{user_id}/apps/{smart_app_id}/preferences}. */
    public ApiAnswer preferences(ApiRequest request, byte[] body) {
        String userId = request.variable("user_id");
        String owner = accounts.findByUserId(userId).map(AccountService::userIdOf)
                .orElseThrow(() -> ApiFailure.notFound("No user " + userId));
        return handle(request, Slot.USER_PREFERENCES, owner, body);
    }

    private ApiAnswer handle(ApiRequest request, Slot slot, String owner, byte[] body) {
        String appId = request.variable("smart_app_id");
        if (apps.find(appId).isEmpty()) {
            throw ApiFailure.notFound("No app " + appId);
        }
        String ifMatch = request.headers().get("If-Match");
        try {
            return switch (request.method()) {
                case "GET" -> echo(slots.read(slot, owner, appId));
                case "PUT" -> echo(write(slot, owner, appId, body, request.headers().get("Content-Type"), ifMatch));
                case "DELETE" -> {
                    slots.delete(slot, owner, appId, ifMatch);
                    yield ApiAnswer.ok("ok".getBytes(StandardCharsets.UTF_8), "text/plain");
                }
                default -> throw new IllegalStateException("Not routed here: " + request.method());
            };
        } catch (PreconditionFailedException e) {
            return ApiAnswer.problem(412, e.getMessage());
        }
    }

    /**
     * Writes a slot. Two first writes of one slot at the same moment both find it empty and both insert; the
     * database keeps one and refuses the other (a unique key), which then ends its transaction. That one is
     * written once more, in a transaction of its own: it now finds the slot (and its {@code If-Match} is checked
     * against what the other wrote), as it would have a moment later.
     */
    private StoredData write(Slot slot, String owner, String appId, byte[] body, String mediaType, String ifMatch)
            throws PreconditionFailedException {
        try {
            return slots.write(slot, owner, appId, body, mediaType, ifMatch);
        } catch (RuntimeException e) {
            if (!uniqueKeyRefused(e)) {
                throw e;
            }
            return slots.write(slot, owner, appId, body, mediaType, ifMatch);
        }
    }

    /** Whether a unique key refused a row (SQL state 23505, PostgreSQL's and H2's) anywhere in the failure's causes. */
    private static boolean uniqueKeyRefused(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth++ < 64; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static ApiAnswer echo(StoredData data) {
        return ApiAnswer.ok(data.data(), data.mediaType()).with("ETag", data.etag());
    }
}
