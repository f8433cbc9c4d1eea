package org.smartcontainer.records;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.rdf4j.model.BNode;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.ValueFactory;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.model.impl.SimpleValueFactory;

/**
 * The one place that mints record URIs and translates between stored and public URIs.
 *
 * <p>Records are stored under a fixed internal base ({@value #INTERNAL_BASE}) and rewritten to the
 * public {@code api_base} only when they leave the store, so changing the public base URL never
 * orphans data (the reference stored absolute public URIs).
 */
public final class RecordUris {

    /** The base of every stored record URI; never shown to clients. */
    public static final String INTERNAL_BASE = "http://records.smart-container.invalid";

    private static final Pattern RECORD_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final Pattern VARIABLE = Pattern.compile("\\{[^}/]+\\}");
    private static final ValueFactory VF = SimpleValueFactory.getInstance();

    private RecordUris() {
    }

    /** Whether a record id is acceptable (letters, digits, dot, dash, underscore; no slash). */
    public static boolean isValidRecordId(String recordId) {
        return recordId != null && RECORD_ID.matcher(recordId).matches() && !recordId.contains("..");
    }

    /** The record id, or an IllegalArgumentException naming it. */
    public static String requireRecordId(String recordId) {
        if (!isValidRecordId(recordId)) {
            throw new IllegalArgumentException("Invalid record id '" + recordId
                    + "' (letters, digits, '.', '-' and '_' only)");
        }
        return recordId;
    }

    /** The public base without trailing slash; null or blank means "no public base". */
    public static String normaliseBase(String apiBase) {
        if (apiBase == null || apiBase.isBlank()) {
            return null;
        }
        String base = apiBase.strip();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return base;
    }

    /** The stored URI of a record (the name of its record index graph). */
    public static IRI record(String recordId) {
        return VF.createIRI(INTERNAL_BASE + "/records/" + recordId);
    }

    /**
     * A new stored URI for a statement of a class with the ontology's {@code api:base_path}: the
     * {@code {record_id}} filled in and a trailing variable replaced by a fresh UUID; a path without a
     * trailing variable (demographics, social history) gives a fixed URI.
     */
    public static IRI mint(String recordId, String basePath) {
        String path = basePath.replace("{record_id}", recordId);
        path = VARIABLE.matcher(path).replaceAll(m -> UUID.randomUUID().toString());
        return VF.createIRI(INTERNAL_BASE + path);
    }

    /** Whether a stored IRI names a record (its index graph), {@code {internal}/records/{id}}. */
    static boolean isRecord(IRI iri) {
        String s = iri.stringValue();
        String prefix = INTERNAL_BASE + "/records/";
        return s.startsWith(prefix) && s.indexOf('/', prefix.length()) < 0 && s.length() > prefix.length();
    }

    /** The record id of a stored or public record URI ({@code .../records/{id}[/...]}), if it is one. */
    public static Optional<String> recordIdOf(IRI iri, String apiBase) {
        return relativePath(iri.stringValue(), apiBase).flatMap(path -> {
            if (!path.startsWith("/records/")) {
                return Optional.empty();
            }
            String rest = path.substring("/records/".length());
            int slash = rest.indexOf('/');
            return Optional.of(slash < 0 ? rest : rest.substring(0, slash));
        });
    }

    /** The path after the internal or the given public base, if the IRI is under one of them. */
    static Optional<String> relativePath(String iri, String apiBase) {
        if (iri.startsWith(INTERNAL_BASE + "/")) {
            return Optional.of(iri.substring(INTERNAL_BASE.length()));
        }
        String base = normaliseBase(apiBase);
        if (base != null && iri.startsWith(base + "/")) {
            return Optional.of(iri.substring(base.length()));
        }
        return Optional.empty();
    }

    /** The stored form of a public (or already stored) record URI; other IRIs unchanged. */
    public static IRI toStored(IRI iri, String apiBase) {
        Optional<String> path = relativePath(iri.stringValue(), apiBase);
        return path.filter(p -> p.startsWith("/records/"))
                .map(p -> VF.createIRI(INTERNAL_BASE + p)).orElse(iri);
    }

    /** The public form of a stored URI under {@code apiBase}; any other value unchanged. */
    public static Value toPublic(Value value, String apiBase) {
        if (value instanceof IRI iri) {
            String s = iri.stringValue();
            if (s.startsWith(INTERNAL_BASE + "/")) {
                String base = normaliseBase(apiBase);
                if (base == null) {
                    throw new IllegalArgumentException("A public api_base is needed to read record data");
                }
                return VF.createIRI(base + s.substring(INTERNAL_BASE.length()));
            }
        }
        return value;
    }

    /** The public form of a stored IRI. */
    public static IRI toPublic(IRI iri, String apiBase) {
        return (IRI) toPublic((Value) iri, apiBase);
    }

    /** Adds the triples of {@code stored} to {@code target} with every record URI made public (contexts dropped). */
    public static void addPublic(Iterable<Statement> stored, String apiBase, Model target) {
        for (Statement st : stored) {
            Resource subject = st.getSubject() instanceof BNode ? st.getSubject()
                    : (Resource) toPublic(st.getSubject(), apiBase);
            target.add(subject, toPublic(st.getPredicate(), apiBase), toPublic(st.getObject(), apiBase));
        }
    }

    /** A copy of a stored graph with every record URI made public and without contexts. */
    public static Model toPublic(Iterable<Statement> stored, String apiBase) {
        Model model = new LinkedHashModel();
        addPublic(stored, apiBase, model);
        return model;
    }
}
