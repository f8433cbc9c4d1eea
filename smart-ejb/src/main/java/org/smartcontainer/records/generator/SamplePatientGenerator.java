package org.smartcontainer.records.generator;

import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Generates plausible SMART sample patients, deterministically: the same seed, reference date and index always
 * give the same patient, record id and bytes. Patients are independent of each other, so a stream of them may be
 * generated in parallel.
 */
public final class SamplePatientGenerator {

    /** The seed of the patients a fresh install gets. */
    public static final long DEFAULT_SEED = 20_110_606L;
    /** How many patients a fresh install gets. */
    public static final int DEFAULT_COUNT = 50;
    /** The "today" of generated charts, fixed so that output does not depend on the clock. */
    public static final LocalDate DEFAULT_REFERENCE_DATE = LocalDate.of(2025, 6, 30);

    private static final long ID_SPACE = 90_000_000L;
    // Odd, not a multiple of 3 or 5: coprime with ID_SPACE, so index -> id is one-to-one.
    private static final long ID_STRIDE = 48_271_007L;

    private final long seed;
    private final LocalDate referenceDate;

    /** A generator with the given seed and the default reference date. */
    public SamplePatientGenerator(long seed) {
        this(seed, DEFAULT_REFERENCE_DATE);
    }

    /** A generator whose charts end at {@code referenceDate}. */
    public SamplePatientGenerator(long seed, LocalDate referenceDate) {
        this.seed = seed;
        this.referenceDate = referenceDate;
    }

    /** The seed. */
    public long seed() {
        return seed;
    }

    /** The date the generated charts end at. */
    public LocalDate referenceDate() {
        return referenceDate;
    }

    /** The record id of the patient at {@code index}: 8 digits, distinct for every index below 90 million. */
    public String recordId(int index) {
        checkIndex(index);
        long offset = Math.floorMod(mix(seed), ID_SPACE);
        return Long.toString(10_000_000L + Math.floorMod(index * ID_STRIDE + offset, ID_SPACE));
    }

    /** The patient at {@code index}. */
    public GeneratedPatient generate(int index) {
        checkIndex(index);
        SplittableRandom random = new SplittableRandom(mix(seed * 0x9E3779B97F4A7C15L + index));
        return new PatientChart(recordId(index), random, referenceDate).build();
    }

    /** The patients at indexes {@code 0 .. count-1}, lazily and in order. */
    public Stream<GeneratedPatient> stream(int count) {
        return IntStream.range(0, count).mapToObj(this::generate);
    }

    /** The patients at indexes {@code 0 .. count-1}. */
    public List<GeneratedPatient> generateAll(int count) {
        return stream(count).toList();
    }

    private static void checkIndex(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("patient index must not be negative: " + index);
        }
    }

    // SplitMix64 finalizer: spreads nearby seeds and indexes over the whole 64-bit space.
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
