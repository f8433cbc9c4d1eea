package org.smartcontainer.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Record search by name prefix, birth date, gender, MRN and zipcode over some sample patients. */
class RecordSearchTest {

    @TempDir
    static Path dir;

    static NativeStoreRecords store;

    @BeforeAll
    static void importSome() throws RecordImportException {
        store = Fixtures.openStore(dir);
        for (Path file : Fixtures.samplePatients().subList(0, 12)) {
            store.importPatient(PatientData.parse(file), null);
        }
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Test
    void summariesCarryNameBirthDateGenderAndMrn() {
        RecordSummary amy = store.summary("1032702").orElseThrow();
        assertEquals("Amy", amy.givenName());
        assertEquals("Shaw", amy.familyName());
        assertEquals("female", amy.gender());
        assertEquals("1032702", amy.medicalRecordNumber());
        assertEquals("74047", amy.zipcode());
        assertTrue(amy.birthDate().matches("\\d{4}-\\d{2}-\\d{2}"), amy.birthDate());
    }

    @Test
    void namesMatchCaseInsensitivePrefixes() {
        assertEquals(List.of("1032702"), ids(RecordQuery.all().familyName("sha").givenName("A")));
        assertEquals(List.of(), ids(RecordQuery.all().familyName("haw")));
    }

    @Test
    void birthDateMatchesExactly() {
        String bday = store.summary("1032702").orElseThrow().birthDate();
        assertTrue(ids(RecordQuery.all().birthDate(bday)).contains("1032702"));
        assertEquals(List.of(), ids(RecordQuery.all().birthDate(bday.substring(0, 4))));
    }

    @Test
    void genderSplitsTheRecords() {
        int female = store.search(RecordQuery.all().gender("female")).size();
        int male = store.search(RecordQuery.all().gender("MALE")).size();
        assertTrue(female > 0 && male > 0);
        assertEquals(12, female + male);
    }

    @Test
    void mrnAndZipcodeMatchExactly() {
        assertEquals(List.of("1032702"), ids(RecordQuery.all().medicalRecordNumber("1032702")));
        assertEquals(List.of(), ids(RecordQuery.all().medicalRecordNumber("103270")));
        assertTrue(ids(RecordQuery.all().zipcode("74047")).contains("1032702"));
    }

    @Test
    void noParametersFindEveryRecordOrderedByName() {
        List<RecordSummary> all = store.search(RecordQuery.all());
        assertEquals(12, all.size());
        for (int i = 1; i < all.size(); i++) {
            assertTrue(all.get(i - 1).familyName().compareToIgnoreCase(all.get(i).familyName()) <= 0);
        }
    }

    @Test
    void theIndexIsRebuiltWhenTheStoreIsReopened() {
        store.close();
        store = Fixtures.openStore(dir);
        assertEquals(12, store.countRecords());
        assertEquals(List.of("1032702"), ids(RecordQuery.all().familyName("Shaw").givenName("amy")));
    }

    private static List<String> ids(RecordQuery q) {
        return store.search(q).stream().map(RecordSummary::recordId).toList();
    }
}
