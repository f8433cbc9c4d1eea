package org.smartcontainer.api.records;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.Set;
import org.eclipse.rdf4j.model.Model;
import org.smartcontainer.api.core.ApiRequest;
import org.smartcontainer.api.core.Responses;
import org.smartcontainer.api.core.SmartApi;
import org.smartcontainer.api.core.ApiAnswer;
import org.smartcontainer.api.core.ApiFailure;
import org.smartcontainer.api.core.RouteHandler;
import org.smartcontainer.api.routing.Handler;
import org.smartcontainer.records.RecordImportException;
import org.smartcontainer.records.RecordStore;
import org.smartcontainer.records.write.StatementPost;
import org.smartcontainer.records.write.StatementPostException;

/**
 * {@code POST .../clinical_notes/} (api.md 10): one blank-node note as RDF/XML, checked by
 * {@link StatementPost}, named and attached to the record by the store; {@code 200} with the stored graph.
 */
@ApplicationScoped
public class ClinicalNoteHandler implements RouteHandler {

    @Inject
    SmartApi api;

    @Inject
    RecordStore store;

    @Inject
    RecordDataHandler records;

    @Inject
    Responses responses;

    @Override
    public Set<Handler> serves() {
        return EnumSet.of(Handler.RECORD_POST);
    }

    /** Stores the posted statement. */
    @Override
    public ApiAnswer answer(ApiRequest request) {
        byte[] body = request.body();
        records.requireRecord(request);
        StatementPost rules = api.posts();
        Model stored;
        try {
            Model graph = rules.parse(body);
            rules.check(graph, request.match().route().call().target(), request.recordId(), request.apiBase());
            stored = store.addStatements(request.recordId(), graph, request.apiBase());
        } catch (StatementPostException e) {
            throw ApiFailure.of(e.reason() == StatementPostException.Reason.MALFORMED ? 400
                    : 409, e.getMessage());
        } catch (RecordImportException e) {
            throw ApiFailure.of(409, e.getMessage());
        }
        return responses.rdf(request, stored);
    }
}
