package org.smartcontainer.api.admin;

import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.smartcontainer.api.Serves;
import org.smartcontainer.api.routing.FrontCall;
import org.smartcontainer.audit.AuditEvent;
import org.smartcontainer.audit.AuditPage;
import org.smartcontainer.audit.AuditQuery;
import org.smartcontainer.audit.AuditTrail;

/**
 * {@code GET /admin/audit?record=&account=&app=&from=&to=&offset=&limit=}: the audit trail of patient-data
 * access, newest first, filtered and paged; {@code from}/{@code to} are ISO-8601 instants.
 */
@Path("admin/audit")
@Serves(FrontCall.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AdminAuditResource {

    @EJB
    private AuditTrail audit;

    @GET
    public Response search(@QueryParam("record") String record, @QueryParam("account") String account,
            @QueryParam("app") String app, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("offset") @DefaultValue("0") int offset, @QueryParam("limit") @DefaultValue("100") int limit) {
        List<String> problems = new ArrayList<>();
        Instant fromTime = instant("from", from, problems);
        Instant toTime = instant("to", to, problems);
        AuditQuery query = null;
        try {
            query = new AuditQuery(blankToNull(record), blankToNull(account), blankToNull(app), fromTime, toTime, offset, limit);
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        if (!problems.isEmpty()) {
            return AdminAnswers.error(Response.Status.BAD_REQUEST, "Invalid query", problems);
        }
        AuditPage page = audit.search(query);
        JsonArrayBuilder events = Json.createArrayBuilder();
        for (AuditEvent e : page.events()) {
            var event = AdminAnswers.object().add("time", e.getTime().toString()).add("call", e.getCall())
                    .add("method", e.getMethod()).add("path", e.getPath()).add("status", e.getStatus());
            AdminAnswers.nullable(event, "account", e.getAccount());
            AdminAnswers.nullable(event, "app", e.getApp());
            AdminAnswers.nullable(event, "record", e.getRecord());
            events.add(event);
        }
        return AdminAnswers.ok(Json.createObjectBuilder().add("total", page.total()).add("offset", offset)
                .add("limit", limit).add("events", events).build());
    }

    private static Instant instant(String name, String value, List<String> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            problems.add(name + ": an ISO-8601 instant such as 2025-01-31T12:00:00Z");
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
