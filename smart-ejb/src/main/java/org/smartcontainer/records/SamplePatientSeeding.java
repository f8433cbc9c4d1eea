package org.smartcontainer.records;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.smartcontainer.records.generator.SamplePatientGenerator;

/**
 * First start: fills an empty record store with generated sample patients
 * ({@value #COUNT_KEY}, default 50; 0 disables). A store holding any record is left alone.
 */
@Singleton
@Startup
@DependsOn("ConfiguredRecordStore")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SamplePatientSeeding {

    /** MicroProfile Config key of the number of patients to generate. */
    public static final String COUNT_KEY = "smart.sample-patients.count";

    private static final Logger LOG = Logger.getLogger(SamplePatientSeeding.class.getName());

    @Inject
    private RecordStore store;

    @Inject
    @ConfigProperty(name = COUNT_KEY, defaultValue = "50")
    private int count;

    @PostConstruct
    void seed() {
        try {
            if (count <= 0 || store.countRecords() > 0) {
                return;
            }
        } catch (RecordStoreUnavailableException e) {
            // a remote store that is down must not stop the container from starting
            LOG.warning("Sample patients not generated: " + e.getMessage());
            return;
        }
        long start = System.nanoTime();
        try {
            int written = PatientFolderImport.generate(store, count, SamplePatientGenerator.DEFAULT_SEED);
            LOG.info(() -> "Generated " + written + " sample patients in " + (System.nanoTime() - start) / 1_000_000
                    + " ms (" + COUNT_KEY + "=" + count + ")");
        } catch (RecordImportException | RecordStoreUnavailableException e) {
            // the container still starts; the administration can import patients later
            LOG.severe("Cannot generate the sample patients: " + e.getMessage());
        }
    }
}
