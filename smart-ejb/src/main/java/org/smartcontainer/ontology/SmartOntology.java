package org.smartcontainer.ontology;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Literal;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Namespace;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.ValueFactory;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.model.impl.SimpleValueFactory;
import org.eclipse.rdf4j.model.util.Models;
import org.eclipse.rdf4j.model.util.RDFCollections;
import org.eclipse.rdf4j.model.vocabulary.DCTERMS;
import org.eclipse.rdf4j.model.vocabulary.OWL;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.eclipse.rdf4j.model.vocabulary.RDFS;
import org.eclipse.rdf4j.model.vocabulary.XSD;
import org.eclipse.rdf4j.rio.ParserConfig;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.RDFParseException;
import org.eclipse.rdf4j.rio.RDFParser;
import org.eclipse.rdf4j.rio.Rio;
import org.eclipse.rdf4j.rio.helpers.BasicParserSettings;
import org.eclipse.rdf4j.rio.helpers.StatementCollector;

/**
 * The SMART ontology as a model: its data classes (with inherited restrictions and code systems) and its
 * API calls (routing, filters, paging). Immutable and thread-safe.
 */
public final class SmartOntology {

    /** Classpath location of the ontology we ship. */
    public static final String DEFAULT_RESOURCE = "/org/smartcontainer/ontology/smart-ontology.ttl";

    /** Base IRI for relative references, as declared by the upstream RDF/XML ({@code xml:base}). */
    private static final String BASE_IRI = "http://smartplatforms.org/terms";

    private static final ValueFactory VF = SimpleValueFactory.getInstance();

    /** Prefixes used in CURIE-valued annotations ({@code api:defaultSort}, filter SPARQL) when undeclared. */
    private static final Map<String, String> WELL_KNOWN_PREFIXES = Map.of(
            "sp", SmartTerms.NAMESPACE,
            "dcterms", DCTERMS.NAMESPACE,
            "spcode", SmartTerms.CODES_NAMESPACE,
            "v", "http://www.w3.org/2006/vcard/ns#",
            "foaf", "http://xmlns.com/foaf/0.1/");

    private static final Pattern SPARQL_PATH = Pattern.compile("\\?v\\s+(\\S+)\\s+\\?[dc]\\b");
    private static final Pattern SPARQL_CODE_PREFIX = Pattern.compile("<([^<>{}]*)\\{");

    private final Model model;
    private final Map<String, String> prefixes;
    private final Map<IRI, DataClass> dataClasses;
    private final Map<IRI, CodeSystem> codeSystems;
    private final List<ApiCall> calls;

    private SmartOntology(Model owl) {
        this.model = new LinkedHashModel(owl).unmodifiable();
        this.prefixes = new LinkedHashMap<>(WELL_KNOWN_PREFIXES);
        for (Namespace ns : owl.getNamespaces()) {
            prefixes.put(ns.getPrefix(), ns.getName());
        }
        Map<IRI, Set<IRI>> ancestors = ancestorsOfNamedClasses();
        this.codeSystems = readCodeSystems(ancestors);
        this.dataClasses = readDataClasses(ancestors);
        this.calls = readCalls();
    }

    /** The ontology the container ships, loaded once from the classpath. */
    public static SmartOntology loadDefault() {
        return DefaultHolder.INSTANCE;
    }

    /** Parses an ontology file leniently (tolerates the malformed language tag of the upstream smart.owl). */
    public static SmartOntology parse(InputStream in, RDFFormat format) {
        return of(parseLeniently(in, format));
    }

    /** The ontology described by an RDF model (copied, the argument may change afterwards). */
    public static SmartOntology of(Model owl) {
        return new SmartOntology(owl);
    }

