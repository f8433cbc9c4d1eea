package org.smartcontainer.apps;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Set;

/**
 * Consumer, token and verifier strings: generated with {@link SecureRandom} from {@code [0-9A-Za-z]}
 * (the alphabet clients and templates assume), and the checks an administrator-chosen secret must pass.
 */
public final class ConsumerSecrets {

    /** Alphabet of generated secrets and tokens (SMART clients assume no special characters). */
    public static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    /** Length of generated secrets and tokens: 32 × log2(62) ≈ 190 bits, within the 40 characters clients expect. */
    public static final int GENERATED_LENGTH = 32;

    /** Shortest administrator-chosen secret. */
    public static final int MIN_CHOSEN_LENGTH = 16;

    /** Longest secret accepted. */
    public static final int MAX_LENGTH = 200;

    /** Estimated entropy an administrator-chosen secret needs, in bits. */
    public static final double MIN_CHOSEN_BITS = 80;

    /**
     * Publicly known secrets: the reference's developer apps ({@code smartapp-secret}), its install
     * guide ({@code chrome}) and the usual defaults, compared without case and punctuation.
     */
    private static final Set<String> WELL_KNOWN = Set.of("smartappsecret", "smartsecret", "chrome", "chromesecret",
            "secret", "consumersecret", "password", "changeme", "changeit", "default", "admin", "smart",
            "smartapp", "test", "testsecret", "demo", "letmein", "qwerty", "abc123");

    private static final SecureRandom RANDOM = new SecureRandom();

    private ConsumerSecrets() {
    }

    /** A new random string of {@value #GENERATED_LENGTH} characters (≈190 bits). */
    public static String generate() {
        return generate(GENERATED_LENGTH);
    }

    /** A new random string of {@code length} characters from {@link #ALPHABET}. */
    public static String generate(int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
        }
        return new String(out);
    }

    /**
     * Accepts a secret chosen by an administrator, or says why not: at least {@value #MIN_CHOSEN_LENGTH}
     * printable ASCII characters without spaces, about {@value #MIN_CHOSEN_BITS} bits by a simple
     * character-class estimate, not a known default with decorations ({@code Smartapp-Secret2024!}).
     */
    public static void checkChosen(String secret) throws WeakSecretException {
        if (secret == null || secret.isEmpty()) {
            throw new WeakSecretException("The secret is empty");
        }
        if (secret.length() > MAX_LENGTH) {
            throw new WeakSecretException("The secret is longer than " + MAX_LENGTH + " characters");
        }
        for (char c : secret.toCharArray()) {
            if (c < 0x21 || c > 0x7E) {
                throw new WeakSecretException("The secret may contain only printable ASCII characters without spaces");
            }
        }
        String core = secret.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        if (WELL_KNOWN.contains(core) || WELL_KNOWN.contains(secret.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", ""))) {
            throw new WeakSecretException("The secret is a publicly known default");
        }
        if (secret.length() < MIN_CHOSEN_LENGTH) {
            throw new WeakSecretException("The secret must have at least " + MIN_CHOSEN_LENGTH + " characters");
        }
        if (secret.chars().distinct().count() < 8) {
            throw new WeakSecretException("The secret repeats too few different characters");
        }
        if (estimatedBits(secret) < MIN_CHOSEN_BITS) {
            throw new WeakSecretException("The secret is too predictable; use a longer one or let the container generate it");
        }
    }

    /** Length × log2(size of the character classes used), counting runs and sequences of one character once. */
    static double estimatedBits(String secret) {
        int pool = 0;
        if (secret.chars().anyMatch(Character::isLowerCase)) {
            pool += 26;
        }
        if (secret.chars().anyMatch(Character::isUpperCase)) {
            pool += 26;
        }
        if (secret.chars().anyMatch(Character::isDigit)) {
            pool += 10;
        }
        if (secret.chars().anyMatch(c -> !Character.isLetterOrDigit(c))) {
            pool += 32;
        }
        int effective = 1;
        for (int i = 1; i < secret.length(); i++) {
            int step = secret.charAt(i) - secret.charAt(i - 1);
            if (Math.abs(step) > 1) {
                effective++;
            }
        }
        return effective * (Math.log(pool) / Math.log(2));
    }
}
