package org.smartcontainer.records;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.RDFParseException;
import org.eclipse.rdf4j.rio.Rio;
import org.eclipse.rdf4j.rio.helpers.BasicParserSettings;
import org.eclipse.rdf4j.rio.helpers.XMLParserSettings;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.rio.ParserConfig;
import org.eclipse.rdf4j.rio.helpers.StatementCollector;
import org.eclipse.rdf4j.rio.RDFParser;

/**
 * One patient to import: the record id, its SMART RDF and the content of its documents and
 * photographs ({@code sp:fileName} → bytes).
 *
 * @param recordId the record to create or replace
 * @param rdf the patient graph as parsed (statements usually blank nodes)
 * @param files document contents by file name, stored under {@code documents/{record_id}/}
 * @param source where the data came from (file name), for messages
 */
public record PatientData(String recordId, Model rdf, Map<String, byte[]> files, String source) {

    public PatientData {
        RecordUris.requireRecordId(recordId);
        files = Map.copyOf(files);
    }

    /** Patient data without document files. */
    public static PatientData of(String recordId, Model rdf, String source) {
        return new PatientData(recordId, rdf, Map.of(), source);
    }

    /** Parses RDF/XML, Turtle or JSON-LD; a parse error names the source, line and column. */
    public static PatientData parse(String recordId, InputStream in, RDFFormat format, String source)
            throws RecordImportException {
        RDFParser parser = Rio.createParser(format);
        ParserConfig config = new ParserConfig();
        config.set(BasicParserSettings.VERIFY_LANGUAGE_TAGS, false);
        config.set(XMLParserSettings.FAIL_ON_INVALID_NCNAME, false);
        parser.setParserConfig(config);
        Model model = new LinkedHashModel();
        parser.setRDFHandler(new StatementCollector(model));
        try {
            parser.parse(in, "urn:smart-import:" + recordId + "/");
        } catch (RDFParseException e) {
            throw new RecordImportException(source + ": not valid " + format.getName() + " (line "
                    + e.getLineNumber() + ", column " + e.getColumnNumber() + "): " + e.getMessage(), e);
        } catch (IOException e) {
            throw new RecordImportException(source + ": cannot be read: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new RecordImportException(source + ": cannot be parsed as " + format.getName() + ": " + e, e);
        }
        return of(recordId, model, source);
    }

    /** Parses a file whose format is given by its extension; record id = the digits of its base name. */
    public static PatientData parse(Path file) throws RecordImportException {
        String name = file.getFileName().toString();
        String recordId = recordIdFromFileName(name).orElseThrow(() -> new RecordImportException(
                name + ": the file name holds no record id (expected digits, e.g. p1032702.xml)"));
        return parse(file, recordId);
    }

    /** Parses a file whose format is given by its extension, as the given record. */
    public static PatientData parse(Path file, String recordId) throws RecordImportException {
        String name = file.getFileName().toString();
        RDFFormat format = Rio.getParserFormatForFileName(name).orElseThrow(() -> new RecordImportException(
                name + ": unknown RDF format (use .xml/.rdf, .ttl or .jsonld)"));
        try (InputStream in = Files.newInputStream(file)) {
            return parse(recordId, in, format, name);
        } catch (IOException e) {
            throw new RecordImportException(name + ": cannot be read: " + e.getMessage(), e);
        }
    }

    /** The reference rule: the record id is the digits of the file's base name ({@code p99912345.xml} → {@code 99912345}). */
    public static Optional<String> recordIdFromFileName(String fileName) {
        int dot = fileName.indexOf('.');
        String base = dot < 0 ? fileName : fileName.substring(0, dot);
        String digits = base.replaceAll("[^0-9]", "");
        return digits.isEmpty() ? Optional.empty() : Optional.of(digits);
    }
}
