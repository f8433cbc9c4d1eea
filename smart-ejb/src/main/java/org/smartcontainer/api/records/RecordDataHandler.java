package org.smartcontainer.api.records;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.Set;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.impl.SimpleValueFactory;
import org.smartcontainer.api.core.ApiRequest;
import org.smartcontainer.api.core.Responses;
import org.smartcontainer.api.core.SmartApi;
import org.smartcontainer.api.core.ApiAnswer;
import org.smartcontainer.api.core.ApiFailure;
import org.smartcontainer.api.core.RouteHandler;
import org.smartcontainer.api.routing.Handler;
import org.smartcontainer.ontology.SmartTerms;
import org.smartcontainer.records.RecordStore;
import org.smartcontainer.records.query.RecordReader;
import org.smartcontainer.records.query.StatementQuery;

/**
 * The generic record reads (api.md 4.1, 4.8): collections, items and singletons of any statement class the
 * ontology routes, and allergies with their exclusions (4.6).
 */
@ApplicationScoped
public class RecordDataHandler implements RouteHandler {

    /** {@code sp:AllergyExclusion}: "no known allergies", served with every allergy collection. */
    static final IRI ALLERGY_EXCLUSION = SmartTerms.sp("AllergyExclusion");

    @Inject
    RecordStore store;

    @Inject
    SmartApi api;

    @Inject
    Responses responses;

    private RecordReader reader;

    @PostConstruct
    void init() {
        reader = new RecordReader(store);
    }

    /** The reader over the container's store. */
    public RecordReader reader() {
        return reader;
    }

    @Override
    public Set<Handler> serves() {
        return EnumSet.of(Handler.RECORD_ITEMS, Handler.RECORD_ITEM, Handler.ALLERGIES);
    }

    @Override
    public ApiAnswer answer(ApiRequest request) {
        return switch (request.match().route().handler()) {
            case RECORD_ITEMS -> collection(request);
            case RECORD_ITEM -> item(request);
            default -> allergies(request);
        };
    }

    /** {@code 404} unless the record exists. */
    public void requireRecord(ApiRequest request) {
        if (!store.exists(request.recordId())) {
            throw ApiFailure.notFound("No record " + request.recordId());
        }
    }

    /** A collection: filtered, sorted, paged, with neighbours and a summary. */
    public ApiAnswer collection(ApiRequest request) {
        return responses.recordRead(request, () -> collectionGraph(request));
    }

    /** The collection graph of a request (also used by the document handler). */
    public Model collectionGraph(ApiRequest request) {
        requireRecord(request);
        StatementQuery query = StatementQuery.of(request.match().route().call(), request.parameters(), api.paging());
        return reader.collection(request.recordId(), query, request.url(), request.parameters(), request.apiBase());
    }

    /** One statement (or a singleton such as demographics) by the URI the request path names. */
    public ApiAnswer item(ApiRequest request) {
        return responses.recordRead(request, () -> itemGraph(request));
    }

    /** The graph of the item a request names; {@code 404} if the record has no such statement of that type. */
    public Model itemGraph(ApiRequest request) {
        requireRecord(request);
        IRI uri = SimpleValueFactory.getInstance().createIRI(request.url());
        IRI type = request.match().route().call().target();
        return reader.item(request.recordId(), type, uri, request.apiBase())
                .orElseThrow(() -> ApiFailure.notFound("Record " + request.recordId() + " has no "
                        + type.getLocalName() + " " + request.match().path()));
    }

    /**
     * Allergies: the allergy collection as asked (filters, paging, its summary) plus every allergy exclusion
     * of the record on every page, unfiltered and not counted (one summary, for the allergies).
     */
    public ApiAnswer allergies(ApiRequest request) {
        return responses.recordRead(request, () -> {
            Model graph = collectionGraph(request);
            graph.addAll(reader.all(request.recordId(), ALLERGY_EXCLUSION, request.apiBase()));
            return graph;
        });
    }
}
