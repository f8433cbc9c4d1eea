package org.smartcontainer.records.write;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.ObjectName;
import org.eclipse.rdf4j.model.Model;
import org.smartcontainer.ontology.SmartOntology;
import org.smartcontainer.records.NativeStoreRecords;
import org.smartcontainer.records.PatientData;
import org.smartcontainer.records.StatementTypes;

/**
 * Run in a separate JVM with a small heap by {@link NotePostMemoryTest}: imports one sample patient, then fills the
 * heap with ballast until less than {@value #HEADROOM_MB} MB stay free (below RDF4J's 32 MB mark for heaps under
 * 1 GB, so its garbage-collection listener judges memory short, as on the soak server) and posts clinical notes the
 * way {@code ClinicalNoteHandler} does (parse, check, {@code addStatements}), with a full collection after each.
 * Prints {@code heap <MB>} after a full collection before the notes and after each, {@code valueStores <n>} (the
 * RDF4J value stores alive at the end: the record store's own is one) and {@code done}.
 */
public final class NotePostUnderMemoryPressureWorker {

    /** Free heap left beside the ballast, in MB. */
    static final int HEADROOM_MB = 20;

    private static final Pattern VALUE_STORES =
            Pattern.compile("(?m)^\\s*\\d+:\\s+(\\d+)\\s+\\d+\\s+org\\.eclipse\\.rdf4j\\.sail\\.nativerdf\\.ValueStore\\s*$");

    private NotePostUnderMemoryPressureWorker() {
    }

    /** Arguments: data directory, sample patient file, number of notes. */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        PatientData patient = PatientData.parse(Path.of(args[1]));
        int notes = Integer.parseInt(args[2]);
        try (NativeStoreRecords store = new NativeStoreRecords(dir.resolve("records"), dir.resolve("documents"),
                StatementTypes.of(SmartOntology.loadDefault()))) {
            store.importPatient(patient, StatementPostTest.BASE);
            List<byte[]> ballast = new ArrayList<>();
            System.gc();
            while (Runtime.getRuntime().maxMemory() - usedBytes() > (HEADROOM_MB + 1) << 20) {
                ballast.add(new byte[1 << 20]);
            }
            System.out.println("heap " + usedMegabytesAfterGc());
            for (int i = 0; i < notes; i++) {
                Model graph = StatementPostTest.parse(StatementPostTest.note("", ""));
                StatementPostTest.RULES.check(graph, StatementPostTest.NOTE, patient.recordId(), StatementPostTest.BASE);
                store.addStatements(patient.recordId(), graph, StatementPostTest.BASE);
                System.out.println("heap " + usedMegabytesAfterGc());
            }
            System.out.println("valueStores " + liveValueStores());
            System.out.println("ballast " + ballast.size() + " MB");
        }
        System.out.println("done");
        System.out.flush();
    }

    private static long usedBytes() {
        return Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
    }

    private static long usedMegabytesAfterGc() {
        System.gc();
        return usedBytes() >> 20;
    }

    /** The live instances of RDF4J's {@code ValueStore}, from a class histogram (which collects garbage first). */
    private static int liveValueStores() throws Exception {
        String histogram = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
        Matcher m = VALUE_STORES.matcher(histogram);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }
}
