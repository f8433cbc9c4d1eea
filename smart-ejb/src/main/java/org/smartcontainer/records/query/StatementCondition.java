package org.smartcontainer.records.query;

import java.util.List;
import java.util.Set;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Value;
import org.smartcontainer.ontology.DateBound;

/** One validated filter of a collection request; a statement is kept when it satisfies all of them. */
public sealed interface StatementCondition {

    /** The query parameter the condition came from. */
    String parameter();

    /** Where the tested values are, relative to the statement. */
    PropertyPath path();

    /** Whether a statement with these values at {@link #path()} is kept. */
    boolean test(List<Value> values);

    /**
     * A date filter (api.md section 4.2): padded lexicographic comparison. Statements without the date are
     * never kept.
     *
     * @param parameter e.g. {@code date_from}
     * @param path the date property
     * @param bound which side of the range the value bounds
     * @param value the validated, normalized filter value
     */
    record DateCondition(String parameter, PropertyPath path, DateBound bound, IsoDatePrefix value)
            implements StatementCondition {

        @Override
        public boolean test(List<Value> values) {
            String limit = switch (bound) {
                case FROM_INCLUDING, TO_EXCLUDING -> value.paddedLow();
                case FROM_EXCLUDING, TO_INCLUDING -> value.paddedHigh();
            };
            for (Value v : values) {
                String item = IsoDatePrefix.comparableForm(v.stringValue());
                boolean kept = switch (bound) {
                    case FROM_INCLUDING -> IsoDatePrefix.pad(item, IsoDatePrefix.UPPER_BOUND).compareTo(limit) >= 0;
                    case FROM_EXCLUDING -> IsoDatePrefix.pad(item, IsoDatePrefix.UPPER_BOUND).compareTo(limit) > 0;
                    case TO_INCLUDING -> IsoDatePrefix.pad(item, IsoDatePrefix.LOWER_BOUND).compareTo(limit) <= 0;
                    case TO_EXCLUDING -> IsoDatePrefix.pad(item, IsoDatePrefix.LOWER_BOUND).compareTo(limit) < 0;
                };
                if (kept) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * A code filter (api.md section 4.3): the code URI at the path equals one of the requested codes.
     *
     * @param parameter e.g. {@code rxnorm}
     * @param path e.g. {@code sp:drugName/sp:code}
     * @param codes the code URIs built from the {@code |}-separated values (any one matches)
     */
    record CodeCondition(String parameter, PropertyPath path, Set<IRI> codes) implements StatementCondition {

        public CodeCondition {
            codes = Set.copyOf(codes);
        }

        @Override
        public boolean test(List<Value> values) {
            for (Value v : values) {
                if (v instanceof IRI iri && codes.contains(iri)) {
                    return true;
                }
            }
            return false;
        }
    }
}
