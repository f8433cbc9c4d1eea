package org.smartcontainer.api.errors;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.smartcontainer.records.query.InvalidQueryException;

/** A query parameter the API rejects: {@code 400} with the reason (api.md 4.2 to 4.4). */
@Provider
public class InvalidQueryMapper implements ExceptionMapper<InvalidQueryException> {

    @Override
    public Response toResponse(InvalidQueryException e) {
        return ApiProblem.response(Response.Status.BAD_REQUEST, e.getMessage());
    }
}
