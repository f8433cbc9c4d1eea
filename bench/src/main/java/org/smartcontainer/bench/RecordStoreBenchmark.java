package org.smartcontainer.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.smartcontainer.ontology.SmartOntology;
import org.smartcontainer.records.ImportResult;
import org.smartcontainer.records.NativeStoreRecords;
import org.smartcontainer.records.PatientData;
import org.smartcontainer.records.PatientValidator;
import org.smartcontainer.records.RecordQuery;
import org.smartcontainer.records.RecordStore;
import org.smartcontainer.records.SparqlStoreRecords;
import org.smartcontainer.records.StatementEntry;
import org.smartcontainer.records.StatementTypes;
import org.smartcontainer.records.StoreEngine;
import org.smartcontainer.records.ValidationMode;
import org.smartcontainer.records.generator.GeneratedPatient;
import org.smartcontainer.records.generator.SamplePatientGenerator;

/**
 * Measures the record store: import rate of the 59 sample patients and of a large population,
 * size on disk, and the time to read one patient's medications with few and with many patients.
 * Not a test; run with {@code bench/run.sh [--patients N] [--batch N] [--lap N] [--work DIR]
 * [--backend lmdb|native|sparql]} ({@code lmdb}, the default, and {@code native} are the engines of the embedded
 * store; {@code --lap N} prints the import rate of every N patients).
 * Validation is off (the store's own cost is measured). {@code --backend sparql} measures the remote SPARQL store
 * on Apache Jena Fuseki (TDB2) started by the benchmark on loopback ({@code --fuseki-jar}, {@code --fuseki-port}).
 */
public final class RecordStoreBenchmark {

    private static final String API_BASE = "http://localhost:7000";
    private static final IRI MEDICATION = Values.iri("http://smartplatforms.org/terms#Medication");

