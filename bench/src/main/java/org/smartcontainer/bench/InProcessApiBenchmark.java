package org.smartcontainer.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.impl.SimpleValueFactory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.smartcontainer.api.representation.RdfMediaType;
import org.smartcontainer.api.representation.RepresentationWriter;
import org.smartcontainer.ontology.ApiCall;
import org.smartcontainer.ontology.SmartOntology;
import org.smartcontainer.ontology.SmartTerms;
import org.smartcontainer.records.NativeStoreRecords;
import org.smartcontainer.records.PatientFolderImport;
import org.smartcontainer.records.StatementTypes;
import org.smartcontainer.records.generator.SamplePatientGenerator;
import org.smartcontainer.records.query.PagingPolicy;
import org.smartcontainer.records.query.QueryParameters;
import org.smartcontainer.records.query.RecordReader;
import org.smartcontainer.records.query.StatementQuery;

/**
 * The in-process path of one API read, per call and representation: the ontology-driven query on the record
 * store (what {@code RecordDataHandler} does) plus serialization by the {@link RepresentationWriter}, without
 * HTTP, authorization, audit or the response cache. The store holds the 50 generated sample patients of the
 * run command (default seed); record {@code 98719713} has a typical medication list and the largest
 * lab-results list. Run with {@code bench/jmh.sh}; {@link OAuthVerificationBenchmark} measures the signature.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
public class InProcessApiBenchmark {

    static final String API_BASE = "http://localhost:8080/api";

    @Param({"RDF_XML", "TURTLE", "JSON_LD"})
    public String representation;

    @Param({"98719713"})
    public String record;

    private Path dir;
    private NativeStoreRecords store;
    private RecordReader reader;
    private RepresentationWriter writer;
    private RdfMediaType type;
    private ApiCall medications;
    private ApiCall labResults;
    private IRI demographicsType;
    private final PagingPolicy paging = PagingPolicy.UNLIMITED;

    @Setup(Level.Trial)
    public void open() throws Exception {
        SmartOntology ontology = SmartOntology.loadDefault();
        dir = Files.createTempDirectory("smart-jmh");
        store = new NativeStoreRecords(dir.resolve("records"), dir.resolve("documents"), StatementTypes.of(ontology));
        PatientFolderImport.generate(store, 50, SamplePatientGenerator.DEFAULT_SEED);
        if (!store.exists(record)) {
            throw new IllegalStateException("No record " + record + " among the generated patients");
        }
        reader = new RecordReader(store);
        writer = RepresentationWriter.forOntology(ontology);
        type = RdfMediaType.valueOf(representation);
        medications = ontology.call("get_medications").orElseThrow();
        labResults = ontology.call("get_lab_results").orElseThrow();
        demographicsType = SmartTerms.sp("Demographics");
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        store.close();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }

    private int write(Model graph) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            writer.write(graph, type, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.size();
    }

    private Model collection(ApiCall call) {
        String url = API_BASE + call.path().replace("{record_id}", record);
        StatementQuery query = StatementQuery.of(call, QueryParameters.none(), paging);
        return reader.collection(record, query, url, QueryParameters.none(), API_BASE);
    }

    @Benchmark
    public int demographics() {
        IRI uri = SimpleValueFactory.getInstance().createIRI(API_BASE + "/records/" + record + "/demographics");
        return write(reader.item(record, demographicsType, uri, API_BASE).orElseThrow());
    }

    @Benchmark
    public int medications() {
        return write(collection(medications));
    }

    @Benchmark
    public int labResults() {
        return write(collection(labResults));
    }
}
