package org.smartcontainer.records.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.impl.SimpleValueFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.smartcontainer.ontology.ApiCall;
import org.smartcontainer.ontology.ApiFilter;
import org.smartcontainer.ontology.DateBound;
import org.smartcontainer.ontology.SmartOntology;

/**
 * Date filters (api.md section 4.2) against the sample patients, checked against an independent model of the
 * rule: a partial date denotes a period; lower bounds compare with the item's latest instant, upper bounds
 * with its earliest.
 */
class DateFilterTest {

    static Stream<Arguments> dateFilters() {
        List<Arguments> result = new ArrayList<>();
        for (ApiCall call : SmartOntology.loadDefault().calls()) {
            for (ApiFilter f : call.filters()) {
                if (f.kind() == ApiFilter.FilterKind.DATE_RANGE) {
                    result.add(Arguments.of(call.clientMethodName(), f.parameterName()));
                }
            }
        }
        return result.stream();
    }

    @Test
    void everyDateFilteredCallOfSection42HasTheSixParameters() {
        assertEquals(9 * 6, dateFilters().count());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dateFilters")
    void yearMonthDateAndDateTimeValuesSelectLikeThePeriodTheyDenote(String callName, String parameter) {
        ApiCall call = SmartOntology.loadDefault().call(callName).orElseThrow();
        ApiFilter filter = call.filter(parameter).orElseThrow();
        PropertyPath datePath = new PropertyPath(filter.propertyPath());
        int checkedRecords = 0;
        int keptSomewhere = 0;
        for (SampleRecord record : SampleRecord.all()) {
            List<StatementFacts> candidates = record.candidates(call.target());
            if (candidates.isEmpty()) {
                continue;
            }
            checkedRecords++;
            for (String value : valuesAround(candidates, datePath)) {
                StatementQuery query = StatementQuery.of(call, QueryParameters.of(Map.of(parameter, List.of(value))));
                Set<IRI> selected = new HashSet<>(query.select(candidates).statements());
                Set<IRI> expected = new HashSet<>();
                for (StatementFacts c : candidates) {
                    if (keptByPeriods(filter.dateBound().orElseThrow(), value, c.valuesAt(datePath))) {
                        expected.add(c.statement());
                    }
                }
                assertEquals(expected, selected, record + " " + parameter + "=" + value);
                keptSomewhere += selected.isEmpty() ? 0 : 1;
            }
        }
        assertTrue(checkedRecords > 0, "no sample data for " + callName);
        assertTrue(keptSomewhere > 0, "the filter never kept anything for " + callName);
    }

    /** Year, year-month, date and date-time values (with and without offset) around the record's own dates. */
    private static List<String> valuesAround(List<StatementFacts> candidates, PropertyPath path) {
        List<String> dates = candidates.stream().flatMap(c -> c.valuesAt(path).stream()).map(Value::stringValue)
                .filter(d -> d.length() >= 10).map(d -> d.substring(0, 10)).sorted().toList();
        if (dates.isEmpty()) {
            return List.of("2008", "2008-06", "2008-06-15", "2008-06-15T12:00:00Z");
        }
        String d = dates.get(dates.size() / 2);
        String dayBefore = LocalDate.parse(d).minusDays(1).toString();
        return List.of(d.substring(0, 4), d.substring(0, 7), d, dayBefore, d + "T00:00:00Z", d + "T23:59:59Z",
                d + "T12:00:00+05:00", d + "T10:30");
    }

    private static boolean keptByPeriods(DateBound bound, String value, List<Value> itemDates) {
        LocalDateTime[] v = period(value);
        for (Value item : itemDates) {
            LocalDateTime[] i = period(item.stringValue());
            boolean kept = switch (bound) {
                case FROM_INCLUDING -> !i[1].isBefore(v[0]);
                case FROM_EXCLUDING -> i[1].isAfter(v[1]);
                case TO_INCLUDING -> !i[0].isAfter(v[1]);
                case TO_EXCLUDING -> i[0].isBefore(v[0]);
            };
            if (kept) {
                return true;
            }
        }
        return false;
    }

    /** First and last second (UTC) of the period a date prefix denotes. */
    static LocalDateTime[] period(String text) {
        if (text.length() == 4) {
            int y = Integer.parseInt(text);
            return new LocalDateTime[] {LocalDateTime.of(y, 1, 1, 0, 0), LocalDateTime.of(y, 12, 31, 23, 59, 59)};
        }
        if (text.length() == 7) {
            YearMonth ym = YearMonth.parse(text);
            return new LocalDateTime[] {ym.atDay(1).atStartOfDay(), ym.atEndOfMonth().atTime(23, 59, 59)};
        }
        if (text.length() == 10) {
            LocalDate d = LocalDate.parse(text);
            return new LocalDateTime[] {d.atStartOfDay(), d.atTime(23, 59, 59)};
        }
        if (text.length() == 16) {
            LocalDateTime t = LocalDateTime.parse(text);
            return new LocalDateTime[] {t, t.plusSeconds(59)};
        }
        LocalDateTime t = OffsetDateTime.parse(text).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        return new LocalDateTime[] {t, t};
    }

    // ---- the rules spelled out on small examples ---------------------------------------------------------

    private static final IRI A = SimpleValueFactory.getInstance().createIRI("http://localhost/records/1/medications/a");
    private static final IRI B = SimpleValueFactory.getInstance().createIRI("http://localhost/records/1/medications/b");
    private static final IRI C = SimpleValueFactory.getInstance().createIRI("http://localhost/records/1/medications/c");
    private static final IRI UNDATED = SimpleValueFactory.getInstance()
            .createIRI("http://localhost/records/1/medications/undated");

    private static List<StatementFacts> medications() {
        PropertyPath startDate = sortPath();
        return List.of(
                StatementFacts.of(A, Map.of(startDate, List.of(literal("2009-12-31")))),
                StatementFacts.of(B, Map.of(startDate, List.of(literal("2010-05-17")))),
                StatementFacts.of(C, Map.of(startDate, List.of(literal("2011-01-01T00:30:00-01:00")))),
                StatementFacts.of(UNDATED, Map.of()));
    }

    private static PropertyPath sortPath() {
        return PropertyPath.of(SmartOntologyCalls.medications().defaultSort().orElseThrow());
    }

    private static Value literal(String s) {
        return SimpleValueFactory.getInstance().createLiteral(s);
    }

    private static List<IRI> select(String parameter, String value) {
        return StatementQuery.of(SmartOntologyCalls.medications(),
                QueryParameters.parse(parameter + "=" + value)).select(medications()).statements();
    }

    @Test
    void dateToAYearKeepsTheWholeYear() {
        assertEquals(List.of(B, A), select("date_to", "2010"));
    }

    @Test
    void dateToExcludingAYearKeepsOnlyWhatIsBeforeIt() {
        assertEquals(List.of(A), select("date_to_excluding", "2010"));
    }

    @Test
    void dateFromExcludingAMonthKeepsWhatIsAfterTheMonth() {
        assertEquals(List.of(C), select("date_from_excluding", "2010-05"));
        assertEquals(List.of(C, B), select("date_from_excluding", "2010-04"));
    }

    @Test
    void dateFromIncludingADayKeepsThatDay() {
        assertEquals(List.of(C, B), select("date_from", "2010-05-17"));
        assertEquals(List.of(C, B), select("date_from_including", "2010-05-17"));
    }

    @Test
    void timestampsWithOffsetsAreComparedInUtc() {
        // 2011-01-01T00:30-01:00 is 01:30Z: after 01:00Z although its text sorts before it
        assertEquals(List.of(C), select("date_from", "2011-01-01T01:00:00Z"));
        assertEquals(List.of(B, A), select("date_to_excluding", "2011-01-01T02:30:00%2B01:00"));
    }

    @Test
    void statementsWithoutTheDateAreExcludedByAnyDateFilter() {
        assertTrue(!select("date_from", "1900").contains(UNDATED));
        assertTrue(!select("date_to", "2999").contains(UNDATED));
    }

    @Test
    void severalDateFiltersAreAnded() {
        assertEquals(List.of(B), StatementQuery.of(SmartOntologyCalls.medications(),
                QueryParameters.parse("date_from=2010&date_to_excluding=2010-12-31T23:00:00Z"))
                .select(medications()).statements());
    }
}