    /**
     * Reads RDF with the settings the SMART ontology needs: invalid language tags and datatype values are
     * accepted as they are instead of rejecting the whole file.
     */
    public static Model parseLeniently(InputStream in, RDFFormat format) {
        RDFParser parser = Rio.createParser(format);
        ParserConfig config = parser.getParserConfig();
        config.set(BasicParserSettings.VERIFY_LANGUAGE_TAGS, false);
        config.set(BasicParserSettings.FAIL_ON_UNKNOWN_LANGUAGES, false);
        config.set(BasicParserSettings.NORMALIZE_LANGUAGE_TAGS, false);
        config.set(BasicParserSettings.VERIFY_DATATYPE_VALUES, false);
        config.set(BasicParserSettings.FAIL_ON_UNKNOWN_DATATYPES, false);
        Model result = new LinkedHashModel();
        parser.setRDFHandler(new StatementCollector(result));
        try {
            parser.parse(in, BASE_IRI);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read ontology", e);
        } catch (RDFParseException e) {
            throw new IllegalArgumentException("Ontology is not valid " + format.getName() + ": " + e.getMessage(), e);
        }
        return result;
    }

    /** The RDF of the ontology, unmodifiable (served at {@code /ontology}). */
    public Model model() {
        return model;
    }

    /** The named class with this IRI, if the ontology declares it. */
    public Optional<DataClass> dataClass(IRI iri) {
        return Optional.ofNullable(dataClasses.get(iri));
    }

    /** All named classes, in IRI order. */
    public Collection<DataClass> dataClasses() {
        return Collections.unmodifiableCollection(dataClasses.values());
    }

    /** The class whose {@code api:base_path} is exactly this template, if any. */
    public Optional<DataClass> dataClassByBasePath(String basePath) {
        return dataClasses.values().stream().filter(c -> c.basePath().filter(basePath::equals).isPresent()).findFirst();
    }

    /**
     * Whether instances of the type are clinical statements: {@code sp:Statement} or a transitive subclass,
     * and {@code sp:MedicalRecord}, which the container stores like a statement.
     */
    public boolean isStatementClass(IRI type) {
        if (type.equals(SmartTerms.STATEMENT) || type.equals(SmartTerms.MEDICAL_RECORD)) {
            return true;
        }
        DataClass c = dataClasses.get(type);
        return c != null && c.superClasses().contains(SmartTerms.STATEMENT);
    }

    /** All API calls, ordered by path, then HTTP method, then client method name. */
    public List<ApiCall> calls() {
        return calls;
    }

    /** The call with this {@code api:clientMethodName}, if declared. */
    public Optional<ApiCall> call(String clientMethodName) {
        return calls.stream().filter(c -> c.clientMethodName().equals(clientMethodName)).findFirst();
    }

    /** The code class or enumeration with this IRI (a subclass of {@code sp:Code}), if declared. */
    public Optional<CodeSystem> codeSystem(IRI codeClass) {
        return Optional.ofNullable(codeSystems.get(codeClass));
    }

    /** All code classes and enumerations, in IRI order. */
    public Collection<CodeSystem> codeSystems() {
        return Collections.unmodifiableCollection(codeSystems.values());
    }

    /**
     * The code system the values of a property of a class must be coded in, e.g. {@code spcode:RxNorm_Semantic}
     * for {@code sp:drugName} of {@code sp:Medication}.
     */
    public Optional<CodeSystem> codeSystemOf(IRI dataClass, IRI property) {
        return dataClass(dataClass)
                .flatMap(c -> c.property(property))
                .flatMap(PropertyConstraint::codeClass)
                .flatMap(this::codeSystem);
    }

    /** Whether {@code sub} is {@code sup} or one of its named subclasses. */
    public boolean isSubClassOf(IRI sub, IRI sup) {
        if (sub.equals(sup)) {
            return true;
        }
        DataClass c = dataClasses.get(sub);
        return c != null && c.superClasses().contains(sup);
    }

    /** Expands a CURIE such as {@code dcterms:date} with the ontology's prefixes. */
    public Optional<IRI> expandCurie(String curie) {
        int colon = curie.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String ns = prefixes.get(curie.substring(0, colon));
        if (ns == null) {
            return curie.startsWith("http") ? Optional.of(VF.createIRI(curie)) : Optional.empty();
        }
        return Optional.of(VF.createIRI(ns + curie.substring(colon + 1)));
    }

    // ---- classes -------------------------------------------------------------------------------------

