package org.smartcontainer.api.errors;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.smartcontainer.records.RecordProxy;
import org.smartcontainer.records.RecordStoreUnavailableException;

/**
 * The record store (remote SPARQL store, proxied EHR) is down, slow or refusing: {@code 503} with the reason and
 * {@code Retry-After}, so clients fail fast and try again; nothing was written. An EHR that did not answer in time
 * (proxy mode): {@code 504}.
 */
@Provider
public class StoreUnavailableMapper implements ExceptionMapper<RecordStoreUnavailableException> {

    @Override
    public Response toResponse(RecordStoreUnavailableException e) {
        if (e instanceof RecordProxy.TimeoutException) {
            return ApiProblem.response(Response.Status.GATEWAY_TIMEOUT, e.getMessage());
        }
        return ApiProblem.unavailable(e.getMessage());
    }
}
