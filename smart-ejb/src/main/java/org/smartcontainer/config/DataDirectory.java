package org.smartcontainer.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The container's data directory (RDF store, uploaded files, the initial admin password).
 *
 * <p>It must outlive redeploys, so by default it lives in the server's domain directory, not in the
 * application: {@code ${com.sun.aas.instanceRoot}/smart-data} on Payara.
 */
@ApplicationScoped
public class DataDirectory {

    /** MicroProfile Config key of the data directory. */
    public static final String KEY = "smart.data.dir";

    private Path root;

    protected DataDirectory() {
        // for CDI
    }

    @Inject
    DataDirectory(@ConfigProperty(name = KEY) Optional<String> configured) {
        this.root = resolve(configured);
    }

    /** The default when {@value #KEY} is not set: inside the server instance, else in the user's home. */
    static Path resolve(Optional<String> configured) {
        Path dir = configured.filter(s -> !s.isBlank()).map(Path::of).orElseGet(() -> {
            String instanceRoot = System.getProperty("com.sun.aas.instanceRoot");
            return instanceRoot != null
                    ? Path.of(instanceRoot, "smart-data")
                    : Path.of(System.getProperty("user.home"), ".smart-container");
        });
        return dir.toAbsolutePath().normalize();
    }

    /** The data directory itself, created if missing. */
    public Path root() {
        return ensure(root);
    }

    /** A sub-directory of the data directory, created if missing. */
    public Path subdirectory(String name) {
        return ensure(root.resolve(name));
    }

    private static Path ensure(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory " + dir
                    + " (set " + KEY + " to a writable directory)", e);
        }
    }
}
