package org.smartcontainer.sampleapps.refill;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;

/**
 * One run of the refill monitor over every record, as administrators see it.
 *
 * @param trigger {@code schedule} or {@code admin}
 * @param records every record the helper-token loop visited, in loop order
 * @param noted the records that got a new refill note
 * @param unchanged records whose latest refill note already says the same
 * @param withoutSupply records with no medication that has a dated fill with a days' supply (left untouched)
 * @param errors one line per record that failed, the loop went on
 */
public record RefillRun(Instant startedAt, Instant finishedAt, String trigger, List<String> records, List<String> noted,
        List<String> unchanged, List<String> withoutSupply, List<String> errors) {

    /** The run as JSON for the admin endpoint. */
    public JsonObject json() {
        return Json.createObjectBuilder()
                .add("started_at", startedAt.toString())
                .add("finished_at", finishedAt.toString())
                .add("trigger", trigger)
                .add("records_visited", records.size())
                .add("records", array(records))
                .add("noted", array(noted))
                .add("unchanged", array(unchanged))
                .add("without_supply", array(withoutSupply))
                .add("errors", array(errors))
                .build();
    }

    private static JsonArrayBuilder array(List<String> values) {
        JsonArrayBuilder a = Json.createArrayBuilder();
        values.forEach(a::add);
        return a;
    }
}
