package org.smartcontainer.records.query;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.eclipse.rdf4j.model.BNode;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.ValueFactory;
import org.eclipse.rdf4j.model.impl.SimpleValueFactory;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.smartcontainer.ontology.ApiTerms;

/**
 * The paging metadata of a read response ({@code api:ResponseSummary}, api.md section 4.5), added to the
 * response graph as one blank node. Collections carry one even when empty.
 *
 * @param totalResultCount statements that passed the filters
 * @param resultsReturned statements in this response (neighbours not counted)
 * @param processingTimeMs time spent answering
 * @param resultOrder the statements in page order, only when the response is a page
 * @param nextPageUrl the URL of the following page, only when paged and more statements follow
 */
public record ResponseSummary(
        int totalResultCount,
        int resultsReturned,
        long processingTimeMs,
        Optional<List<IRI>> resultOrder,
        Optional<String> nextPageUrl) {

    /** {@code api:ResponseSummary}. */
    public static final IRI RESPONSE_SUMMARY = ApiTerms.api("ResponseSummary");
    /** {@code api:totalResultCount}. */
    public static final IRI TOTAL_RESULT_COUNT = ApiTerms.api("totalResultCount");
    /** {@code api:resultsReturned}. */
    public static final IRI RESULTS_RETURNED = ApiTerms.api("resultsReturned");
    /** {@code api:processingTimeMs}. */
    public static final IRI PROCESSING_TIME_MS = ApiTerms.api("processingTimeMs");
    /** {@code api:resultOrder}. */
    public static final IRI RESULT_ORDER = ApiTerms.api("resultOrder");
    /** {@code api:nextPageURL}. */
    public static final IRI NEXT_PAGE_URL = ApiTerms.api("nextPageURL");

    private static final ValueFactory VF = SimpleValueFactory.getInstance();

    public ResponseSummary {
        resultOrder = resultOrder.map(List::copyOf);
    }

    /**
     * The summary of a selection.
     *
     * @param selection what the query selected
     * @param requestUrl the absolute URL of the request without its query: {@code api_base} + path
     * @param parameters the request's query parameters, continued in {@code nextPageURL} (minus
     *     {@code oauth_*}, with {@code limit}/{@code offset} replaced)
     * @param processingTimeMs time spent so far
     */
    public static ResponseSummary of(Selection selection, String requestUrl, QueryParameters parameters,
            long processingTimeMs) {
        Optional<String> next = selection.nextPage().map(page -> requestUrl + "?" + parameters.withoutOAuth()
                .with(StatementQuery.LIMIT, Integer.toString(page.limit()))
                .with(StatementQuery.OFFSET, Integer.toString(page.offset()))
                .toQueryString());
        return new ResponseSummary(selection.totalResultCount(), selection.resultsReturned(), processingTimeMs,
                selection.paged() ? Optional.of(selection.statements()) : Optional.empty(), next);
    }

    /** Adds the summary to {@code graph} as a new blank node, which is returned. */
    public Resource addTo(Model graph) {
        BNode node = VF.createBNode();
        graph.add(node, RDF.TYPE, RESPONSE_SUMMARY);
        graph.add(node, TOTAL_RESULT_COUNT, VF.createLiteral(BigInteger.valueOf(totalResultCount)));
        graph.add(node, RESULTS_RETURNED, VF.createLiteral(BigInteger.valueOf(resultsReturned)));
        graph.add(node, PROCESSING_TIME_MS, VF.createLiteral(BigInteger.valueOf(processingTimeMs)));
        resultOrder.ifPresent(order -> graph.add(node, RESULT_ORDER, list(order, graph)));
        nextPageUrl.ifPresent(url -> graph.add(node, NEXT_PAGE_URL, VF.createLiteral(url)));
        return node;
    }

    /** A plain RDF collection ({@code rdf:first}/{@code rdf:rest}, no {@code rdf:type rdf:List}). */
    private static Resource list(List<IRI> items, Model graph) {
        Resource head = RDF.NIL;
        for (int i = items.size() - 1; i >= 0; i--) {
            BNode cell = VF.createBNode();
            graph.add(cell, RDF.FIRST, items.get(i));
            graph.add(cell, RDF.REST, head);
            head = cell;
        }
        return head;
    }
}
