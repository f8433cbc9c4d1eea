package org.smartcontainer.records;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.rdf4j.rio.Rio;
import org.smartcontainer.records.generator.GeneratedPatient;
import org.smartcontainer.records.generator.SamplePatientGenerator;

/** Bulk loading into any {@link RecordStore}: folders of patient files and generated patients. */
public final class PatientFolderImport {

    /** Generated patients written per transaction. */
    static final int GENERATION_BATCH = 25;

    private PatientFolderImport() {
    }

    /** Imports every RDF file of a folder (record id from the file name), each in its own transaction. */
    public static FolderImportReport importFolder(RecordStore store, Path folder, String apiBase) throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(Files::isRegularFile)
                    .filter(p -> Rio.getParserFormatForFileName(p.getFileName().toString()).isPresent())
                    .sorted().toList();
        }
        Map<String, ImportResult> imported = new LinkedHashMap<>();
        Map<String, String> failed = new LinkedHashMap<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            try {
                imported.put(name, store.importPatient(PatientData.parse(file), apiBase));
            } catch (RecordImportException e) {
                failed.put(name, e.getMessage());
            }
        }
        return new FolderImportReport(imported, failed);
    }

    /** Generates and imports the patients {@code 0..count-1} of a seed, a batch per transaction. */
    public static int generate(RecordStore store, int count, long seed) throws RecordImportException {
        SamplePatientGenerator generator = new SamplePatientGenerator(seed);
        List<PatientData> batch = new ArrayList<>(GENERATION_BATCH);
        int written = 0;
        for (int i = 0; i < count; i++) {
            GeneratedPatient p = generator.generate(i);
            batch.add(new PatientData(p.recordId(), p.rdf(), p.files(), "generated patient #" + i + " (seed " + seed + ")"));
            if (batch.size() == GENERATION_BATCH || i == count - 1) {
                written += store.importPatients(batch, null).size();
                batch.clear();
            }
        }
        return written;
    }
}
