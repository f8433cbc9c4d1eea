package org.smartcontainer.records.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every declared parameter is validated; a bad value is a typed error naming the parameter, never a 500. */
class QueryValidationTest {

    private static InvalidQueryException rejected(String call, String rawQuery) {
        return assertThrows(InvalidQueryException.class,
                () -> StatementQuery.of(SmartOntologyCalls.call(call), QueryParameters.parse(rawQuery)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2010-13", "2010-02-30", "10-05-2010", "2010-5", "2010-05-17T25:00:00Z",
        "2010-05-17T10", "2010-05-17T10:30:00+25:00", "2010%7C2011", "", "2010-05-17%20or%201=1"})
    void malformedDatesAreRejectedWithTheParameterNamed(String value) {
        InvalidQueryException e = rejected("get_medications", "date_from=" + value);
        assertEquals("date_from", e.parameter());
        assertTrue(e.getMessage().contains("date_from"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "get_lab_results; loinc=1234",
        "get_lab_results; loinc=2345-7%7C",
        "get_lab_results; loinc=2345-7%7C12",
        "get_medications; rxnorm=abc",
        "get_medications; rxnorm=123>%20%7D%20.%20?s%20?p%20?o",
        "get_medications; rxnorm=",
        "get_problems; snomed=1234567890123456789",
        "get_procedures; snomed=-1",
        "get_vital_sign_sets; encounter_type=spaceship",
        "get_vital_sign_sets; encounter_type=Inpatient"})
    void codesOutsideTheFilterPatternAreRejected(String call, String query) {
        InvalidQueryException e = rejected(call, query);
        assertTrue(e.getMessage().contains(e.parameter()), e.getMessage());
        assertTrue(e.getMessage().contains("not a valid code"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"limit=-1", "limit=0", "limit=ten", "limit=1.5", "limit=%2B3", "limit=9999999999",
        "offset=-5", "offset=x", "limit=10&limit=20"})
    void badLimitsAndOffsetsAreRejected(String query) {
        InvalidQueryException e = rejected("get_medications", query);
        assertTrue(e.getMessage().contains("'" + e.parameter() + "'"), e.getMessage());
    }

    @Test
    void aFilterGivenTwiceIsRejected() {
        assertEquals("rxnorm", rejected("get_medications", "rxnorm=1&rxnorm=2").parameter());
    }

    @Test
    void undeclaredParametersAreIgnored() {
        StatementQuery q = StatementQuery.of(SmartOntologyCalls.medications(),
                QueryParameters.parse("loinc=not-even-valid&oauth_token=abc&foo=bar&snomed=x"));
        assertTrue(q.conditions().isEmpty());
    }

    @Test
    void filtersAndPagingOfItemCallsAreIgnored() {
        StatementQuery q = StatementQuery.of(SmartOntologyCalls.call("get_medication"),
                QueryParameters.parse("date_from=nonsense&limit=-3"));
        assertTrue(q.conditions().isEmpty());
        assertEquals(Optional.empty(), q.page());
    }

    @Test
    void limitAndOffsetOfUnpagedCallsAreIgnored() {
        StatementQuery q = StatementQuery.of(SmartOntologyCalls.call("get_lab_panels"),
                QueryParameters.parse("limit=x"));
        assertEquals(Optional.empty(), q.page());
    }

    @Test
    void validValuesGiveTypedConditions() {
        StatementQuery q = StatementQuery.of(SmartOntologyCalls.call("get_lab_results"),
                QueryParameters.of(Map.of("loinc", List.of("13457-7|2089-1|18262-6"), "date_to", List.of("2010"),
                        "limit", List.of("5"), "offset", List.of("10"))));
        assertEquals(2, q.conditions().size());
        StatementCondition.CodeCondition loinc = q.conditions().stream()
                .filter(StatementCondition.CodeCondition.class::isInstance)
                .map(StatementCondition.CodeCondition.class::cast).findFirst().orElseThrow();
        assertEquals(3, loinc.codes().size());
        assertTrue(loinc.codes().stream().allMatch(c -> c.stringValue().startsWith("http://purl.bioontology.org/ontology/LNC/")));
        assertEquals(Optional.of(new Page(5, 10)), q.page());
        assertEquals(2, q.requiredPaths().size(), "loinc path, date path (also the sort path)");
    }
}
