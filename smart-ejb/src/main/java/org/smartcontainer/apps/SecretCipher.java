package org.smartcontainer.apps;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encrypts consumer secrets at rest with AES-GCM. HMAC-SHA1 needs the secret in clear, so it cannot be
 * hashed like a password; encrypting it with a key kept outside the database means a database dump or
 * backup alone reveals no secret. The app id is bound as associated data, so a ciphertext copied to
 * another app's row does not decrypt.
 */
public final class SecretCipher {

    private static final String PREFIX = "v1:";
    private static final int IV_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;

    public SecretCipher(SecretKey key) {
        if (key == null || !"AES".equals(key.getAlgorithm())) {
            throw new IllegalArgumentException("An AES key is required");
        }
        this.key = key;
    }

    /** {@code v1:} + base64(IV ‖ ciphertext ‖ tag). */
    public String encrypt(String secret, String appId) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            cipher.updateAAD(appId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            byte[] out = Arrays.copyOf(iv, IV_BYTES + sealed.length);
            System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /**
     * The secret in clear.
     *
     * @throws IllegalStateException if the value was not encrypted with this key for this app
     */
    public String decrypt(String stored, String appId) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            throw new IllegalStateException("The stored consumer secret of " + appId + " is not in a known format");
        }
        byte[] in = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, in, 0, IV_BYTES));
            cipher.updateAAD(appId.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("The consumer secret of " + appId
                    + " does not decrypt with the configured key (was the key changed?)", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }
}
