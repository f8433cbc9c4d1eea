package org.smartcontainer.records.query;

import java.util.List;
import java.util.Map;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Value;

/**
 * What the query needs to know about one candidate statement: its IRI and the values at the property paths
 * of {@link StatementQuery#requiredPaths()}. This is the seam a record store implements: it may answer
 * from a precomputed index ({@link #of(IRI, Map)}, phase one without loading graphs) or from the loaded
 * graph ({@link #inGraph(IRI, Model)}).
 */
public interface StatementFacts {

    /** The statement's IRI. */
    IRI statement();

    /** The values reached from the statement along {@code path} (empty if none). */
    List<Value> valuesAt(PropertyPath path);

    /** Facts given as precomputed values per path; paths not in the map have no values. */
    static StatementFacts of(IRI statement, Map<PropertyPath, List<Value>> valuesByPath) {
        Map<PropertyPath, List<Value>> copy = Map.copyOf(valuesByPath);
        return new StatementFacts() {
            @Override
            public IRI statement() {
                return statement;
            }

            @Override
            public List<Value> valuesAt(PropertyPath path) {
                return copy.getOrDefault(path, List.of());
            }

            @Override
            public String toString() {
                return statement + " " + copy;
            }
        };
    }

    /**
     * Facts read by following paths inside a graph that holds the statement's triples (and, for paths
     * crossing into linked statements, theirs too).
     */
    static StatementFacts inGraph(IRI statement, Model graph) {
        return new GraphStatementFacts(statement, graph);
    }
}
