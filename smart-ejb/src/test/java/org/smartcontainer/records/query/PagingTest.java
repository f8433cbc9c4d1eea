package org.smartcontainer.records.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Literal;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.model.impl.SimpleValueFactory;
import org.eclipse.rdf4j.model.util.Models;
import org.eclipse.rdf4j.model.util.RDFCollections;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.smartcontainer.ontology.ApiCall;
import org.smartcontainer.ontology.SmartOntology;

/** Sorting, {@code limit}/{@code offset} and the {@code api:ResponseSummary} (api.md sections 4.4, 4.5). */
class PagingTest {

    private static final SimpleValueFactory VF = SimpleValueFactory.getInstance();

    static Stream<String> pagedCalls() {
        return SmartOntology.loadDefault().calls().stream().filter(c -> c.multiple() && c.paged())
                .map(ApiCall::clientMethodName);
    }

    @ParameterizedTest
    @MethodSource("pagedCalls")
    void followingNextPageUrlsGivesEveryStatementOnceInSortOrder(String callName) {
        ApiCall call = SmartOntologyCalls.call(callName);
        SampleRecord record = SampleRecord.all().stream()
                .max(Comparator.comparingInt((SampleRecord r) -> r.statements(call.target()).size())).orElseThrow();
        List<StatementFacts> candidates = record.candidates(call.target());
        List<IRI> all = StatementQuery.of(call, QueryParameters.none()).select(candidates).statements();
        assertEquals(candidates.size(), all.size());

        String base = SampleRecord.API_BASE + call.path().replace("{record_id}", record.recordId());
        String url = base + "?limit=3&oauth_consumer_key=app%40apps&oauth_signature=a%2Bb%3D";
        List<IRI> collected = new ArrayList<>();
        int pages = 0;
        while (url != null) {
            URI uri = URI.create(url);
            assertEquals(base, url.substring(0, url.indexOf('?')));
            QueryParameters parameters = QueryParameters.parse(uri.getRawQuery());
            Selection page = StatementQuery.of(call, parameters).select(candidates);
            ResponseSummary summary = ResponseSummary.of(page, base, parameters, 1);
            assertEquals(all.size(), summary.totalResultCount());
            assertEquals(Optional.of(page.statements()), summary.resultOrder());
            collected.addAll(page.statements());
            url = summary.nextPageUrl().orElse(null);
            if (url != null) {
                assertFalse(url.contains("oauth_"), url);
            }
            pages++;
        }
        assertEquals(all, collected);
        assertEquals(all.size(), new HashSet<>(collected).size());
        assertEquals(Math.max(1, (all.size() + 2) / 3), pages);
    }

    @Test
    void pagedResultsAreNewestFirstWithUndatedStatementsLastAndTiesByIri() {
        ApiCall call = SmartOntologyCalls.medications();
        PropertyPath startDate = PropertyPath.of(call.defaultSort().orElseThrow());
        List<StatementFacts> candidates = List.of(
                facts("a-undated", startDate, null),
                facts("b", startDate, "2009"),
                facts("c", startDate, "2011-03-01"),
                facts("d-tie", startDate, "2010-01-01"),
                facts("c-tie", startDate, "2010-01-01"),
                facts("0-undated", startDate, null));
        List<String> order = StatementQuery.of(call, QueryParameters.parse("limit=10")).select(candidates)
                .statements().stream().map(IRI::getLocalName).toList();
        assertEquals(List.of("c", "c-tie", "d-tie", "b", "0-undated", "a-undated"), order);
        List<String> secondPage = StatementQuery.of(call, QueryParameters.parse("limit=2&offset=4")).select(candidates)
                .statements().stream().map(IRI::getLocalName).toList();
        assertEquals(List.of("0-undated", "a-undated"), secondPage, "statements lacking the sort property are served");
    }

    @Test
    void sampleMedicationsAreSortedByStartDateDescending() {
        ApiCall call = SmartOntologyCalls.medications();
        for (SampleRecord record : SampleRecord.all()) {
            List<IRI> sorted = StatementQuery.of(call, QueryParameters.parse("limit=1000"))
                    .select(record.candidates(call.target())).statements();
            List<String> dates = sorted.stream().map(s -> Models.objectString(record.graph().filter(s,
                    call.defaultSort().get(), null)).orElse("")).toList();
            List<String> expected = new ArrayList<>(dates);
            expected.sort(Comparator.reverseOrder());
            assertEquals(expected, dates, record.toString());
        }
    }

    @Test
    void aResponseSummaryIsProducedForEmptyResults() {
        ApiCall call = SmartOntologyCalls.medications();
        for (String query : List.of("", "limit=5")) {
            Selection empty = StatementQuery.of(call, QueryParameters.parse(query)).select(List.of());
            Model graph = new LinkedHashModel();
            Resource node = ResponseSummary.of(empty, "http://x/records/1/medications/", QueryParameters.none(), 3)
                    .addTo(graph);
            assertTrue(graph.contains(node, RDF.TYPE, ResponseSummary.RESPONSE_SUMMARY));
            assertEquals(0, integer(graph, node, ResponseSummary.TOTAL_RESULT_COUNT));
            assertEquals(0, integer(graph, node, ResponseSummary.RESULTS_RETURNED));
            assertEquals(3, integer(graph, node, ResponseSummary.PROCESSING_TIME_MS));
            assertFalse(graph.contains(node, ResponseSummary.NEXT_PAGE_URL, null));
            assertEquals(!query.isEmpty(), graph.contains(node, ResponseSummary.RESULT_ORDER, RDF.NIL));
        }
    }

