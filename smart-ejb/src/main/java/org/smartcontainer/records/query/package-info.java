/**
 * Read semantics of the SMART REST API, independent of any record store: validating a request's filters
 * and paging against its ontology call ({@link org.smartcontainer.records.query.StatementQuery}), filtering,
 * sorting and paging statements, the {@code api:ResponseSummary}
 * ({@link org.smartcontainer.records.query.ResponseSummary}) and neighbour expansion
 * ({@link org.smartcontainer.records.query.NeighbourExpansion}). See api.md sections 4.1 to 4.5.
 *
 * <h2>How a record store uses it: two phases</h2>
 * <ol>
 * <li><b>Select</b>: {@code StatementQuery.of(call, parameters)} validates the request (an
 * {@link org.smartcontainer.records.query.InvalidQueryException} means {@code 400}). The store lists the
 * candidate statements of the record and target class as
 * {@link org.smartcontainer.records.query.StatementFacts}: the statement IRI plus the values at
 * {@code query.requiredPaths()} (filter paths and the sort property). A store can answer those from an
 * index or one SPARQL query without loading any graph ({@code StatementFacts.of(iri, valuesByPath)}), or
 * from loaded graphs ({@code StatementFacts.inGraph(iri, graph)}). {@code query.select(candidates)} then
 * filters, sorts (descending by the sort property, statements lacking it last, ties by IRI) and pages,
 * giving a {@link org.smartcontainer.records.query.Selection}.</li>
 * <li><b>Load</b>: the store loads the graphs of the selected statements only, adds those of
 * {@code NeighbourExpansion.neighboursOf(...)}, and adds {@code ResponseSummary.of(selection, url,
 * parameters, ms).addTo(graph)}.</li>
 * </ol>
 * This keeps the semantics (padding rules of date filters, code lists, sort order, {@code nextPageURL}
 * encoding) in one place while letting each backend decide how to fetch; no value is ever spliced into a
 * query string, a store binds the code IRIs and dates of the conditions as values if it pushes filters down.
 */
package org.smartcontainer.records.query;