    private Set<IRI> namedClasses() {
        Set<IRI> named = new LinkedHashSet<>();
        for (Resource r : model.filter(null, RDF.TYPE, OWL.CLASS).subjects()) {
            if (r instanceof IRI iri) {
                named.add(iri);
            }
        }
        return named;
    }

    private Map<IRI, Set<IRI>> ancestorsOfNamedClasses() {
        Map<IRI, Set<IRI>> result = new TreeMap<>(Comparator.comparing(IRI::stringValue));
        for (IRI c : namedClasses()) {
            Set<IRI> ancestors = new LinkedHashSet<>();
            Deque<IRI> todo = new ArrayDeque<>(directNamedSuperClasses(c));
            while (!todo.isEmpty()) {
                IRI next = todo.pop();
                if (!next.equals(c) && ancestors.add(next)) {
                    todo.addAll(directNamedSuperClasses(next));
                }
            }
            result.put(c, Collections.unmodifiableSet(ancestors));
        }
        return result;
    }

    private List<IRI> directNamedSuperClasses(Resource c) {
        List<IRI> supers = new ArrayList<>();
        for (Value v : model.filter(c, RDFS.SUBCLASSOF, null).objects()) {
            if (v instanceof IRI iri) {
                supers.add(iri);
            }
        }
        return supers;
    }

    private Map<IRI, DataClass> readDataClasses(Map<IRI, Set<IRI>> ancestors) {
        Map<IRI, DataClass> result = new LinkedHashMap<>();
        for (Map.Entry<IRI, Set<IRI>> e : ancestors.entrySet()) {
            IRI c = e.getKey();
            Set<IRI> supers = e.getValue();
            boolean statement = c.equals(SmartTerms.STATEMENT) || c.equals(SmartTerms.MEDICAL_RECORD)
                    || supers.contains(SmartTerms.STATEMENT);
            result.put(c, new DataClass(c, supers, literal(c, ApiTerms.BASE_PATH), statement,
                    mergedRestrictions(c, supers, ancestors), literal(c, ApiTerms.NAME_PLURAL)));
        }
        return Collections.unmodifiableMap(result);
    }

    /** One property's restrictions merged over the class and its ancestors: the tightest bounds win. */
    private List<PropertyConstraint> mergedRestrictions(IRI c, Set<IRI> supers, Map<IRI, Set<IRI>> ancestors) {
        Map<IRI, ConstraintBuilder> byProperty = new TreeMap<>(Comparator.comparing(IRI::stringValue));
        List<IRI> lineage = new ArrayList<>();
        lineage.add(c);
        lineage.addAll(supers);
        for (IRI cls : lineage) {
            for (Value sup : model.filter(cls, RDFS.SUBCLASSOF, null).objects()) {
                if (sup instanceof Resource r && !(sup instanceof IRI)) {
                    Optional<IRI> property = Models.objectIRI(model.filter(r, OWL.ONPROPERTY, null));
                    property.ifPresent(p -> byProperty.computeIfAbsent(p, k -> new ConstraintBuilder(k, ancestors))
                            .add(r));
                }
            }
        }
        return byProperty.values().stream().map(ConstraintBuilder::build).toList();
    }

    /** Accumulates the restrictions on one property. */
    private final class ConstraintBuilder {
        private final IRI property;
        private final Map<IRI, Set<IRI>> ancestors;
        private IRI valueClass;
        private IRI datatype;
        private IRI codeClass;
        private String unit;
        private int min;
        private Integer max;

        ConstraintBuilder(IRI property, Map<IRI, Set<IRI>> ancestors) {
            this.property = property;
            this.ancestors = ancestors;
        }

