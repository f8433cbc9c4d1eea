package org.smartcontainer.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every write to a record changes its revision, after the write is visible; other records keep theirs. */
class RecordRevisionTest {

    @TempDir
    Path dir;

    NativeStoreRecords store;

    @BeforeEach
    void open() throws RecordImportException {
        store = Fixtures.openStore(dir);
        store.importPatient(PatientData.parse(Fixtures.samplePatient("1032702")), null);
        store.importPatient(PatientData.parse(Fixtures.samplePatient("1081332")), null);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void importReimportPostAndDeleteEachGiveTheRecordANewRevisionNeverSeenBefore() throws Exception {
        Set<Long> seen = new HashSet<>();
        long other = store.revision("1081332");
        seen.add(store.revision("1032702"));

        store.importPatient(PatientData.parse(Fixtures.samplePatient("1032702")), null); // re-import, same data
        assertTrue(seen.add(store.revision("1032702")), "a re-import changes the revision");

        store.addStatements("1032702", ImportRulesTest.turtle("1032702", """
                [] a sp:Problem ; sp:startDate "2020-01-01" ; sp:problemName [ a sp:CodedValue ;
                  dcterms:title "Headache" ; sp:code <http://purl.bioontology.org/ontology/SNOMEDCT/25064002> ] .
                """).rdf(), Fixtures.API_BASE);
        assertTrue(seen.add(store.revision("1032702")), "a posted statement changes the revision");

        assertTrue(store.deleteRecord("1032702"));
        assertTrue(seen.add(store.revision("1032702")), "a deletion changes the revision");

        store.importPatient(PatientData.parse(Fixtures.samplePatient("1032702")), null);
        assertTrue(seen.add(store.revision("1032702")), "re-creating a deleted record never reuses a revision");

        assertEquals(other, store.revision("1081332"), "writes to one record leave the others' revisions alone");
    }

    @Test
    void aRecordNotYetWrittenGetsARevisionWhenItIsCreated() throws Exception {
        long before = store.revision("7777777");
        store.importPatient(ImportRulesTest.turtle("7777777", """
                [] a sp:Demographics ; v:n [ a v:Name ; v:given-name "Ann" ; v:family-name "Lee" ] ;
                  foaf:gender "female" ; v:bday "1970-01-01" .
                """), null);
        assertNotEquals(before, store.revision("7777777"));
    }
}
