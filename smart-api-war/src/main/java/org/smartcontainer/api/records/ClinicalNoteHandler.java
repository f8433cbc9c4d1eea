package org.smartcontainer.api.records;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import org.eclipse.rdf4j.model.Model;
import org.smartcontainer.api.dispatch.ApiRequest;
import org.smartcontainer.api.dispatch.Responses;
import org.smartcontainer.api.dispatch.SmartApi;
import org.smartcontainer.api.errors.ApiProblem;
import org.smartcontainer.records.RecordImportException;
import org.smartcontainer.records.RecordStore;
import org.smartcontainer.records.write.StatementPost;
import org.smartcontainer.records.write.StatementPostException;

/**
 * {@code POST .../clinical_notes/} (api.md 10): one blank-node note as RDF/XML, checked by
 * {@link StatementPost}, named and attached to the record by the store; {@code 200} with the stored graph.
 */
@ApplicationScoped
public class ClinicalNoteHandler {

    @Inject
    SmartApi api;

    @Inject
    RecordStore store;

    @Inject
    RecordDataHandler records;

    @Inject
    Responses responses;

    /** Stores the posted statement. */
    public Response post(ApiRequest request, byte[] body) {
        records.requireRecord(request);
        StatementPost rules = api.posts();
        Model stored;
        try {
            Model graph = rules.parse(body);
            rules.check(graph, request.match().route().call().target(), request.recordId(), request.apiBase());
            stored = store.addStatements(request.recordId(), graph, request.apiBase());
        } catch (StatementPostException e) {
            throw ApiProblem.of(e.reason() == StatementPostException.Reason.MALFORMED ? Response.Status.BAD_REQUEST
                    : Response.Status.CONFLICT, e.getMessage());
        } catch (RecordImportException e) {
            throw ApiProblem.of(Response.Status.CONFLICT, e.getMessage());
        }
        return responses.rdf(request, stored);
    }
}