        void add(Resource restriction) {
            for (IRI filler : List.of(OWL.ALLVALUESFROM, OWL.SOMEVALUESFROM, OWL.ONCLASS)) {
                for (Value v : model.filter(restriction, filler, null).objects()) {
                    fill(v);
                }
            }
            if (model.contains(restriction, OWL.SOMEVALUESFROM, null)) {
                min = Math.max(min, 1);
            }
            integer(restriction, OWL.CARDINALITY).ifPresent(n -> bound(n, n));
            integer(restriction, OWL.QUALIFIEDCARDINALITY).ifPresent(n -> bound(n, n));
            integer(restriction, OWL.MINCARDINALITY).ifPresent(n -> bound(n, null));
            integer(restriction, OWL.MINQUALIFIEDCARDINALITY).ifPresent(n -> bound(n, null));
            integer(restriction, OWL.MAXCARDINALITY).ifPresent(n -> bound(0, n));
            integer(restriction, OWL.MAXQUALIFIEDCARDINALITY).ifPresent(n -> bound(0, n));
        }

        private void bound(int atLeast, Integer atMost) {
            min = Math.max(min, atLeast);
            if (atMost != null) {
                max = max == null ? atMost : Math.min(max, atMost);
            }
        }

        /** Reads a class expression the values must belong to. */
        private void fill(Value v) {
            if (v instanceof IRI iri) {
                if (isDatatype(iri)) {
                    datatype = iri;
                } else {
                    valueClass = moreSpecific(valueClass, iri);
                    if (isCodeClass(iri)) {
                        codeClass = moreSpecific(codeClass, iri);
                    }
                }
                return;
            }
            if (!(v instanceof Resource expression)) {
                return;
            }
            Optional<IRI> nestedProperty = Models.objectIRI(model.filter(expression, OWL.ONPROPERTY, null));
            if (nestedProperty.filter(SmartTerms.CODE_PROPERTY::equals).isPresent()) {
                Models.objectIRI(model.filter(expression, OWL.ALLVALUESFROM, null))
                        .ifPresent(code -> codeClass = moreSpecific(codeClass, code));
            } else if (nestedProperty.filter(SmartTerms.UNIT::equals).isPresent()) {
                Models.objectLiteral(model.filter(expression, OWL.HASVALUE, null))
                        .ifPresent(l -> unit = l.getLabel());
            }
            Models.objectResource(model.filter(expression, OWL.INTERSECTIONOF, null))
                    .ifPresent(list -> RDFCollections.asValues(model, list, new ArrayList<>()).forEach(this::fill));
        }

        private IRI moreSpecific(IRI current, IRI candidate) {
            if (current == null) {
                return candidate;
            }
            Set<IRI> ofCandidate = ancestors.getOrDefault(candidate, Set.of());
            return ofCandidate.contains(current) ? candidate : current;
        }

        private boolean isCodeClass(IRI iri) {
            return ancestors.getOrDefault(iri, Set.of()).contains(SmartTerms.CODE);
        }

        PropertyConstraint build() {
            return new PropertyConstraint(property, Optional.ofNullable(valueClass), min,
                    max == null ? OptionalInt.empty() : OptionalInt.of(max), Optional.ofNullable(datatype),
                    Optional.ofNullable(codeClass), Optional.ofNullable(unit));
        }
    }

    private static boolean isDatatype(IRI iri) {
        return iri.equals(RDFS.LITERAL) || iri.getNamespace().equals(XSD.NAMESPACE);
    }

    private Optional<Integer> integer(Resource subject, IRI predicate) {
        return Models.objectLiteral(model.filter(subject, predicate, null)).map(l -> Integer.valueOf(l.getLabel().trim()));
    }

    private Optional<String> literal(Resource subject, IRI predicate) {
        return Models.objectLiteral(model.filter(subject, predicate, null)).map(Literal::getLabel);
    }

    // ---- code systems --------------------------------------------------------------------------------

