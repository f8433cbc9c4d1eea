package org.smartcontainer.sampleapps.refill;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.smartcontainer.sampleapps.refill.MedicationsGraph.Medication;
import org.smartcontainer.sampleapps.refill.RefillSchedule.Fill;

class RefillNoteTest {

    private static final String MEDICATIONS = """
            <?xml version="1.0" encoding="utf-8"?>
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:sp="http://smartplatforms.org/terms#"
                     xmlns:dcterms="http://purl.org/dc/terms/">
              <rdf:Description rdf:about="http://h/api/records/1/medications/a">
                <rdf:type rdf:resource="http://smartplatforms.org/terms#Medication"/>
                <sp:drugName rdf:nodeID="d"/>
                <sp:instructions>1 daily</sp:instructions>
                <sp:fulfillment rdf:resource="http://h/api/records/1/fulfillments/f1"/>
                <sp:fulfillment rdf:resource="http://h/api/records/1/fulfillments/f2"/>
              </rdf:Description>
              <rdf:Description rdf:nodeID="d"><dcterms:title>Simvastatin 40 MG Oral Tablet</dcterms:title></rdf:Description>
              <rdf:Description rdf:about="http://h/api/records/1/fulfillments/f1">
                <rdf:type rdf:resource="http://smartplatforms.org/terms#Fulfillment"/>
                <dcterms:date>2008-08-20</dcterms:date><sp:dispenseDaysSupply>90</sp:dispenseDaysSupply>
              </rdf:Description>
              <rdf:Description rdf:about="http://h/api/records/1/fulfillments/f2">
                <rdf:type rdf:resource="http://smartplatforms.org/terms#Fulfillment"/>
                <dcterms:date>2008-11-01T10:00:00Z</dcterms:date><sp:dispenseDaysSupply>30</sp:dispenseDaysSupply>
              </rdf:Description>
              <sp:Medication rdf:about="http://h/api/records/1/medications/b">
                <sp:drugName><sp:CodedValue><dcterms:title>Aspirin 81 MG</dcterms:title></sp:CodedValue></sp:drugName>
              </sp:Medication>
            </rdf:RDF>
            """;

    @Test
    void medicationsAreReadWithTheirDatedFills() throws Exception {
        List<Medication> meds = MedicationsGraph.parse(MEDICATIONS, "http://h/api/records/1/medications/");
        assertEquals(List.of("Aspirin 81 MG", "Simvastatin 40 MG Oral Tablet"), meds.stream().map(Medication::name).toList());
        assertEquals(List.of(), meds.get(0).fills());
        assertEquals(List.of(new Fill(LocalDate.of(2008, 8, 20), 90), new Fill(LocalDate.of(2008, 11, 1), 30)),
                meds.get(1).fills().stream().sorted((a, b) -> a.date().compareTo(b.date())).toList());
        assertEquals("1 daily", meds.get(1).instructions());
    }

    @Test
    void aPostedNoteIsReadBackByItsTitleWithItsTextIntact() throws Exception {
        String text = RefillNote.text(RefillSchedule.of(MedicationsGraph.supplies(
                MedicationsGraph.parse(MEDICATIONS, "http://h/")), LocalDate.of(2008, 12, 1)));
        assertEquals("""
                When the patient's medications run out (computed from their fills):
                - Simvastatin 40 MG Oral Tablet: last filled 2008-11-01 for 30 days; runs out on 2008-12-18 (in 17 days)""", text);
        String note = RefillNote.rdfXml(RefillMonitor.NOTE_TITLE, LocalDate.of(2008, 12, 1), text + " <&>");
        assertEquals(Optional.of(text + " <&>"), RefillNote.latestText(note, "http://h/", RefillMonitor.NOTE_TITLE));
        assertEquals(Optional.empty(), RefillNote.latestText(note, "http://h/", "Another title"));
    }
}
