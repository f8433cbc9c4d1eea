package org.smartcontainer.api.admin;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;
import org.smartcontainer.api.PublicUrls;
import org.smartcontainer.api.Serves;
import org.smartcontainer.api.routing.FrontCall;
import org.smartcontainer.records.ImportResult;
import org.smartcontainer.records.PatientData;
import org.smartcontainer.records.RecordAdministration;
import org.smartcontainer.records.RecordImportException;
import org.smartcontainer.records.RecordStore;
import org.smartcontainer.records.RecordSummary;

/**
 * {@code /admin/records}: the operator's view of the patient records: list and count, import one patient
 * (RDF/XML, Turtle or JSON-LD body) as a record, generate sample patients, delete a record. Every call
 * here is in the audit trail.
 */
@Path("admin/records")
@Serves(FrontCall.ADMIN_RECORDS)
@Produces(MediaType.APPLICATION_JSON)
public class AdminRecordsResource {

    /** The most sample patients one call generates. */
    static final int MAX_GENERATE = 1000;

    @EJB
    private RecordAdministration administration;

    @Inject
    private RecordStore store;

    @Inject
    private PublicUrls urls;

    /** Every record (the picker's summary), ordered by name. */
    @GET
    public JsonObject list() {
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (RecordSummary r : administration.listRecords()) {
            JsonArrayBuilder mrns = Json.createArrayBuilder();
            r.medicalRecordNumbers().forEach(mrns::add);
            list.add(Json.createObjectBuilder().add("record_id", r.recordId()).add("given_name", r.givenName())
                    .add("family_name", r.familyName()).add("birth_date", r.birthDate()).add("gender", r.gender())
                    .add("medical_record_numbers", mrns).add("zipcode", r.zipcode()));
        }
        return Json.createObjectBuilder().add("records", list).build();
    }

    /** The number of records. */
    @GET
    @Path("count")
    public JsonObject count() {
        return Json.createObjectBuilder().add("records", administration.countRecords()).build();
    }

    /** Creates or replaces the record {@code record_id} with the patient in the body; the media type names the format. */
    @PUT
    @Path("{record_id}")
    @Serves(FrontCall.ADMIN_RECORD)
    @Consumes(MediaType.WILDCARD)
    public Response importPatient(@PathParam("record_id") String recordId, @Context HttpHeaders headers,
            @Context UriInfo uri, InputStream body) {
        MediaType type = headers.getMediaType();
        Optional<RDFFormat> format = type == null ? Optional.empty()
                : Rio.getParserFormatForMIMEType(type.getType() + "/" + type.getSubtype());
        if (format.isEmpty()) {
            return AdminAnswers.error(Response.Status.UNSUPPORTED_MEDIA_TYPE,
                    "Send application/rdf+xml, text/turtle or application/ld+json");
        }
        try {
            ImportResult result = store.importPatient(PatientData.parse(recordId, body, format.get(), "request body"),
                    urls.apiBase(uri));
            JsonArrayBuilder warnings = Json.createArrayBuilder();
            result.warnings().forEach(warnings::add);
            var answer = Json.createObjectBuilder().add("record_id", result.recordId()).add("replaced", result.replaced())
                    .add("statements", result.statementCount()).add("triples", result.triples())
                    .add("discarded_triples", result.discardedTriples()).add("warnings", warnings).build();
            return result.replaced() ? AdminAnswers.ok(answer) : AdminAnswers.created(answer);
        } catch (RecordImportException | IllegalArgumentException e) {
            return AdminAnswers.error(Response.Status.BAD_REQUEST, "The patient was not imported", List.of(e.getMessage()));
        }
    }

    /** Generates {@code count} sample patients (the default seed, or {@code seed}). */
    @POST
    @Path("generate")
    @Consumes(MediaType.WILDCARD)
    public Response generate(@QueryParam("count") @DefaultValue("0") int count, @QueryParam("seed") Long seed) {
        if (count < 1 || count > MAX_GENERATE) {
            return AdminAnswers.error(Response.Status.BAD_REQUEST, "count must be between 1 and " + MAX_GENERATE);
        }
        try {
            int generated = seed == null ? administration.generatePatients(count) : administration.generatePatients(count, seed);
            return AdminAnswers.ok(Json.createObjectBuilder().add("generated", generated)
                    .add("records", administration.countRecords()).build());
        } catch (RecordImportException e) {
            return AdminAnswers.error(Response.Status.INTERNAL_SERVER_ERROR, "Generation failed", List.of(e.getMessage()));
        }
    }

    /** Deletes a record with its statements and files. */
    @DELETE
    @Path("{record_id}")
    @Serves(FrontCall.ADMIN_RECORD)
    public Response delete(@PathParam("record_id") String recordId) {
        return administration.deleteRecord(recordId) ? Response.noContent().build()
                : AdminAnswers.error(Response.Status.NOT_FOUND, "No record " + recordId);
    }
}