    private Map<IRI, CodeSystem> readCodeSystems(Map<IRI, Set<IRI>> ancestors) {
        Map<IRI, CodeSystem> result = new LinkedHashMap<>();
        for (Map.Entry<IRI, Set<IRI>> e : ancestors.entrySet()) {
            if (!e.getValue().contains(SmartTerms.CODE)) {
                continue;
            }
            IRI codeClass = e.getKey();
            Set<IRI> members = new LinkedHashSet<>();
            for (Resource expression : enumerationExpressions(codeClass)) {
                Models.objectResource(model.filter(expression, OWL.ONEOF, null)).ifPresent(list -> {
                    for (Value m : RDFCollections.asValues(model, list, new ArrayList<>())) {
                        if (m instanceof IRI member) {
                            members.add(member);
                        }
                    }
                });
            }
            Map<IRI, String> titles = new LinkedHashMap<>();
            for (IRI member : members) {
                literal(member, DCTERMS.TITLE).ifPresent(t -> titles.put(member, t));
            }
            result.put(codeClass, new CodeSystem(codeClass, system(codeClass, e.getValue()),
                    Collections.unmodifiableSet(members), Collections.unmodifiableMap(titles)));
        }
        return Collections.unmodifiableMap(result);
    }

    private List<Resource> enumerationExpressions(IRI codeClass) {
        List<Resource> expressions = new ArrayList<>();
        expressions.add(codeClass);
        for (Value v : model.filter(codeClass, OWL.EQUIVALENTCLASS, null).objects()) {
            if (v instanceof Resource r) {
                expressions.add(r);
            }
        }
        return expressions;
    }

    /** The declared {@code sc:codeSystem} of the class, else of its nearest ancestor that declares one. */
    private Optional<String> system(IRI codeClass, Set<IRI> ancestors) {
        Optional<String> own = literal(codeClass, ContainerTerms.CODE_SYSTEM);
        if (own.isPresent()) {
            return own;
        }
        Deque<IRI> todo = new ArrayDeque<>(directNamedSuperClasses(codeClass));
        Set<IRI> seen = new LinkedHashSet<>();
        while (!todo.isEmpty()) {
            IRI next = todo.removeFirst();
            if (!seen.add(next)) {
                continue;
            }
            Optional<String> declared = literal(next, ContainerTerms.CODE_SYSTEM);
            if (declared.isPresent()) {
                return declared;
            }
            todo.addAll(directNamedSuperClasses(next));
        }
        return Optional.empty();
    }

    // ---- calls ---------------------------------------------------------------------------------------

    private List<ApiCall> readCalls() {
        List<ApiCall> result = new ArrayList<>();
        for (Resource r : model.filter(null, RDF.TYPE, ApiTerms.CALL).subjects()) {
            if (!(r instanceof IRI call)) {
                continue;
            }
            List<ApiFilter> filters = new ArrayList<>();
            for (Value f : model.filter(call, ApiTerms.HAS_FILTER, null).objects()) {
                if (f instanceof IRI filter) {
                    filters.add(readFilter(filter));
                }
            }
            filters.sort(Comparator.comparing(ApiFilter::parameterName).thenComparing(f -> f.iri().stringValue()));
            List<ApiParameter> parameters = new ArrayList<>();
            for (Value p : model.filter(call, ApiTerms.HAS_PARAMETER, null).objects()) {
                if (p instanceof IRI parameter) {
                    parameters.add(new ApiParameter(parameter,
                            literal(parameter, ApiTerms.CLIENT_PARAMETER_NAME).orElse(parameter.getLocalName()),
                            Models.object(model.filter(parameter, ApiTerms.CLIENT_PARAMETER_TYPE, null))));
                }
            }
            parameters.sort(Comparator.comparing(ApiParameter::parameterName).thenComparing(p -> p.iri().stringValue()));
            result.add(new ApiCall(call,
                    required(call, ApiTerms.HTTP_METHOD),
                    required(call, ApiTerms.PATH),
                    Models.objectIRI(model.filter(call, ApiTerms.TARGET, null))
                            .orElseThrow(() -> missing(call, ApiTerms.TARGET)),
                    required(call, ApiTerms.CATEGORY),
                    required(call, ApiTerms.CARDINALITY),
                    required(call, ApiTerms.CLIENT_METHOD_NAME),
                    Models.object(model.filter(call, ApiTerms.DEFAULT_SORT, null)).flatMap(this::propertyReference),
                    List.copyOf(filters),
                    List.copyOf(parameters),
                    literal(call, ApiTerms.RESPONSE_CONTENT_TYPE)));
        }
        result.sort(Comparator.comparing(ApiCall::path).thenComparing(ApiCall::httpMethod)
                .thenComparing(ApiCall::clientMethodName));
        return List.copyOf(result);
    }

