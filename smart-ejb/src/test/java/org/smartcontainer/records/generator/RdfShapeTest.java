package org.smartcontainer.records.generator;

import static org.junit.jupiter.api.Assertions.*;
import static org.smartcontainer.records.generator.DefaultPatients.*;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.util.Models;
import org.eclipse.rdf4j.model.vocabulary.OWL;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.eclipse.rdf4j.model.vocabulary.RDFS;
import org.eclipse.rdf4j.rio.ParserConfig;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.RDFParser;
import org.eclipse.rdf4j.rio.Rio;
import org.eclipse.rdf4j.rio.helpers.BasicParserSettings;
import org.eclipse.rdf4j.rio.helpers.StatementCollector;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RdfShapeTest {

    private static Model ontology;

    @BeforeAll
    static void loadUpstreamOntology() throws IOException {
        Path owl = Path.of(System.getProperty("smart.shared.dir", "../../shared"), "ontology", "smart.owl");
        // One rdfs:comment of smart.owl carries a malformed xml:lang: parse leniently.
        ParserConfig lenient = new ParserConfig();
        lenient.set(BasicParserSettings.VERIFY_LANGUAGE_TAGS, false);
        lenient.set(BasicParserSettings.FAIL_ON_UNKNOWN_LANGUAGES, false);
        lenient.set(BasicParserSettings.NORMALIZE_LANGUAGE_TAGS, false);
        lenient.addNonFatalError(BasicParserSettings.VERIFY_LANGUAGE_TAGS);
        RDFParser parser = Rio.createParser(RDFFormat.RDFXML);
        parser.setParserConfig(lenient);
        ontology = new org.eclipse.rdf4j.model.impl.LinkedHashModel();
        parser.setRDFHandler(new StatementCollector(ontology));
        try (InputStream in = Files.newInputStream(owl)) {
            parser.parse(in, "http://smartplatforms.org/terms");
        }
    }

    @Test
    void rdfXmlOutputParsesBackToAnIsomorphicGraph() throws IOException {
        for (GeneratedPatient patient : ALL) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            patient.writeRdfXml(out);
            Model parsed = Rio.parse(new ByteArrayInputStream(out.toByteArray()), "", RDFFormat.RDFXML);
            assertTrue(Models.isomorphic(patient.rdf(), parsed), "RDF/XML round trip of " + patient.recordId());
        }
    }

    @Test
    void turtleOutputParsesBackToAnIsomorphicGraph() throws IOException {
        GeneratedPatient patient = ALL.get(1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        patient.writeTurtle(out);
        Model parsed = Rio.parse(new ByteArrayInputStream(out.toByteArray()), "", RDFFormat.TURTLE);
        assertTrue(Models.isomorphic(patient.rdf(), parsed));
    }

    @Test
    void rdfXmlLooksLikeTheUpstreamSampleFiles() {
        String xml = SamplePatientGeneratorTest.rdfXml(ALL.get(0));
        assertTrue(xml.contains("xmlns:sp=\"http://smartplatforms.org/terms#\""));
        assertTrue(xml.contains("<rdf:Description rdf:nodeID="), "flat descriptions of blank nodes");
        assertTrue(xml.contains("<sp:hasStatement rdf:nodeID="));
        assertTrue(xml.contains("<sp:belongsTo rdf:nodeID="));
        assertTrue(xml.contains("<rdf:type rdf:resource=\"http://smartplatforms.org/terms#MedicalRecord\"/>"));
    }

    @Test
    void everyTypeAndPredicateUsedIsDeclaredByTheUpstreamOntology() {
        Set<String> classes = new HashSet<>();
        ontology.filter(null, RDF.TYPE, OWL.CLASS).subjects().forEach(s -> classes.add(s.stringValue()));
        Set<String> properties = new HashSet<>();
        for (IRI kind : new IRI[] {OWL.OBJECTPROPERTY, OWL.DATATYPEPROPERTY, OWL.ANNOTATIONPROPERTY}) {
            ontology.filter(null, RDF.TYPE, kind).subjects().forEach(s -> properties.add(s.stringValue()));
        }
        ontology.filter(null, OWL.ONPROPERTY, null).objects().forEach(o -> properties.add(o.stringValue()));
        assertTrue(classes.contains(DefaultPatients.SP + "VitalSignSet"), "the ontology was read");

        Set<String> unknownClasses = new TreeSet<>();
        Set<String> unknownProperties = new TreeSet<>();
        for (GeneratedPatient patient : ALL) {
            for (Statement statement : patient.rdf()) {
                if (statement.getPredicate().equals(RDF.TYPE)) {
                    if (!classes.contains(statement.getObject().stringValue())) {
                        unknownClasses.add(statement.getObject().stringValue());
                    }
                } else if (!properties.contains(statement.getPredicate().stringValue())) {
                    unknownProperties.add(statement.getPredicate().stringValue());
                }
            }
        }
        assertEquals(Set.of(), unknownClasses);
        assertEquals(Set.of(), unknownProperties);
    }

    @Test
    void enumeratedCodesAreMembersOfTheOntologysValueSets() {
        // The ontology lists the members of its closed value sets as individuals typed with the spcode class.
        Set<String> enumerations = Set.of("EncounterType", "ImmunizationAdministrationStatus",
                "ImmunizationRefusalReason", "LabResultInterpretation", "LabResultStatus", "ProblemStatus",
                "ProcedureStatus", "SmokingStatus", "AllergyCategory", "AllergySeverity", "AllergyExclusion",
                "BloodPressureBodyPosition", "BloodPressureBodySite", "BloodPressureMethod", "DocumentType",
                "VitalSign");
        int checked = 0;
        for (GeneratedPatient patient : ALL) {
            for (Statement statement : patient.rdf().filter(null, RDF.TYPE, null)) {
                String type = statement.getObject().stringValue();
                if (type.startsWith(SmartTerms.SPCODE) && enumerations.contains(type.substring(SmartTerms.SPCODE.length()))) {
                    checked++;
                    assertTrue(ontology.contains(statement), "the ontology enumerates " + statement.getSubject()
                            + " as " + type);
                }
            }
        }
        assertTrue(checked > 100);
    }

    @Test
    void documentsAndPhotographsReferenceTheirFilesByNameSizeAndHash() throws Exception {
        System.setProperty("java.awt.headless", "true");
        int documents = 0;
        for (GeneratedPatient patient : ALL) {
            Model model = indexed(patient);
            Set<String> named = new HashSet<>();
            Set<Resource> withFiles = new HashSet<>(ofType(model, "Document"));
            withFiles.addAll(ofType(model, "Photograph"));
            for (Resource document : withFiles) {
                documents++;
                String fileName = string(model, document, sp("fileName"));
                named.add(fileName);
                byte[] bytes = patient.files().get(fileName);
                assertNotNull(bytes, fileName);
                Resource size = object(model, document, sp("fileSize"));
                assertEquals(Integer.toString(bytes.length), string(model, size, sp("value")));
                assertEquals("byte", string(model, size, sp("unit")));
                Resource hash = object(model, object(model, document, sp("resource")), sp("hash"));
                assertEquals("SHA-256", string(model, hash, sp("algorithm")));
                assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)),
                        string(model, hash, sp("value")));
                Resource format = object(model, document, SmartTerms.DC_FORMAT);
                String mediaType = string(model, format, RDFS.LABEL);
                assertEquals("http://purl.org/NET/mediatypes/" + mediaType, format.stringValue());
                switch (mediaType) {
                    case "image/png" -> {
                        assertTrue(model.contains(document, RDF.TYPE, sp("Photograph")));
                        var image = javax.imageio.ImageIO.read(new ByteArrayInputStream(bytes));
                        assertNotNull(image, "a decodable PNG");
                        assertEquals(InitialsAvatar.SIZE, image.getWidth());
                    }
                    case "application/pdf" -> {
                        String pdf = new String(bytes, StandardCharsets.ISO_8859_1);
                        assertTrue(pdf.startsWith("%PDF-1.4") && pdf.endsWith("%%EOF\n"));
                        int xref = Integer.parseInt(pdf.substring(pdf.lastIndexOf("startxref\n") + 10,
                                pdf.lastIndexOf("\n%%EOF")).trim());
                        assertTrue(pdf.startsWith("xref", xref), "startxref points at the xref table");
                    }
                    case "text/plain" -> assertTrue(new String(bytes, StandardCharsets.UTF_8).contains(
                            patient.familyName()));
                    default -> fail("unexpected media type " + mediaType);
                }
            }
            assertEquals(named, patient.files().keySet(), "every file belongs to a document");
        }
        assertTrue(documents > 5);
    }

    @Test
    void clinicalNotesCarryTheirTextInline() {
        for (GeneratedPatient patient : ALL) {
            Model model = indexed(patient);
            for (Resource note : ofType(model, "ClinicalNote")) {
                Resource content = object(model, object(model, note, sp("resource")), sp("content"));
                assertEquals("UTF-8", string(model, content, sp("encoding")));
                assertTrue(string(model, content, sp("value")).contains(patient.givenName()));
                assertEquals("text/plain", string(model, object(model, note, SmartTerms.DC_FORMAT), RDFS.LABEL));
            }
        }
    }
}
