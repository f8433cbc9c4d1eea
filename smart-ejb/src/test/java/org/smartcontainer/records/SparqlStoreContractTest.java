package org.smartcontainer.records;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The record store contract on the remote SPARQL store, on a real Apache Jena Fuseki (one server for the class, emptied
 * before each test).
 */
class SparqlStoreContractTest extends RecordStoreContract {

    static FusekiServer fuseki;

    @BeforeAll
    static void startFuseki() throws Exception {
        fuseki = new FusekiServer(Files.createTempDirectory("contract-fuseki").resolve("db")).start();
    }

    @AfterAll
    static void stopFuseki() {
        if (fuseki != null) {
            fuseki.close();
        }
    }

    @Override
    RecordStore open(Path dir) throws Exception {
        HttpResponse<String> dropped = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(fuseki.updateUrl()))
                .header("Content-Type", "application/sparql-update").POST(HttpRequest.BodyPublishers.ofString("DROP ALL"))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (dropped.statusCode() / 100 != 2) {
            throw new IllegalStateException("Fuseki did not empty its dataset: " + dropped.statusCode() + " " + dropped.body());
        }
        return new SparqlStoreRecords(new SparqlStoreRecords.Settings(fuseki.queryUrl(), fuseki.updateUrl(), null, null,
                Duration.ofSeconds(2), Duration.ofSeconds(60), Duration.ofSeconds(120), 8), dir.resolve("documents"),
                Fixtures.types());
    }
}
