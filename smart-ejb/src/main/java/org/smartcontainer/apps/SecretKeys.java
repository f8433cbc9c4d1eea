package org.smartcontainer.apps;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.smartcontainer.config.DataDirectory;

/**
 * The key that encrypts consumer secrets at rest: {@value #KEY} (base64 of 32 bytes, e.g. from a
 * password alias or the environment) when set, else a random key created once in the data directory,
 * readable only by the server's user. A cluster must set {@value #KEY} so that every instance shares it.
 */
@ApplicationScoped
public class SecretKeys {

    /** MicroProfile Config key of the AES-256 key, base64. */
    public static final String KEY = "smart.secrets.key";

    /** File in the data directory holding the generated key. */
    public static final String KEY_FILE = "consumer-secrets.key";

    @Inject
    @ConfigProperty(name = KEY)
    Optional<String> configured;

    @Inject
    DataDirectory dataDirectory;

    private SecretCipher cipher;

    /** The cipher for consumer secrets. */
    @Produces
    public synchronized SecretCipher cipher() {
        if (cipher == null) {
            byte[] key = configured.filter(s -> !s.isBlank()).map(s -> Base64.getDecoder().decode(s.trim()))
                    .orElseGet(this::keyFromFile);
            if (key.length != 32) {
                throw new IllegalStateException(KEY + " must be 32 bytes (base64), found " + key.length);
            }
            cipher = new SecretCipher(new SecretKeySpec(key, "AES"));
        }
        return cipher;
    }

    private byte[] keyFromFile() {
        Path file = dataDirectory.root().resolve(KEY_FILE);
        try {
            if (!Files.exists(file)) {
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                try {
                    try {
                        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                    } catch (UnsupportedOperationException notPosix) {
                        Files.createFile(file);
                    }
                    Files.writeString(file, Base64.getEncoder().encodeToString(key));
                    return key;
                } catch (FileAlreadyExistsException raced) {
                    // another instance created it first: read theirs
                }
            }
            return Base64.getDecoder().decode(Files.readString(file).trim());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the consumer-secret key " + file, e);
        }
    }
}
