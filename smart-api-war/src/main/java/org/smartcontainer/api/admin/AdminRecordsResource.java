package org.smartcontainer.api.admin;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.smartcontainer.records.RecordStore;

/** {@code /admin/records}: the operator's view of the patient records. */
@Path("admin/records")
public class AdminRecordsResource {

    @Inject
    private RecordStore records;

    @GET
    @Path("count")
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject count() {
        return Json.createObjectBuilder().add("records", records.countRecords()).build();
    }
}
