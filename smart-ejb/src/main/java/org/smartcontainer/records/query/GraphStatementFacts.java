package org.smartcontainer.records.query;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.Value;

/** {@link StatementFacts} answered by walking property paths through an RDF4J model. */
final class GraphStatementFacts implements StatementFacts {

    private final IRI statement;
    private final Model graph;

    GraphStatementFacts(IRI statement, Model graph) {
        this.statement = statement;
        this.graph = graph;
    }

    @Override
    public IRI statement() {
        return statement;
    }

    @Override
    public List<Value> valuesAt(PropertyPath path) {
        Set<Value> current = Set.of(statement);
        for (IRI step : path.steps()) {
            Set<Value> next = new LinkedHashSet<>();
            for (Value v : current) {
                if (v instanceof Resource subject) {
                    for (Statement st : graph.getStatements(subject, step, null)) {
                        next.add(st.getObject());
                    }
                }
            }
            if (next.isEmpty()) {
                return List.of();
            }
            current = next;
        }
        return new ArrayList<>(current);
    }

    @Override
    public String toString() {
        return "facts of " + statement + " in a graph of " + graph.size() + " triples";
    }
}
