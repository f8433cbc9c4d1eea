package org.smartcontainer.sampleapps.refill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.smartcontainer.sampleapps.refill.RefillSchedule.Fill;
import org.smartcontainer.sampleapps.refill.RefillSchedule.MedicationSupply;
import org.smartcontainer.sampleapps.refill.RefillSchedule.RunOut;

class RefillScheduleTest {

    private static final LocalDate TODAY = LocalDate.of(2012, 6, 1);

    private static Fill fill(String date, int days) {
        return new Fill(LocalDate.parse(date), days);
    }

    @Test
    void aSingleFillRunsOutItsDaysSupplyAfterItsDate() {
        RunOut r = RefillSchedule.of(List.of(new MedicationSupply("Lisinopril", List.of(fill("2012-05-20", 30)))), TODAY).get(0);
        assertEquals(LocalDate.of(2012, 6, 19), r.runsOutOn());
        assertEquals(18, r.daysLeft());
        assertFalse(r.late());
        assertEquals("Lisinopril: last filled 2012-05-20 for 30 days; runs out on 2012-06-19 (in 18 days)", r.describe());
    }

    @Test
    void anEarlyRefillCarriesTheRemainingDaysOver() {
        // 90 days from 2012-01-01 last until 2012-03-31; refilled on 2012-03-01 for 90 more: until 2012-06-29
        RunOut r = RefillSchedule.of(List.of(new MedicationSupply("Simvastatin",
                List.of(fill("2012-03-01", 90), fill("2012-01-01", 90)))), TODAY).get(0);
        assertEquals(LocalDate.of(2012, 6, 29), r.runsOutOn());
        assertEquals(LocalDate.of(2012, 3, 1), r.lastFill().date());
    }

    @Test
    void aGapBetweenFillsRestartsTheSupplyAtTheLaterFill() {
        RunOut r = RefillSchedule.of(List.of(new MedicationSupply("Metformin",
                List.of(fill("2011-01-01", 30), fill("2012-05-01", 30)))), TODAY).get(0);
        assertEquals(LocalDate.of(2012, 5, 31), r.runsOutOn());
        assertTrue(r.late());
        assertEquals("Metformin: last filled 2012-05-01 for 30 days; ran out on 2012-05-31 (1 days ago): LATE", r.describe());
    }

    @Test
    void medicationsWithoutUsableFillsAreLeftOutAndTheRestSortedBySoonestRunOut() {
        List<RunOut> runOuts = RefillSchedule.of(List.of(
                new MedicationSupply("No fills", List.of()),
                new MedicationSupply("Zero days", List.of(fill("2012-05-01", 0))),
                new MedicationSupply("Later", List.of(fill("2012-05-01", 90))),
                new MedicationSupply("Sooner", List.of(fill("2012-05-01", 10)))), TODAY);
        assertEquals(List.of("Sooner", "Later"), runOuts.stream().map(RunOut::medication).toList());
    }

    @Test
    void noMedicationsMeanNoRunOuts() {
        assertEquals(List.of(), RefillSchedule.of(List.of(), TODAY));
    }
}
