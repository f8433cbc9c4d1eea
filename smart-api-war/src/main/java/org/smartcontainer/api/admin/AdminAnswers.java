package org.smartcontainer.api.admin;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** The admin API's JSON answers: errors are {@code {"error": "...", "problems": [...]}}. */
final class AdminAnswers {

    private AdminAnswers() {
    }

    static Response ok(JsonObject body) {
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).header("Cache-Control", "no-store").build();
    }

    static Response created(JsonObject body) {
        return Response.status(Response.Status.CREATED).type(MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", "no-store").entity(body).build();
    }

    static Response error(Response.Status status, String error, List<String> problems) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        problems.forEach(list::add);
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Json.createObjectBuilder().add("error", error).add("problems", list).build()).build();
    }

    static Response error(Response.Status status, String error) {
        return error(status, error, List.of());
    }

    static JsonObjectBuilder object() {
        return Json.createObjectBuilder();
    }

    static JsonObjectBuilder nullable(JsonObjectBuilder builder, String name, Object value) {
        return value == null ? builder.addNull(name) : builder.add(name, value.toString());
    }
}
