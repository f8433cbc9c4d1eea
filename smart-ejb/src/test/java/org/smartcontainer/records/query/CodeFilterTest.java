package org.smartcontainer.records.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Value;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.smartcontainer.ontology.ApiCall;
import org.smartcontainer.ontology.ApiFilter;
import org.smartcontainer.ontology.SmartOntology;

/** Code filters (api.md section 4.3) with several {@code |}-separated codes against the sample patients. */
class CodeFilterTest {

    /** A code per parameter that fits its pattern but is used by no sample patient. */
    private static final Map<String, String> ABSENT_BUT_VALID = Map.of(
            "loinc", "0-0", "rxnorm", "0", "snomed", "0", "encounter_type", "emergency");

    static Stream<Arguments> codeFilters() {
        List<Arguments> result = new ArrayList<>();
        for (ApiCall call : SmartOntology.loadDefault().calls()) {
            for (ApiFilter f : call.filters()) {
                if (f.kind() == ApiFilter.FilterKind.CODE_MATCH) {
                    result.add(Arguments.of(call.clientMethodName(), f.parameterName()));
                }
            }
        }
        return result.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("codeFilters")
    void severalCodesSelectStatementsCodedWithAnyOfThem(String callName, String parameter) {
        ApiCall call = SmartOntology.loadDefault().call(callName).orElseThrow();
        ApiFilter filter = call.filter(parameter).orElseThrow();
        String prefix = filter.codeUriPrefix().orElseThrow();
        int records = 0;
        for (SampleRecord record : SampleRecord.all()) {
            List<IRI> statements = record.statements(call.target());
            Set<String> codes = new LinkedHashSet<>();
            for (IRI s : statements) {
                codesOf(record.graph(), s, filter.propertyPath()).stream().map(Value::stringValue)
                        .filter(c -> c.startsWith(prefix)).forEach(c -> codes.add(c.substring(prefix.length())));
            }
            if (codes.isEmpty()) {
                continue;
            }
            records++;
            List<String> chosen = codes.stream().limit(3).collect(Collectors.toList());
            chosen.add(ABSENT_BUT_VALID.get(parameter));
            String value = String.join("|", chosen);
            List<IRI> selected = StatementQuery.of(call, QueryParameters.parse(parameter + "=" + value))
                    .select(record.candidates(call.target())).statements();
            Set<IRI> expected = new HashSet<>();
            for (IRI s : statements) {
                for (Value code : codesOf(record.graph(), s, filter.propertyPath())) {
                    if (chosen.stream().anyMatch(c -> code.stringValue().equals(prefix + c))) {
                        expected.add(s);
                    }
                }
            }
            assertEquals(expected, new HashSet<>(selected), record + " " + parameter + "=" + value);
            assertTrue(expected.size() >= chosen.size() - 1, "each present code is used at least once");

            List<IRI> single = StatementQuery.of(call, QueryParameters.parse(parameter + "=" + chosen.get(0)))
                    .select(record.candidates(call.target())).statements();
            assertTrue(selected.containsAll(single), "| widens the selection");
            assertTrue(chosen.size() < 3 || single.size() < selected.size(), "| widens the selection");
        }
        assertTrue(records > 0, "no sample record has two codes for " + callName);
    }

    /** The oracle: walks the path by plain model filtering, one step at a time. */
    private static Set<Value> codesOf(Model graph, IRI statement, List<IRI> path) {
        Set<Value> current = Set.of(statement);
        for (IRI step : path) {
            Set<Value> next = new HashSet<>();
            for (Value v : current) {
                if (v instanceof Resource r) {
                    next.addAll(graph.filter(r, step, null).objects());
                }
            }
            current = next;
        }
        return current;
    }
}
