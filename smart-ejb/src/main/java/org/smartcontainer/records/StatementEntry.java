package org.smartcontainer.records;

import java.util.List;
import java.util.Map;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Value;

/**
 * One statement of a record found by type, with the values at the requested paths (its filter and
 * sort keys) but without its graph: the API filters and pages these, then loads only one page.
 *
 * @param uri the statement's public URI
 * @param values the values found at each requested path (empty list when absent)
 */
public record StatementEntry(IRI uri, Map<ValuePath, List<Value>> values) {

    public StatementEntry {
        values = Map.copyOf(values);
    }

    /** The values at a path that was requested. */
    public List<Value> values(ValuePath path) {
        return values.getOrDefault(path, List.of());
    }
}
