package org.smartcontainer.api.records;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.Set;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.smartcontainer.api.core.ApiRequest;
import org.smartcontainer.api.core.Responses;
import org.smartcontainer.api.core.ApiAnswer;
import org.smartcontainer.api.core.ApiFailure;
import org.smartcontainer.api.core.RouteHandler;
import org.smartcontainer.api.routing.Handler;
import org.smartcontainer.records.RecordQuery;
import org.smartcontainer.records.RecordStore;
import org.smartcontainer.records.RecordSummary;
import org.smartcontainer.records.query.QueryParameters;

/**
 * {@code GET /records/search} (api.md 6.4): the demographics of every matching record. Parameters:
 * {@code given_name}, {@code family_name}, {@code gender} (case-insensitive prefixes),
 * {@code medical_record_number}, {@code zipcode} (case-insensitive exact), {@code birthday} or
 * {@code date_of_birth} (exact); {@code app_id} is ignored; raw {@code sparql} is refused.
 */
@ApplicationScoped
public class RecordSearchHandler implements RouteHandler {

    @Inject
    RecordStore store;

    @Inject
    Responses responses;

    @Override
    public Set<Handler> serves() {
        return EnumSet.of(Handler.RECORD_SEARCH);
    }

    /** The demographics graphs of the matching records, no summary. */
    @Override
    public ApiAnswer answer(ApiRequest request) {
        QueryParameters p = request.parameters();
        if (!p.values("sparql").isEmpty()) {
            throw ApiFailure.badRequest("Parameter 'sparql' is not supported; search by the named parameters");
        }
        RecordQuery query = RecordQuery.all()
                .givenName(p.single("given_name").orElse(null))
                .familyName(p.single("family_name").orElse(null))
                .gender(p.single("gender").orElse(null))
                .medicalRecordNumber(p.single("medical_record_number").orElse(null))
                .zipcode(p.single("zipcode").orElse(null))
                .birthDate(p.single("birthday").or(() -> p.single("date_of_birth")).orElse(null));
        Model graph = new LinkedHashModel();
        for (RecordSummary record : store.search(query)) {
            store.readDemographics(record.recordId(), request.apiBase()).ifPresent(graph::addAll);
        }
        return responses.rdf(request, graph);
    }
}
