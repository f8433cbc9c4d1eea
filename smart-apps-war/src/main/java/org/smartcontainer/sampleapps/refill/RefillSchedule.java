package org.smartcontainer.sampleapps.refill;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * When each medication runs out, from its fulfillments (modelled on the reference's rx_reminder, which
 * took the last fill date plus its days' supply). Here an early refill carries the remaining days over:
 * supply lasts until {@code max(end of the previous supply, fill date) + days' supply}, fill by fill.
 */
public final class RefillSchedule {

    private RefillSchedule() {
    }

    /** One dispense: its date and its days' supply. */
    public record Fill(LocalDate date, int daysSupply) {
    }

    /** A medication's name and its dispenses, in any order. */
    public record MedicationSupply(String name, List<Fill> fills) {
    }

    /**
     * When a medication runs out.
     *
     * @param lastFill the latest fill
     * @param runsOutOn the first day without supply
     * @param daysLeft days from today until then (negative: ran out that many days ago)
     */
    public record RunOut(String medication, Fill lastFill, LocalDate runsOutOn, long daysLeft) {

        /** Whether the supply ran out before today. */
        public boolean late() {
            return daysLeft < 0;
        }

        /** One line for a note. */
        public String describe() {
            String when = late() ? "ran out on " + runsOutOn + " (" + -daysLeft + " days ago): LATE"
                    : daysLeft == 0 ? "runs out today, " + runsOutOn
                    : "runs out on " + runsOutOn + " (in " + daysLeft + " days)";
            return medication + ": last filled " + lastFill.date() + " for " + lastFill.daysSupply() + " days; " + when;
        }
    }

    /** The run-out date of every medication with at least one fill with a days' supply, soonest first. */
    public static List<RunOut> of(List<MedicationSupply> medications, LocalDate today) {
        List<RunOut> out = new ArrayList<>();
        for (MedicationSupply medication : medications) {
            List<Fill> fills = medication.fills().stream().filter(f -> f.date() != null && f.daysSupply() > 0)
                    .sorted(Comparator.comparing(Fill::date)).toList();
            if (fills.isEmpty()) {
                continue;
            }
            LocalDate end = null;
            for (Fill fill : fills) {
                LocalDate from = end == null || fill.date().isAfter(end) ? fill.date() : end;
                end = from.plusDays(fill.daysSupply());
            }
            out.add(new RunOut(medication.name(), fills.get(fills.size() - 1), end, ChronoUnit.DAYS.between(today, end)));
        }
        out.sort(Comparator.comparing(RunOut::runsOutOn).thenComparing(RunOut::medication));
        return out;
    }
}