    private Path shared;
    private Path work;
    private int patients = 10_000;
    private int batch = 25;
    private boolean reuse;
    private String backend = "lmdb";
    private int lap = 1000;
    private Path fusekiJar;
    private int fusekiPort = 0;
    private int servers;
    private StatementTypes types;
    private final List<PatientData> samples = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        RecordStoreBenchmark bench = new RecordStoreBenchmark();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--shared" -> bench.shared = Path.of(args[++i]);
                case "--work" -> bench.work = Path.of(args[++i]);
                case "--patients" -> bench.patients = Integer.parseInt(args[++i]);
                case "--batch" -> bench.batch = Integer.parseInt(args[++i]);
                case "--reuse" -> bench.reuse = true;
                case "--backend" -> bench.backend = args[++i];
                case "--lap" -> bench.lap = Integer.parseInt(args[++i]);
                case "--fuseki-jar" -> bench.fusekiJar = Path.of(args[++i]);
                case "--fuseki-port" -> bench.fusekiPort = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("Unknown argument " + args[i]
                        + " (--shared DIR, --work DIR, --patients N, --batch N, --lap N, --backend lmdb|native|sparql,"
                        + " --fuseki-jar JAR, --fuseki-port PORT, --reuse)");
            }
        }
        bench.run();
    }

    private void run() throws Exception {
        if (work == null) {
            work = Files.createTempDirectory("smart-bench");
        }
        System.out.printf("Record store benchmark (%s): %d cores, max heap %d MB, work dir %s%n", backend,
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, work);
        try (InputStream in = Files.newInputStream(shared.resolve("ontology/smart.owl"))) {
            types = StatementTypes.of(SmartOntology.parse(in, RDFFormat.RDFXML));
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(shared.resolve("sample-patients"))) {
            files = list.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
        }
        long t0 = System.nanoTime();
        for (Path file : files) {
            samples.add(PatientData.parse(file));
        }
        long parseNs = System.nanoTime() - t0;
        long inputTriples = samples.stream().mapToLong(p -> p.rdf().size()).sum();
        System.out.printf("Parsed %d sample files (%,d triples) in %d ms (%,.0f triples/s)%n", files.size(),
                inputTriples, parseNs / 1_000_000, inputTriples / (parseNs / 1e9));

        Path small = work.resolve("store-59");
        Path large = work.resolve("store-" + patients);
        if (reuse && Files.isDirectory(small) && Files.isDirectory(large)) {
            // the stores of an earlier run: only the side-by-side reads
            String probe;
            try (Opened opened = open(small)) {
                probe = patientWithMostMedications(opened.store());
            }
            compareReads(small, large, probe);
            return;
        }
        // 1. the 59 sample patients, one transaction each (as the admin import does)
        String probe;
        try (Opened opened = open(small)) {
            RecordStore store = opened.store();
            // warm-up run in a scratch store so that class loading and JIT do not count
            try (Opened scratch = open(work.resolve("warmup"))) {
                for (PatientData p : samples) {
                    scratch.store().importPatient(PatientData.of(p.recordId(), p.rdf(), p.source()), null);
                }
            }
            long quads = 0;
            long start = System.nanoTime();
            for (PatientData p : samples) {
                quads += store.importPatient(p, null).triples();
            }
            report("Import of the 59 sample patients (1 transaction each)", quads, System.nanoTime() - start);
            System.out.printf("  store size on disk: %s for %d patients%n", opened.size(), store.countRecords());
            probe = patientWithMostMedications(store);
            readBenchmark("59 patients", store, probe);
        }

        // 2. a large population of generated patients (generation not timed)
        SamplePatientGenerator generator = new SamplePatientGenerator(SamplePatientGenerator.DEFAULT_SEED);
        try (Opened opened = open(large)) {
            RecordStore store = opened.store();
            // the probe patient of the small store, so that the same patient is read in both
            store.importPatient(samples.stream().filter(p -> p.recordId().equals(probe)).findFirst().orElseThrow(), null);
            long quads = 0;
            long importNs = 0;
            long lapNs = 0;
            long lapQuads = 0;
            List<PatientData> pending = new ArrayList<>();
            for (int i = 0; i < patients; i++) {
                GeneratedPatient g = generator.generate(i);
                pending.add(new PatientData(g.recordId(), g.rdf(), g.files(), "generated #" + i));
                if (pending.size() == batch || i == patients - 1) {
                    long start = System.nanoTime();
                    for (ImportResult r : store.importPatients(pending, null)) {
                        quads += r.triples();
                    }
                    importNs += System.nanoTime() - start;
                    pending.clear();
                }
                if ((i + 1) % lap == 0) {
                    System.out.printf(Locale.ROOT, "  %,d patients, %,d quads, last %d imported in %d ms (%,.0f triples/s)%n",
                            i + 1, quads, lap, (importNs - lapNs) / 1_000_000, (quads - lapQuads) / ((importNs - lapNs) / 1e9));
                    lapNs = importNs;
                    lapQuads = quads;
                }
            }
            long ns = importNs;
            report("Import of " + patients + " generated patients (" + batch + " patient(s) per transaction)", quads, ns);
            System.out.printf("  store size on disk: %s for %d patients%n", opened.size(), store.countRecords());
            readBenchmark(patients + " patients", store, probe);
            searchBenchmark(store);
        }
        try (Opened opened = open(large)) {
            opened.store().countRecords();
            System.out.printf("Reopen of the %d-patient store (search index rebuilt): %d ms%n", patients,
                    opened.openNs() / 1_000_000);
        }
        compareReads(small, large, probe);
    }

    /**
     * The same patient's medications read from both stores in alternation, so that the machine's load
     * (shared, noisy) weighs on both figures alike: the ratio is the number to judge.
     */
    private void compareReads(Path small, Path large, String probe) throws Exception {
        try (Opened fewStore = open(small); Opened manyStore = open(large)) {
            RecordStore few = fewStore.store();
            RecordStore many = manyStore.store();
            int rounds = 500;
            long[] fewTimes = new long[rounds];
            long[] manyTimes = new long[rounds];
            for (int warm = 0; warm < 100; warm++) {
                readMedications(few, probe);
                readMedications(many, probe);
            }
            for (int i = 0; i < rounds; i++) {
                long start = System.nanoTime();
                readMedications(few, probe);
                long middle = System.nanoTime();
                readMedications(many, probe);
                manyTimes[i] = System.nanoTime() - middle;
                fewTimes[i] = middle - start;
            }
            Arrays.sort(fewTimes);
            Arrays.sort(manyTimes);
            double fewMedian = fewTimes[rounds / 2] / 1e6;
            double manyMedian = manyTimes[rounds / 2] / 1e6;
            System.out.printf(Locale.ROOT, "Side by side, record %s's medications, %d alternating rounds: %d patients median %.2f ms"
                    + " (p90 %.2f), %d patients median %.2f ms (p90 %.2f): ratio %.2f%n", probe, rounds, few.countRecords(),
                    fewMedian, fewTimes[rounds * 9 / 10] / 1e6, many.countRecords(), manyMedian,
                    manyTimes[rounds * 9 / 10] / 1e6, manyMedian / fewMedian);
        }
    }

    /** An open store of the chosen backend, its size on disk and how long opening it took. */
    private record Opened(RecordStore store, Path dir, long openNs, Process fuseki) implements AutoCloseable {

        String size() throws IOException {
            return fuseki == null ? RecordStoreBenchmark.size(dir) : String.format(Locale.ROOT,
                    "%s (Fuseki TDB2 %s)", bytes(dir), bytes(dir.resolve("tdb2")));
        }

        @Override
        public void close() throws Exception {
            ((AutoCloseable) store).close();
            if (fuseki != null) {
                fuseki.destroy();
                fuseki.waitFor();
            }
        }
    }

    private Opened open(Path dir) throws Exception {
        if (backend.equals("native") || backend.equals("lmdb")) {
            long start = System.nanoTime();
            NativeStoreRecords store = new NativeStoreRecords(StoreEngine.valueOf(backend.toUpperCase(Locale.ROOT)),
                    dir.resolve("records"), dir.resolve("documents"), types, PatientValidator.NONE, ValidationMode.OFF);
            return new Opened(store, dir, System.nanoTime() - start, null);
        }
        if (!backend.equals("sparql")) {
            throw new IllegalArgumentException("--backend lmdb, native or sparql");
        }
        // the same Apache Jena Fuseki the tests use, one process per store, TDB2 in the store's directory
        Files.createDirectories(dir.resolve("tdb2"));
        // one server per store, each on its own port (the previous one may still run)
        int port = fusekiPort == 0 ? 0 : fusekiPort + servers++;
        if (port == 0) {
            try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
                port = free.getLocalPort();
            }
        }
        Process fuseki = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-jar", fusekiJar.toString(), "--localhost", "--port", Integer.toString(port), "--tdb2",
                "--loc=" + dir.resolve("tdb2"), "--update", "/records")
                .redirectErrorStream(true).redirectOutput(dir.resolve("fuseki.log").toFile()).start();
        String endpoint = "http://localhost:" + port + "/records/";
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; ; i++) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(endpoint + "query?query=ASK%7B%7D")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    break;
                }
            } catch (IOException e) {
                if (i > 600) {
                    throw new IllegalStateException("Fuseki did not start, see " + dir.resolve("fuseki.log"), e);
                }
            }
            if (!fuseki.isAlive()) {
                throw new IllegalStateException("Fuseki exited, see " + dir.resolve("fuseki.log"));
            }
            Thread.sleep(100);
        }
        long start = System.nanoTime();
        SparqlStoreRecords store = new SparqlStoreRecords(new SparqlStoreRecords.Settings(endpoint + "query",
                endpoint + "update", null, null, Duration.ofSeconds(5), Duration.ofMinutes(10), Duration.ofMinutes(10), 8),
                dir.resolve("documents"), types);
        return new Opened(store, dir, System.nanoTime() - start, fuseki);
    }

    private static void report(String what, long quads, long ns) {
        System.out.printf("%s: %,d quads in %,d ms = %,.0f triples/s%n", what, quads, ns / 1_000_000, quads / (ns / 1e9));
    }

    private static String patientWithMostMedications(RecordStore store) {
        return store.recordIds().stream().max(Comparator.comparingInt(
                (String id) -> store.listStatements(id, MEDICATION, List.of(), API_BASE).size())).orElseThrow();
    }

    /** Lists and loads one patient's medications (with fulfillments) many times; prints the median. */
    private static void readBenchmark(String label, RecordStore store, String recordId) {
        int rounds = 300;
        long[] times = new long[rounds];
        int triples = 0;
        for (int warm = 0; warm < 100; warm++) {
            readMedications(store, recordId);
        }
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            triples = readMedications(store, recordId).size();
            times[i] = System.nanoTime() - start;
        }
        Arrays.sort(times);
        System.out.printf(Locale.ROOT, "Read medications of record %s with %s: median %.2f ms, p90 %.2f ms (%d triples)%n",
                recordId, label, times[rounds / 2] / 1e6, times[rounds * 9 / 10] / 1e6, triples);
    }

    private static Model readMedications(RecordStore store, String recordId) {
        List<StatementEntry> entries = store.listStatements(recordId, MEDICATION, List.of(), API_BASE);
        return store.readStatements(recordId, entries.stream().map(StatementEntry::uri).toList(), API_BASE);
    }

    private static void searchBenchmark(RecordStore store) {
        RecordQuery query = RecordQuery.all().familyName("s").gender("fe");
        int found = 0;
        long start = System.nanoTime();
        for (int i = 0; i < 100; i++) {
            found = store.search(query).size();
        }
        System.out.printf(Locale.ROOT, "Search family_name=s gender=fe over %d records: %.2f ms (%d found)%n",
                store.countRecords(), (System.nanoTime() - start) / 100 / 1e6, found);
    }

    private static String size(Path dir) throws IOException {
        return String.format(Locale.ROOT, "%s (native store %s, journal %s, documents %s)", bytes(dir),
                bytes(dir.resolve("records")), bytes(dir.resolve("records-journal")), bytes(dir.resolve("documents")));
    }

    private static String bytes(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            long bytes = walk.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
            return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
        }
    }

}
