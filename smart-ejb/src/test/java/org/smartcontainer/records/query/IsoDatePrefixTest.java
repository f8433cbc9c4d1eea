package org.smartcontainer.records.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IsoDatePrefixTest {

    @ParameterizedTest
    @CsvSource({
        "2010, 2010, 2010-01-01T00:00:00Z, 2010-12-31T23:59:59Z",
        "2010-05, 2010-05, 2010-05-01T00:00:00Z, 2010-05-31T23:59:59Z",
        "2010-05-17, 2010-05-17, 2010-05-17T00:00:00Z, 2010-05-17T23:59:59Z",
        "2010-05-17T10:30, 2010-05-17T10:30, 2010-05-17T10:30:00Z, 2010-05-17T10:30:59Z",
        "2010-05-17T10:30:15Z, 2010-05-17T10:30:15Z, 2010-05-17T10:30:15Z, 2010-05-17T10:30:15Z",
        "2007-07-18T12:49:00.000+01:00, 2007-07-18T11:49:00Z, 2007-07-18T11:49:00Z, 2007-07-18T11:49:00Z",
        "2010-01-01T00:30:00+0100, 2009-12-31T23:30:00Z, 2009-12-31T23:30:00Z, 2009-12-31T23:30:00Z"})
    void prefixesNormalizeAndPadToThePeriodTheyDenote(String text, String normalized, String low, String high) {
        IsoDatePrefix d = IsoDatePrefix.parse(text).orElseThrow();
        assertEquals(normalized, d.normalized());
        assertEquals(low, d.paddedLow());
        assertEquals(high, d.paddedHigh());
    }

    @Test
    void invalidCalendarDatesAreNotPrefixes() {
        assertTrue(IsoDatePrefix.parse("2011-02-29").isEmpty());
        assertTrue(IsoDatePrefix.parse("2012-02-29").isPresent());
        assertTrue(IsoDatePrefix.parse("2010-00").isEmpty());
    }

    @Test
    void unparsableDataDatesCompareAsWritten() {
        assertEquals("circa 1999", IsoDatePrefix.comparableForm("circa 1999"));
    }
}
