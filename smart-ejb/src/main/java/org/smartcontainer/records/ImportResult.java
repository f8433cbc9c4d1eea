package org.smartcontainer.records;

import java.util.List;
import java.util.Map;

/**
 * What an import wrote.
 *
 * @param recordId the record created or replaced
 * @param replaced whether the record existed before (its previous data is gone)
 * @param statements statements written per data class local name (e.g. {@code Medication → 12})
 * @param triples quads written (all graphs, index included)
 * @param discardedTriples input triples not reachable from the record, dropped
 * @param files document files stored
 * @param warnings validation findings in {@link ValidationMode#REPORT} mode
 */
public record ImportResult(String recordId, boolean replaced, Map<String, Integer> statements, long triples,
        long discardedTriples, int files, List<String> warnings) {

    public ImportResult {
        statements = Map.copyOf(statements);
        warnings = List.copyOf(warnings);
    }

    /** The number of statements written, all classes together (the record itself not counted). */
    public int statementCount() {
        return statements.values().stream().mapToInt(Integer::intValue).sum();
    }
}
