package org.smartcontainer.apps;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Consumer secrets: generated strong, chosen ones checked, stored encrypted. */
class ConsumerSecretsTest {

    @Test
    void generatedSecretsHaveAtLeast128BitsFromTheClientSafeAlphabetAndDoNotRepeat() {
        String secret = ConsumerSecrets.generate();
        assertTrue(secret.matches("[0-9A-Za-z]{32}"));
        assertTrue(secret.length() * Math.log(62) / Math.log(2) >= 128);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertTrue(seen.add(ConsumerSecrets.generate()));
        }
    }

    @Test
    void theReferenceDevelopmentSecretAndItsDecorationsAreRefused() {
        for (String weak : new String[] {"smartapp-secret", "SMARTAPP-SECRET", "smartapp_secret", "Smartapp-Secret2024!",
            "chrome", "secret", "", "changeme"}) {
            assertThrows(WeakSecretException.class, () -> ConsumerSecrets.checkChosen(weak), weak);
        }
    }

    @Test
    void shortRepetitiveSequentialOrNonAsciiSecretsAreRefused() {
        for (String weak : new String[] {"Xy7#kL2q", "aaaaaaaaaaaaaaaaaaaaaaaa", "abcdefghijklmnopqrstuvwx",
            "0123456789012345678", "ab ab ab ab ab ab ab ab", "pässwörtLängerAlsNötig1"}) {
            assertThrows(WeakSecretException.class, () -> ConsumerSecrets.checkChosen(weak), weak);
        }
    }

    @Test
    void aLongRandomLookingChosenSecretIsAccepted() {
        assertDoesNotThrow(() -> ConsumerSecrets.checkChosen("q7V-2mXr!9pLz#4tWc8N"));
        assertDoesNotThrow(() -> ConsumerSecrets.checkChosen(ConsumerSecrets.generate()));
    }

    @Test
    void secretsAreEncryptedAtRestAndBoundToTheirApp() {
        SecretCipher cipher = new SecretCipher(new SecretKeySpec(new byte[32], "AES"));
        String stored = cipher.encrypt("medListSecret", "med-list@apps");
        assertTrue(stored.startsWith("v1:"));
        assertTrue(!stored.contains("medListSecret"));
        assertNotEquals(stored, cipher.encrypt("medListSecret", "med-list@apps"));
        assertEquals("medListSecret", cipher.decrypt(stored, "med-list@apps"));
        assertThrows(IllegalStateException.class, () -> cipher.decrypt(stored, "other@apps"));
        SecretCipher otherKey = new SecretCipher(new SecretKeySpec(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14,
            15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32}, "AES"));
        assertThrows(IllegalStateException.class, () -> otherKey.decrypt(stored, "med-list@apps"));
    }

    @Test
    void secretsNeverAppearInToString() {
        Consumer consumer = new Consumer("a@b", "topSecretValue123", AppKind.ui, false, null, null);
        assertTrue(!consumer.toString().contains("topSecretValue123"));
        assertTrue(!new InstallOptions("topSecretValue123", true, null, null).toString().contains("topSecretValue123"));
    }
}
