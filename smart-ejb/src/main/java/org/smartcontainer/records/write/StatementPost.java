package org.smartcontainer.records.write;

import static org.smartcontainer.records.write.StatementPostException.Reason.CONFLICT;
import static org.smartcontainer.records.write.StatementPostException.Reason.MALFORMED;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.rdf4j.model.BNode;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.model.impl.SimpleValueFactory;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.eclipse.rdf4j.rio.ParserConfig;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.RDFParseException;
import org.eclipse.rdf4j.rio.RDFParser;
import org.eclipse.rdf4j.rio.Rio;
import org.eclipse.rdf4j.rio.helpers.BasicParserSettings;
import org.eclipse.rdf4j.rio.helpers.StatementCollector;
import org.eclipse.rdf4j.rio.helpers.XMLParserSettings;
import org.smartcontainer.ontology.OntologyValidator;
import org.smartcontainer.ontology.SmartOntology;
import org.smartcontainer.ontology.SmartTerms;
import org.smartcontainer.ontology.ValidationReport;
import org.smartcontainer.records.RecordUris;

/**
 * The rules for a graph posted to a record (api.md section 10, with the security rules the reference lacks):
 * exactly one statement of the call's target class, as a blank node (the container names statements); no
 * other statement types; nothing that names or points into another record; valid against the ontology.
 * Immutable; one instance per ontology.
 */
public final class StatementPost {

    /** Largest body accepted, in bytes. */
    public static final int MAX_BODY_BYTES = 1 << 20;

    private static final String SMART_NAMESPACES = "http://smartplatforms.org/terms";

    private final SmartOntology ontology;
    private final OntologyValidator validator;

    /** The rules of this ontology. */
    public StatementPost(SmartOntology ontology) {
        this.ontology = ontology;
        this.validator = new OntologyValidator(ontology);
    }

    /** Parses RDF/XML, or Turtle if it is not RDF/XML (as the reference); a parse error is {@code MALFORMED}. */
    public Model parse(byte[] body) throws StatementPostException {
        if (body.length == 0) {
            throw new StatementPostException(MALFORMED, "The request has no body; post the note as RDF/XML");
        }
        try {
            return parse(body, RDFFormat.RDFXML);
        } catch (RDFParseException rdfXml) {
            try {
                return parse(body, RDFFormat.TURTLE);
            } catch (RDFParseException turtle) {
                throw new StatementPostException(MALFORMED, "The body is not RDF/XML (line " + rdfXml.getLineNumber()
                        + ", column " + rdfXml.getColumnNumber() + "): " + rdfXml.getMessage());
            }
        }
    }

    private static Model parse(byte[] body, RDFFormat format) {
        RDFParser parser = Rio.createParser(format);
        ParserConfig config = new ParserConfig();
        config.set(BasicParserSettings.VERIFY_LANGUAGE_TAGS, false);
        config.set(XMLParserSettings.FAIL_ON_INVALID_NCNAME, false);
        parser.setParserConfig(config);
        Model model = new LinkedHashModel();
        parser.setRDFHandler(new StatementCollector(model));
        try {
            parser.parse(new ByteArrayInputStream(body), "urn:smart-post:");
        } catch (IOException e) {
            throw new RDFParseException(e.getMessage(), e);
        } catch (RuntimeException e) {
            throw e instanceof RDFParseException p ? p : new RDFParseException(e.getMessage(), e);
        }
        return model;
    }

