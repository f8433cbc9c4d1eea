package org.smartcontainer.records.generator;

import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Namespace;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.eclipse.rdf4j.model.util.Models;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.RDFWriter;
import org.eclipse.rdf4j.rio.Rio;

/**
 * One generated sample patient.
 *
 * <p>{@code rdf} is the patient graph in the shape of the SMART sample patients: one blank {@code sp:MedicalRecord}
 * node, every clinical statement a blank node typed with its class and linked with {@code sp:hasStatement} and
 * {@code sp:belongsTo} (nested statements such as a vital sign set's {@code sp:Encounter}, a medication's
 * {@code sp:Fulfillment}s and a panel's {@code sp:LabResult}s included). The importer mints the statement URIs.
 *
 * <p>{@code files} holds the content of {@code sp:Document} and {@code sp:Photograph} statements, keyed by the
 * statement's {@code sp:fileName} (unique within the patient); the store puts each file at
 * {@code {BASE_DOCUMENTS_PATH}/{recordId}/{fileName}}. Each such statement carries {@code dcterms:format} (a
 * {@code dcterms:MediaTypeOrExtent} whose {@code rdfs:label} is the MIME type), {@code sp:fileSize} in
 * {@code byte} and {@code sp:resource} → {@code sp:Resource} → {@code sp:hash} (SHA-256 of the file, hex); it has
 * no {@code sp:location} or {@code sp:content}, which the API adds when serving. {@code sp:ClinicalNote}s have no
 * file: their text is inline ({@code sp:resource/sp:content/sp:value}, encoding UTF-8).
 */
public record GeneratedPatient(String recordId, Model rdf, Map<String, byte[]> files) {

    /** Wraps the parts; the file map is copied and made read-only. */
    public GeneratedPatient {
        files = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(files));
    }

    /** The patient's given name from the demographics. */
    public String givenName() {
        return nameValue(SmartTerms.V_GIVEN_NAME);
    }

    /** The patient's family name from the demographics. */
    public String familyName() {
        return nameValue(SmartTerms.V_FAMILY_NAME);
    }

    /** The patient's birth date ({@code v:bday}). */
    public LocalDate birthDate() {
        return LocalDate.parse(demographicsValue(SmartTerms.V_BDAY).stringValue());
    }

    /** The patient's gender ({@code foaf:gender}): {@code male} or {@code female}. */
    public String gender() {
        return demographicsValue(SmartTerms.FOAF_GENDER).stringValue();
    }

    /** The medical record number ({@code dcterms:identifier} of the {@code sp:medicalRecordNumber} code). */
    public String medicalRecordNumber() {
        Resource code = (Resource) demographicsValue(SmartTerms.MEDICAL_RECORD_NUMBER);
        return Models.objectLiteral(rdf.filter(code, SmartTerms.DC_IDENTIFIER, null)).orElseThrow().stringValue();
    }

    /** Writes the patient graph as RDF/XML, each node's triples together, like the upstream sample files. */
    public void writeRdfXml(OutputStream out) {
        write(out, RDFFormat.RDFXML);
    }

    /** Writes the patient graph as Turtle. */
    public void writeTurtle(OutputStream out) {
        write(out, RDFFormat.TURTLE);
    }

    /** Writes the patient graph in any RDF format Rio can write, grouped by subject in creation order. */
    public void write(OutputStream out, RDFFormat format) {
        Map<Resource, List<Statement>> bySubject = new LinkedHashMap<>();
        for (Statement statement : rdf) {
            bySubject.computeIfAbsent(statement.getSubject(), s -> new ArrayList<>()).add(statement);
        }
        RDFWriter writer = Rio.createWriter(format, out);
        writer.startRDF();
        for (Namespace namespace : rdf.getNamespaces()) {
            writer.handleNamespace(namespace.getPrefix(), namespace.getName());
        }
        for (List<Statement> statements : bySubject.values()) {
            for (Statement statement : statements) {
                writer.handleStatement(statement);
            }
        }
        writer.endRDF();
    }

    private Resource demographics() {
        return Models.subject(rdf.filter(null, RDF.TYPE, SmartTerms.DEMOGRAPHICS))
                .orElseThrow(() -> new IllegalStateException("record " + recordId + " has no sp:Demographics"));
    }

    private Value demographicsValue(org.eclipse.rdf4j.model.IRI property) {
        return Models.object(rdf.filter(demographics(), property, null)).orElseThrow(
                () -> new IllegalStateException("record " + recordId + " has no " + property.getLocalName()));
    }

    private String nameValue(org.eclipse.rdf4j.model.IRI property) {
        Resource name = (Resource) demographicsValue(SmartTerms.V_N);
        Optional<String> value = Models.objectString(rdf.filter(name, property, null));
        return value.orElseThrow();
    }
}