    @Test
    void theSummaryGraphListsThePageInOrderAndLinksTheNextPage() {
        ApiCall call = SmartOntologyCalls.medications();
        PropertyPath startDate = PropertyPath.of(call.defaultSort().orElseThrow());
        List<StatementFacts> candidates = List.of(facts("a", startDate, "2001"), facts("b", startDate, "2002"),
                facts("c", startDate, "2003"));
        QueryParameters parameters = QueryParameters.parse("limit=2&oauth_token=x");
        Selection page = StatementQuery.of(call, parameters).select(candidates);
        Model graph = new LinkedHashModel();
        Resource node = ResponseSummary.of(page, "http://x/records/1/medications/", parameters, 0).addTo(graph);
        assertEquals(3, integer(graph, node, ResponseSummary.TOTAL_RESULT_COUNT));
        assertEquals(2, integer(graph, node, ResponseSummary.RESULTS_RETURNED));
        Resource list = Models.objectResource(graph.filter(node, ResponseSummary.RESULT_ORDER, null)).orElseThrow();
        List<Value> order = RDFCollections.asValues(graph, list, new ArrayList<>());
        assertEquals(List.of("c", "b"), order.stream().map(v -> ((IRI) v).getLocalName()).toList());
        assertEquals(Optional.of("http://x/records/1/medications/?limit=2&offset=2"),
                Models.objectString(graph.filter(node, ResponseSummary.NEXT_PAGE_URL, null)));
    }

    @Test
    void nextPageUrlPercentEncodesValuesAndDropsOAuthParameters() {
        QueryParameters parameters = QueryParameters.of(List.of(
                new QueryParameters.Parameter("rxnorm", "123|456"),
                new QueryParameters.Parameter("oauth_signature", "abc="),
                new QueryParameters.Parameter("note", "a b&c=d/é"),
                new QueryParameters.Parameter("offset", "0"),
                new QueryParameters.Parameter("limit", "1"),
                new QueryParameters.Parameter("oauth_nonce", "n")));
        Selection first = new Selection(List.of(VF.createIRI("http://x/1")), 2, Optional.of(new Page(1, 0)));
        String next = ResponseSummary.of(first, "http://x/records/1/medications/", parameters, 0).nextPageUrl()
                .orElseThrow();
        assertEquals("http://x/records/1/medications/?rxnorm=123%7C456&note=a%20b%26c%3Dd%2F%C3%A9&limit=1&offset=1",
                next);
        QueryParameters back = QueryParameters.parse(URI.create(next).getRawQuery());
        assertEquals(List.of("a b&c=d/é"), back.values("note"));
        assertEquals(List.of("123|456"), back.values("rxnorm"));
    }

    @Test
    void thereIsNoNextPageAfterTheLastOneAndAnOffsetPastTheEndIsEmpty() {
        Selection last = new Selection(List.of(VF.createIRI("http://x/2")), 2, Optional.of(new Page(1, 1)));
        assertEquals(Optional.empty(), ResponseSummary.of(last, "http://x/", QueryParameters.none(), 0).nextPageUrl());
        ApiCall call = SmartOntologyCalls.medications();
        PropertyPath startDate = PropertyPath.of(call.defaultSort().orElseThrow());
        Selection beyond = StatementQuery.of(call, QueryParameters.parse("limit=5&offset=50"))
                .select(List.of(facts("a", startDate, "2001")));
        assertEquals(0, beyond.resultsReturned());
        assertEquals(1, beyond.totalResultCount());
        assertEquals(Optional.empty(), beyond.nextPage());
    }

    @Test
    void withoutALimitEverythingIsServedWithoutResultOrder() {
        ApiCall call = SmartOntologyCalls.medications();
        PropertyPath startDate = PropertyPath.of(call.defaultSort().orElseThrow());
        Selection all = StatementQuery.of(call, QueryParameters.parse("offset=1"))
                .select(List.of(facts("a", startDate, "2001"), facts("b", startDate, "2002")));
        assertEquals(2, all.resultsReturned());
        ResponseSummary summary = ResponseSummary.of(all, "http://x/", QueryParameters.none(), 0);
        assertEquals(Optional.empty(), summary.resultOrder());
        assertEquals(Optional.empty(), summary.nextPageUrl());
    }

    @Test
    void theContainerDefaultLimitAppliesAndTheMaximumCapsRequests() {
        ApiCall call = SmartOntologyCalls.medications();
        PagingPolicy policy = new PagingPolicy(OptionalInt.of(20), OptionalInt.of(50));
        assertEquals(Optional.of(new Page(20, 0)), StatementQuery.of(call, QueryParameters.none(), policy).page());
        assertEquals(Optional.of(new Page(50, 5)),
                StatementQuery.of(call, QueryParameters.parse("limit=500&offset=5"), policy).page());
    }

    @Test
    void unpagedCollectionsAreServedWhole() {
        ApiCall call = SmartOntologyCalls.call("get_family_history_observations");
        StatementQuery q = StatementQuery.of(call, QueryParameters.parse("limit=1"));
        assertEquals(Optional.empty(), q.page());
        assertEquals(Optional.empty(), q.sortPath());
    }

    private static StatementFacts facts(String name, PropertyPath path, String date) {
        IRI iri = VF.createIRI("http://x/records/1/medications/" + name);
        return StatementFacts.of(iri, date == null ? Map.of() : Map.of(path, List.of(VF.createLiteral(date))));
    }

    private static int integer(Model graph, Resource node, IRI property) {
        return Models.objectLiteral(graph.filter(node, property, null)).map(Literal::intValue).orElseThrow();
    }
}