    /**
     * Checks a posted graph for {@code record} before it is stored.
     *
     * @param graph the parsed body
     * @param target the call's target class (e.g. {@code sp:ClinicalNote})
     * @param recordId the record posted to
     * @param apiBase the public API base the client sees
     * @return the statement node to be stored (blank)
     */
    public BNode check(Model graph, IRI target, String recordId, String apiBase) throws StatementPostException {
        List<BNode> statements = new ArrayList<>();
        for (Statement st : graph.getStatements(null, RDF.TYPE, null)) {
            if (!(st.getObject() instanceof IRI type)) {
                continue;
            }
            Resource node = st.getSubject();
            if (type.stringValue().startsWith(SMART_NAMESPACES) && ontology.dataClass(type).isEmpty()
                    && !type.stringValue().startsWith(SmartTerms.CODES_NAMESPACE)) {
                throw new StatementPostException(CONFLICT, describe(node) + " has the unknown SMART type <" + type + ">");
            }
            if (type.equals(SmartTerms.MEDICAL_RECORD)) {
                if (node instanceof IRI iri && !isRecord(iri, recordId, apiBase)) {
                    throw new StatementPostException(CONFLICT, "The sp:MedicalRecord " + describe(node)
                            + " is not record " + recordId);
                }
                continue;
            }
            if (!ontology.isStatementClass(type)) {
                continue;
            }
            if (!type.equals(target)) {
                throw new StatementPostException(CONFLICT, describe(node) + " is a <" + type + ">; only <" + target
                        + "> statements may be posted here");
            }
            if (!(node instanceof BNode blank)) {
                throw new StatementPostException(CONFLICT, "The statement " + describe(node)
                        + " has a URI; post it as a blank node and the container names it");
            }
            if (!statements.contains(blank)) {
                statements.add(blank);
            }
        }
        if (statements.isEmpty()) {
            throw new StatementPostException(MALFORMED, "The body holds no <" + target + ">");
        }
        if (statements.size() > 1) {
            throw new StatementPostException(CONFLICT, "The body holds " + statements.size() + " statements of <"
                    + target + ">; post one at a time");
        }
        BNode statement = statements.get(0);
        for (Statement st : graph) {
            checkInRecord(st.getSubject(), st, recordId, apiBase, true);
            checkInRecord(st.getObject(), st, recordId, apiBase, false);
        }
        Set<Value> owners = new LinkedHashSet<>(graph.filter(statement, SmartTerms.BELONGS_TO, null).objects());
        if (owners.size() > 1) {
            throw new StatementPostException(CONFLICT, "The statement belongs to more than one record: " + owners);
        }
        validate(graph, statement, recordId, apiBase);
        return statement;
    }

    private static void checkInRecord(Value node, Statement triple, String recordId, String apiBase, boolean subject)
            throws StatementPostException {
        if (!(node instanceof IRI iri)) {
            return;
        }
        Optional<String> owner = RecordUris.recordIdOf(iri, apiBase);
        if (owner.isEmpty()) {
            if (iri.stringValue().startsWith(RecordUris.INTERNAL_BASE)) {
                throw new StatementPostException(CONFLICT, "<" + iri + "> is not a URI clients may use");
            }
            return;
        }
        if (!owner.get().equals(recordId)) {
            throw new StatementPostException(CONFLICT, "<" + iri + "> belongs to record " + owner.get()
                    + ", not to record " + recordId);
        }
        if (subject && !isRecord(iri, recordId, apiBase)) {
            throw new StatementPostException(CONFLICT, "The body states facts about the existing <" + iri
                    + ">; only new statements may be posted");
        }
        if (!subject && triple.getPredicate().equals(SmartTerms.BELONGS_TO) && !isRecord(iri, recordId, apiBase)) {
            throw new StatementPostException(CONFLICT, "sp:belongsTo must name record " + recordId);
        }
    }

    private static boolean isRecord(IRI iri, String recordId, String apiBase) {
        String base = RecordUris.normaliseBase(apiBase);
        return iri.stringValue().equals(base + "/records/" + recordId);
    }

    /** The ontology validator on the note as it will be stored (attached to its record). */
    private void validate(Model graph, BNode statement, String recordId, String apiBase) throws StatementPostException {
        Model attached = new LinkedHashModel(graph);
        if (!attached.contains(statement, SmartTerms.BELONGS_TO, null)) {
            attached.add(statement, SmartTerms.BELONGS_TO, SimpleValueFactory.getInstance()
                    .createIRI(RecordUris.normaliseBase(apiBase) + "/records/" + recordId));
        }
        ValidationReport report = validator.validate(attached);
        if (!report.valid()) {
            throw new StatementPostException(MALFORMED, "The note does not conform to the SMART ontology: "
                    + String.join("; ", report.violations().stream().map(Object::toString).toList()));
        }
    }

    private static String describe(Resource node) {
        return node instanceof BNode b ? "_:" + b.getID() : "<" + node.stringValue() + ">";
    }
}
