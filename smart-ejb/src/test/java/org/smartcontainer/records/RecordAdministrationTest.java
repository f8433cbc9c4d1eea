package org.smartcontainer.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Uploads from the admin pages: the file name decides the format and, unless given, the record id. */
class RecordAdministrationTest {

    @TempDir
    Path dir;

    private NativeStoreRecords store;
    private RecordAdministration administration;

    @BeforeEach
    void open() {
        store = Fixtures.openStore(dir);
        administration = new RecordAdministration(store);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void anRdfXmlUploadBecomesTheRecordNamedByTheDigitsOfItsFileName() throws Exception {
        try (InputStream in = Files.newInputStream(Fixtures.samplePatient("1032702"))) {
            ImportResult result = administration.importUpload("p1032702.xml", null, in);
            assertEquals("1032702", result.recordId());
            assertFalse(result.replaced());
        }
        assertEquals(1, administration.countRecords());
        assertTrue(store.summary("1032702").isPresent());
    }

    @Test
    void aTurtleUploadIsImportedAsTheRecordIdGiven() throws Exception {
        byte[] turtle = asTurtle(Fixtures.samplePatient("1081332"));
        ImportResult result = administration.importUpload("patient.ttl", "1081332",
                new ByteArrayInputStream(turtle));
        assertEquals("1081332", result.recordId());
        assertTrue(store.summary("1081332").isPresent());
        assertTrue(store.deleteRecord("1081332"));
        assertEquals(0, administration.countRecords());
    }

    @Test
    void anUnknownFormatIsRefusedWithAMessageNamingTheFile() {
        RecordImportException e = assertThrows(RecordImportException.class, () -> administration.importUpload(
                "notes.txt", "1", new ByteArrayInputStream("hello".getBytes(StandardCharsets.UTF_8))));
        assertTrue(e.getMessage().contains("notes.txt"), e.getMessage());
        assertEquals(0, administration.countRecords());
    }

    @Test
    void aFileNameWithoutDigitsNeedsARecordId() {
        RecordImportException e = assertThrows(RecordImportException.class, () -> administration.importUpload(
                "patient.xml", " ", new ByteArrayInputStream(new byte[0])));
        assertTrue(e.getMessage().contains("record id"), e.getMessage());
    }

    @Test
    void anInvalidRecordIdIsRefusedNotThrownAsAnUncheckedError() {
        assertThrows(RecordImportException.class, () -> administration.importUpload(
                "p1.xml", "../etc", Files.newInputStream(Fixtures.samplePatient("1032702"))));
    }

    @Test
    void brokenRdfIsRefusedAndNothingIsStored() {
        RecordImportException e = assertThrows(RecordImportException.class, () -> administration.importUpload(
                "p42.xml", null, new ByteArrayInputStream("<rdf:RDF".getBytes(StandardCharsets.UTF_8))));
        assertTrue(e.getMessage().contains("p42.xml"), e.getMessage());
        assertEquals(0, administration.countRecords());
    }

    private static byte[] asTurtle(Path rdfXml) throws IOException {
        try (InputStream in = Files.newInputStream(rdfXml)) {
            var model = Rio.parse(in, "urn:x:", RDFFormat.RDFXML);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Rio.write(model, out, RDFFormat.TURTLE);
            return out.toByteArray();
        }
    }
}
