package org.smartcontainer.api;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.lang.annotation.Annotation;
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

    /** Puts a whole response, headers and all, in place of a response not yet sent (a response filter's last word). */
    public static void replace(ContainerResponseContext response, Response with) {
        response.getHeaders().clear();
        with.getHeaders().forEach((name, values) -> response.getHeaders().put(name, values));
        response.setStatus(with.getStatus());
        response.setEntity(with.getEntity(), new Annotation[0], with.getMediaType());
    }

    /**
     * Puts an answer in place of a response not yet sent (a response filter's last word): its status, body and
     * headers; the response's headers about its own body go, others (e.g. CORS) stay.
     */
    public static void replace(ContainerResponseContext response, ApiAnswer answer) {
        for (String header : new String[] {HttpHeaders.CONTENT_TYPE, HttpHeaders.ETAG, HttpHeaders.LAST_MODIFIED,
            HttpHeaders.CONTENT_LENGTH, HttpHeaders.CACHE_CONTROL, HttpHeaders.CONTENT_LOCATION, HttpHeaders.LOCATION}) {
            response.getHeaders().remove(header);
        }
        answer.headers().forEach(header -> response.getHeaders().remove(header.name()));
        response.setStatus(answer.status());
        for (ApiAnswer.Header header : answer.headers()) {
            if (!header.name().equalsIgnoreCase(HttpHeaders.CONTENT_TYPE)) {
                response.getHeaders().add(header.name(), header.value());
            }
        }
        if (answer.body() == ApiAnswer.Body.NONE) {
            response.setEntity(null);
        } else {
            String type = answer.contentType();
            response.setEntity((StreamingOutput) answer.body()::writeTo, new Annotation[0],
                    type == null ? MediaType.APPLICATION_OCTET_STREAM_TYPE : MediaType.valueOf(type));
        }
    }
}
