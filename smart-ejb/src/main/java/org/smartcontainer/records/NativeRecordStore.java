package org.smartcontainer.records;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.nio.file.Path;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.eclipse.rdf4j.repository.RepositoryConnection;
import org.eclipse.rdf4j.repository.sail.SailRepository;
import org.eclipse.rdf4j.sail.nativerdf.NativeStore;
import org.smartcontainer.config.DataDirectory;

/** The record store in an embedded RDF4J native store under the data directory. */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN) // the repository is thread-safe
public class NativeRecordStore implements RecordStore {

    static final String SP = "http://smartplatforms.org/terms#";

    @Inject
    private DataDirectory dataDirectory;

    private Path directory;
    private SailRepository repository;

    @PostConstruct
    void open() {
        directory = dataDirectory.subdirectory("records");
        repository = new SailRepository(new NativeStore(directory.toFile(), "spoc,posc,cspo"));
        repository.init();
    }

    @PreDestroy
    void close() {
        if (repository != null) {
            repository.shutDown();
        }
    }

    @Override
    public long countRecords() {
        try (RepositoryConnection connection = repository.getConnection()) {
            var medicalRecord = connection.getValueFactory().createIRI(SP, "MedicalRecord");
            try (var statements = connection.getStatements(null, RDF.TYPE, medicalRecord, false)) {
                return statements.stream().map(st -> st.getSubject()).distinct().count();
            }
        }
    }

    @Override
    public String describe() {
        return "RDF4J native store at " + directory;
    }
}
