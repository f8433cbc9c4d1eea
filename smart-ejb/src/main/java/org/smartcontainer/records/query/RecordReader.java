package org.smartcontainer.records.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Value;
import org.smartcontainer.records.RecordStore;
import org.smartcontainer.records.StatementEntry;
import org.smartcontainer.records.ValuePath;

/**
 * The read side of the SMART API over any {@link RecordStore}, in the two phases of this package: select
 * (list candidates with their filter and sort keys, filter, sort, page) and load (the selected graphs with
 * their one-hop neighbours), then the {@link ResponseSummary}. Thread-safe if the store is.
 */
public final class RecordReader {

    private final RecordStore store;

    /** A reader over {@code store}. */
    public RecordReader(RecordStore store) {
        this.store = store;
    }

    /** Phase one: the statements of the record the query keeps, in response order. */
    public Selection select(String recordId, StatementQuery query, String apiBase) {
        List<PropertyPath> paths = List.copyOf(query.requiredPaths());
        List<ValuePath> valuePaths = paths.stream().map(p -> new ValuePath(p.steps())).toList();
        List<StatementEntry> entries = store.listStatements(recordId, query.target(), valuePaths, apiBase);
        List<StatementFacts> candidates = new ArrayList<>(entries.size());
        for (StatementEntry entry : entries) {
            Map<PropertyPath, List<Value>> values = new LinkedHashMap<>();
            for (int i = 0; i < paths.size(); i++) {
                values.put(paths.get(i), entry.values(valuePaths.get(i)));
            }
            candidates.add(StatementFacts.of(entry.uri(), values));
        }
        return query.select(candidates);
    }

    /**
     * A collection response (api.md 4.1): the selected statements' graphs, their neighbours and a summary
     * (also when nothing was selected).
     *
     * @param requestUrl {@code api_base} + request path, continued in {@code nextPageURL}
     */
    public Model collection(String recordId, StatementQuery query, String requestUrl, QueryParameters parameters,
            String apiBase) {
        long start = System.nanoTime();
        Selection selection = select(recordId, query, apiBase);
        Model graph = store.readStatements(recordId, selection.statements(), apiBase);
        ResponseSummary.of(selection, requestUrl, parameters, (System.nanoTime() - start) / 1_000_000).addTo(graph);
        return graph;
    }

    /** Every statement of a class in the record, unfiltered and without a summary (allergy exclusions). */
    public Model all(String recordId, IRI type, String apiBase) {
        Selection selection = select(recordId, StatementQuery.unfiltered(type), apiBase);
        return store.readStatements(recordId, selection.statements(), apiBase);
    }

    /**
     * A single-item response (api.md 4.8): the statement of exactly this type in the record with its
     * neighbours and a summary counting it; empty if the record has no such statement.
     */
    public Optional<Model> item(String recordId, IRI type, IRI statement, String apiBase) {
        long start = System.nanoTime();
        Optional<Model> graph = store.readStatement(recordId, type, statement, apiBase);
        graph.ifPresent(g -> itemSummary(start).addTo(g));
        return graph;
    }

    /** The record's demographics with a summary counting them; empty for an unknown record. */
    public Optional<Model> demographics(String recordId, String apiBase) {
        long start = System.nanoTime();
        Optional<Model> graph = store.readDemographics(recordId, apiBase);
        graph.ifPresent(g -> itemSummary(start).addTo(g));
        return graph;
    }

    private static ResponseSummary itemSummary(long start) {
        return new ResponseSummary(1, 1, (System.nanoTime() - start) / 1_000_000, Optional.empty(), Optional.empty());
    }
}
