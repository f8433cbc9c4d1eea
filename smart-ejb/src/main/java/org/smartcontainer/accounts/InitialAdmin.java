package org.smartcontainer.accounts;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.logging.Logger;
import org.smartcontainer.config.DataDirectory;

/**
 * On the first start (no admin account yet), creates the account {@value #USERNAME} with a random
 * password, prints it once in the server log and writes it to a file only the server's user can read.
 * There is no default password anywhere.
 */
@Singleton
@Startup
public class InitialAdmin {

    /** The user name of the first administrator. */
    public static final String USERNAME = "admin";

    /** Name of the file, in the data directory, that holds the first administrator's password. */
    public static final String PASSWORD_FILE = "initial-admin-password.txt";

    private static final Logger LOG = Logger.getLogger(InitialAdmin.class.getName());
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    @EJB
    private AccountService accounts;

    @Inject
    private DataDirectory dataDirectory;

    @PostConstruct
    void createFirstAdministrator() {
        if (accounts.countWithRole(Role.admin) > 0) {
            return;
        }
        char[] password = randomPassword(24);
        accounts.create(USERNAME, "Container", "Administrator", password, EnumSet.of(Role.admin, Role.clinician));
        Path file = dataDirectory.root().resolve(PASSWORD_FILE);
        writeOwnerOnly(file, new String(password) + "\n");
        LOG.warning(() -> "SMART Container EE: created the administrator account '" + USERNAME
                + "' with the password " + new String(password) + " (also written to " + file
                + ", readable only by the server's user). Change it after signing in.");
    }

    static char[] randomPassword(int length) {
        SecureRandom random = new SecureRandom();
        char[] password = new char[length];
        for (int i = 0; i < length; i++) {
            password[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
        return password;
    }

    private static void writeOwnerOnly(Path file, String content) {
        try {
            Files.deleteIfExists(file);
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(file);
            }
            Files.writeString(file, content, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (FileAlreadyExistsException e) {
            throw new IllegalStateException("Could not replace " + file, e);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the initial admin password to " + file, e);
        }
    }
}
