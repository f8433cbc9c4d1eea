package org.smartcontainer.api;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.smartcontainer.api.core.ApiAnswer;

/** Turns the API core's answers into JAX-RS responses; the body is written while the response is sent. */
public final class JaxRsAnswers {

    private JaxRsAnswers() {
    }

    /** The JAX-RS response of an answer. */
    public static Response response(ApiAnswer answer) {
        Response.ResponseBuilder response = Response.status(answer.status());
        for (ApiAnswer.Header header : answer.headers()) {
            if (header.name().equalsIgnoreCase(HttpHeaders.CONTENT_TYPE)) {
                response.type(header.value());
            } else {
                response.header(header.name(), header.value());
            }
        }
        if (answer.body() != ApiAnswer.Body.NONE) {
            response.entity((StreamingOutput) answer.body()::writeTo);
        }
        return response.build();
    }
}
