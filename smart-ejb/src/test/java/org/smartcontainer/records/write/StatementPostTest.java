package org.smartcontainer.records.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.impl.SimpleValueFactory;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smartcontainer.ontology.SmartOntology;
import org.smartcontainer.ontology.SmartTerms;
import org.smartcontainer.records.NativeStoreRecords;
import org.smartcontainer.records.PatientData;
import org.smartcontainer.records.RecordImportException;
import org.smartcontainer.records.StatementTypes;
import org.smartcontainer.records.query.RecordReader;
import org.smartcontainer.records.query.StatementQuery;

/** The rules for posted clinical notes (api.md 10) and the store's additive write. */
class StatementPostTest {

    static final String BASE = "http://localhost:7000";
    static final IRI NOTE = SmartTerms.sp("ClinicalNote");
    static final StatementPost RULES = new StatementPost(SmartOntology.loadDefault());

    /** A valid note as RDF/XML; {@code extra} is spliced into the note element. */
    static String note(String about, String extra) {
        return """
                <?xml version="1.0" encoding="utf-8"?>
                <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:sp="http://smartplatforms.org/terms#"
                         xmlns:dcterms="http://purl.org/dc/terms/" xmlns:rdfs="http://www.w3.org/2000/01/rdf-schema#">
                  <sp:ClinicalNote %s>
                    <dcterms:date>2012-05-17</dcterms:date>
                    <dcterms:title>Posted note</dcterms:title>
                    <dcterms:format>
                      <dcterms:MediaTypeOrExtent rdf:about="http://purl.org/NET/mediatypes/text/plain">
                        <rdfs:label>text/plain</rdfs:label>
                      </dcterms:MediaTypeOrExtent>
                    </dcterms:format>
                    <sp:resource><sp:Resource><sp:content><sp:Content>
                      <sp:encoding>UTF-8</sp:encoding><sp:value>Patient doing well.</sp:value>
                    </sp:Content></sp:content></sp:Resource></sp:resource>
                    %s
                  </sp:ClinicalNote>
                </rdf:RDF>
                """.formatted(about, extra);
    }

    static Model parse(String xml) throws StatementPostException {
        return RULES.parse(xml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aBlankNoteForItsOwnRecordPasses() throws Exception {
        Model graph = parse(note("", "<sp:belongsTo rdf:resource=\"" + BASE + "/records/1\"/>"));
        RULES.check(graph, NOTE, "1", BASE);
    }

    @Test
    void malformedBodyIsABadRequest() {
        StatementPostException e = assertThrows(StatementPostException.class, () -> parse("<rdf:RDF><oops"));
        assertEquals(StatementPostException.Reason.MALFORMED, e.reason());
    }

    @Test
    void aBodyWithoutANoteIsABadRequest() throws Exception {
        Model graph = parse("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"/>");
        assertEquals(StatementPostException.Reason.MALFORMED,
                assertThrows(StatementPostException.class, () -> RULES.check(graph, NOTE, "1", BASE)).reason());
    }

    @Test
    void aNoteBelongingToAnotherRecordConflicts() throws Exception {
        Model graph = parse(note("", "<sp:belongsTo rdf:resource=\"" + BASE + "/records/2\"/>"));
        assertEquals(StatementPostException.Reason.CONFLICT,
                assertThrows(StatementPostException.class, () -> RULES.check(graph, NOTE, "1", BASE)).reason());
    }

    @Test
    void aNamedNoteConflicts() throws Exception {
        Model graph = parse(note("rdf:about=\"" + BASE + "/records/1/clinical_notes/x\"", ""));
        assertEquals(StatementPostException.Reason.CONFLICT,
                assertThrows(StatementPostException.class, () -> RULES.check(graph, NOTE, "1", BASE)).reason());
    }

    @Test
    void otherStatementTypesConflict() throws Exception {
        Model graph = parse(note("", ""));
        graph.add(SimpleValueFactory.getInstance().createBNode(), RDF.TYPE, SmartTerms.sp("Medication"));
        assertEquals(StatementPostException.Reason.CONFLICT,
                assertThrows(StatementPostException.class, () -> RULES.check(graph, NOTE, "1", BASE)).reason());
    }

    @Test
    void aNoteMissingItsDateIsInvalid() throws Exception {
        Model graph = parse(note("", ""));
        graph.remove(null, org.eclipse.rdf4j.model.vocabulary.DCTERMS.DATE, null);
        assertEquals(StatementPostException.Reason.MALFORMED,
                assertThrows(StatementPostException.class, () -> RULES.check(graph, NOTE, "1", BASE)).reason());
    }

    @Test
    void theStoreMintsTheNoteIntoItsRecordAndServesItBack(@TempDir Path dir) throws Exception {
        try (NativeStoreRecords store = new NativeStoreRecords(dir.resolve("records"), dir.resolve("documents"),
                StatementTypes.of(SmartOntology.loadDefault()))) {
            store.importPatient(PatientData.parse(Path.of(System.getProperty("smart.shared.dir", "../../shared"))
                    .resolve("sample-patients/p1032702.xml")), BASE);
            RecordReader reader = new RecordReader(store);
            StatementQuery all = StatementQuery.unfiltered(NOTE);
            int before = reader.select("1032702", all, BASE).totalResultCount();
            Model graph = parse(note("", ""));
            RULES.check(graph, NOTE, "1032702", BASE);
            Model stored = store.addStatements("1032702", graph, BASE);
            IRI minted = (IRI) stored.filter(null, RDF.TYPE, NOTE).subjects().iterator().next();
            assertTrue(minted.stringValue().startsWith(BASE + "/records/1032702/clinical_notes/"), minted.stringValue());
            assertEquals(before + 1, reader.select("1032702", all, BASE).totalResultCount());
            assertTrue(reader.item("1032702", NOTE, minted, BASE).isPresent());
            assertThrows(RecordImportException.class, () -> store.addStatements("nope", parse(note("", "")), BASE));
            assertEquals(List.of(), store.listStatements("1032702", SmartTerms.sp("Nothing"), List.of(), BASE));
        }
    }
}
