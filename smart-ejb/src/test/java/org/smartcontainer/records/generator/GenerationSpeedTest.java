package org.smartcontainer.records.generator;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

class GenerationSpeedTest {

    @Test
    void fiftyPatientsGenerateInWellUnderASecond() {
        SamplePatientGenerator generator = new SamplePatientGenerator(SamplePatientGenerator.DEFAULT_SEED);
        generator.generateAll(50); // warm-up: class loading and JIT
        long start = System.nanoTime();
        long triples = generator.stream(50).mapToLong(p -> p.rdf().size()).sum();
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("50 patients, " + triples + " triples: " + millis + " ms");
        assertTrue(millis < 2_000, "took " + millis + " ms");
    }

    /** Run with {@code -Dsmart.generator.benchmark=10000}: the benchmark's load, generated on all cores. */
    @Test
    @EnabledIfSystemProperty(named = "smart.generator.benchmark", matches = "\\d+")
    void manyPatientsGenerateInUnderAMinute() {
        int count = Integer.parseInt(System.getProperty("smart.generator.benchmark"));
        SamplePatientGenerator generator = new SamplePatientGenerator(SamplePatientGenerator.DEFAULT_SEED);
        AtomicLong triples = new AtomicLong();
        AtomicLong files = new AtomicLong();
        long start = System.nanoTime();
        generator.stream(count).parallel().forEach(p -> {
            triples.addAndGet(p.rdf().size());
            files.addAndGet(p.files().size());
        });
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println(count + " patients, " + triples + " triples, " + files + " files: " + millis + " ms on "
                + Runtime.getRuntime().availableProcessors() + " cores");
        assertTrue(millis < 60_000, "took " + millis + " ms");
    }
}