    /** A property given as IRI or, as SMART does, as a CURIE literal such as {@code "dcterms:date"}. */
    private Optional<IRI> propertyReference(Value v) {
        if (v instanceof IRI iri) {
            return Optional.of(iri);
        }
        return expandCurie(v.stringValue().trim());
    }

    private ApiFilter readFilter(IRI filter) {
        String parameterName = literal(filter, ApiTerms.CLIENT_PARAMETER_NAME).orElse(filter.getLocalName());
        Optional<String> sparql = literal(filter, ApiTerms.FILTER_SPARQL);
        Optional<IRI> declaredKind = Models.objectIRI(model.filter(filter, ContainerTerms.FILTER_KIND, null));
        ApiFilter.FilterKind kind;
        if (declaredKind.isPresent()) {
            kind = declaredKind.get().equals(ContainerTerms.CODE_MATCH)
                    ? ApiFilter.FilterKind.CODE_MATCH : ApiFilter.FilterKind.DATE_RANGE;
        } else {
            // Upstream files only have the SPARQL fragment: ?c binds a code, ?d a date.
            kind = sparql.filter(s -> s.contains("?c")).isPresent()
                    ? ApiFilter.FilterKind.CODE_MATCH : ApiFilter.FilterKind.DATE_RANGE;
        }
        List<IRI> path = Models.objectResource(model.filter(filter, ContainerTerms.FILTER_PATH, null))
                .map(list -> RDFCollections.asValues(model, list, new ArrayList<>()).stream()
                        .filter(IRI.class::isInstance).map(IRI.class::cast).toList())
                .orElseGet(() -> sparql.map(this::pathOfSparql).orElse(List.of()));
        Optional<DateBound> dateBound = Optional.empty();
        if (kind == ApiFilter.FilterKind.DATE_RANGE) {
            dateBound = Models.objectIRI(model.filter(filter, ContainerTerms.DATE_BOUND, null))
                    .flatMap(b -> DateBound.ofLocalName(b.getLocalName()))
                    .or(() -> DateBound.ofParameterName(parameterName));
        }
        Optional<String> codeUriPrefix = Optional.empty();
        if (kind == ApiFilter.FilterKind.CODE_MATCH) {
            codeUriPrefix = literal(filter, ContainerTerms.CODE_URI_PREFIX).or(() -> sparql.flatMap(s -> {
                Matcher m = SPARQL_CODE_PREFIX.matcher(s);
                return m.find() ? Optional.of(m.group(1)) : Optional.empty();
            }));
        }
        return new ApiFilter(filter, parameterName, kind, path, dateBound, codeUriPrefix,
                literal(filter, ContainerTerms.VALUE_PATTERN), sparql);
    }

    private List<IRI> pathOfSparql(String sparql) {
        Matcher m = SPARQL_PATH.matcher(sparql);
        if (!m.find()) {
            return List.of();
        }
        List<IRI> path = new ArrayList<>();
        for (String step : m.group(1).split("/")) {
            expandCurie(step).ifPresent(path::add);
        }
        return List.copyOf(path);
    }

    private String required(IRI subject, IRI predicate) {
        return literal(subject, predicate).orElseThrow(() -> missing(subject, predicate));
    }

    private static IllegalArgumentException missing(IRI subject, IRI predicate) {
        return new IllegalArgumentException(subject + " lacks " + predicate);
    }

    /** Lazily loads the shipped ontology once (class initialisation is thread-safe). */
    private static final class DefaultHolder {
        static final SmartOntology INSTANCE = loadResource();

        private static SmartOntology loadResource() {
            try (InputStream in = SmartOntology.class.getResourceAsStream(DEFAULT_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("Ontology resource missing: " + DEFAULT_RESOURCE);
                }
                return parse(in, RDFFormat.TURTLE);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + DEFAULT_RESOURCE, e);
            }
        }
    }
}
