package org.smartcontainer.api.errors;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.smartcontainer.audit.AuditUnavailableException;

/**
 * The audit trail cannot take the request's event (its queue stayed full, typically because the database is
 * down): {@code 503}; no record data is given out unaudited.
 */
@Provider
public class AuditUnavailableMapper implements ExceptionMapper<AuditUnavailableException> {

    @Override
    public Response toResponse(AuditUnavailableException e) {
        return ApiProblem.unavailable(e.getMessage());
    }
}
