package org.smartcontainer.accounts;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.smartcontainer.persistence.DatabaseOutages;

/** Accounts: creation, lookup and password sign-in with a lockout that really lasts. */
@Stateless
@Interceptors(DatabaseOutages.class)
public class AccountService {

    /** The outcome of a sign-in attempt. */
    public enum SignInResult { OK, WRONG_CREDENTIALS, LOCKED, DISABLED }

    /** A sign-in outcome and, when it succeeded, the account. */
    public record SignIn(SignInResult result, Account account) {
        public boolean succeeded() {
            return result == SignInResult.OK;
        }
    }

    @PersistenceContext(unitName = "smart")
    private EntityManager em;

    @Inject
    private Pbkdf2PasswordHash passwordHash;

    @Inject
    @ConfigProperty(name = "smart.accounts.lockout.attempts", defaultValue = "5")
    private int lockoutAttempts;

    @Inject
    @ConfigProperty(name = "smart.accounts.lockout.minutes", defaultValue = "15")
    private int lockoutMinutes;

    private String unknownUserHash;

    @PostConstruct
    void configureHash() {
        passwordHash.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
                "Pbkdf2PasswordHash.Iterations", "210000",
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "64"));
        // A hash of a random password, checked for unknown user names so that timing reveals nothing.
        unknownUserHash = passwordHash.generate(InitialAdmin.randomPassword(24));
    }

    /** Creates an account; the password is stored only as a PBKDF2 hash. */
    public Account create(String username, String givenName, String familyName, char[] password, Set<Role> roles) {
        if (findByUsername(username).isPresent()) {
            throw new AccountChangeRefusedException("An account named '" + username + "' already exists");
        }
        Account account = new Account(username, givenName, familyName, passwordHash.generate(password), roles);
        em.persist(account);
        return account;
    }

    /** The account with this user name, if any. */
    public Optional<Account> findByUsername(String username) {
        return em.createNamedQuery("Account.byUsername", Account.class)
                .setParameter("username", username)
                .getResultStream().findFirst();
    }

    /** How many accounts hold this role. */
    public long countWithRole(Role role) {
        return em.createNamedQuery("Account.countWithRole", Long.class).setParameter("role", role).getSingleResult();
    }

    /** How many accounts exist. */
    public long count() {
        return em.createNamedQuery("Account.count", Long.class).getSingleResult();
    }

    /** Whether the account with this user name is locked out now. */
    public boolean isLocked(String username) {
        return findByUsername(username)
                .map(a -> a.getLockedUntil() != null && Instant.now().isBefore(a.getLockedUntil()))
                .orElse(false);
    }

    /**
     * Checks a user name and password. Repeated failures lock the account for a configured time;
     * while locked, even the right password is refused.
     */
    public SignIn signIn(String username, char[] password) {
        Verified verified = verify(username, password);
        Account account = verified.signIn().account();
        Instant now = Instant.now();
        if (verified.signIn().succeeded()
                && (account.getLastLoginAt() == null || account.getLastLoginAt().isBefore(now.minus(LAST_SIGN_IN_PRECISION)))) {
            if (verified.changed()) {
                // The entity is written anyway (failures reset): a bulk update now would bump its version under it.
                account.setLastLoginAt(now);
            } else {
                // A bulk update queues on the row lock instead of failing on a stale entity version.
                em.createQuery("UPDATE Account a SET a.lastLoginAt = :now WHERE a.id = :id")
                        .setParameter("now", now).setParameter("id", account.getId()).executeUpdate();
            }
        }
        return verified.signIn();
    }

    /** A password check's outcome, and whether it changed the account entity (failure count, lock). */
    private record Verified(SignIn signIn, boolean changed) {
    }

    /** The password check with the lockout rules, without recording a sign-in time. */
    private Verified verify(String username, char[] password) {
        Optional<Account> found = findByUsername(username);
        if (found.isEmpty()) {
            // Spend the same time as a real check so that timing does not reveal which names exist.
            passwordHash.verify(password, unknownUserHash);
            return new Verified(new SignIn(SignInResult.WRONG_CREDENTIALS, null), false);
        }
        Account account = found.get();
        Instant now = Instant.now();
        if (account.getLockedUntil() != null && now.isBefore(account.getLockedUntil())) {
            return new Verified(new SignIn(SignInResult.LOCKED, null), false);
        }
        if (!passwordHash.verify(password, account.getPasswordHash())) {
            int failures = account.getFailedLoginCount() + 1;
            account.setFailedLoginCount(failures);
            if (failures >= lockoutAttempts) {
                account.setLockedUntil(now.plus(Duration.ofMinutes(lockoutMinutes)));
                account.setFailedLoginCount(0);
                return new Verified(new SignIn(SignInResult.LOCKED, null), true);
            }
            return new Verified(new SignIn(SignInResult.WRONG_CREDENTIALS, null), true);
        }
        if (account.getState() != Account.State.active) {
            return new Verified(new SignIn(SignInResult.DISABLED, null), false);
        }
        // Write only what changed: concurrent successful sign-ins of one account (an operator's script)
        // must not all update the versioned row and fail each other with optimistic-lock errors.
        boolean changed = account.getFailedLoginCount() != 0 || account.getLockedUntil() != null;
        if (changed) {
            account.setFailedLoginCount(0);
            account.setLockedUntil(null);
        }
        return new Verified(new SignIn(SignInResult.OK, account), changed);
    }

    /** How exactly the last sign-in time is kept: finer would mean a database write per request. */
    private static final Duration LAST_SIGN_IN_PRECISION = Duration.ofMinutes(5);

    // ---------------------------------------------------------------- administration

    /** Every account, by user name. */
    public List<Account> list() {
        return em.createNamedQuery("Account.all", Account.class).getResultList();
    }

    /** Enables or disables an account; the last active administrator cannot be disabled. */
    public Account setState(String username, Account.State state) {
        Account account = existing(username);
        if (state != Account.State.active && account.getState() == Account.State.active && account.hasRole(Role.admin)) {
            requireAnotherActiveAdmin();
        }
        account.setState(state);
        return account;
    }

    /** Replaces an account's roles; the last active administrator keeps the admin role. */
    public Account setRoles(String username, Set<Role> roles) {
        Account account = existing(username);
        if (account.hasRole(Role.admin) && !roles.contains(Role.admin) && account.getState() == Account.State.active) {
            requireAnotherActiveAdmin();
        }
        account.setRoles(roles);
        return account;
    }

    /** Sets a new password (an administrator's reset) and lifts any lockout. */
    public Account resetPassword(String username, char[] password) {
        checkPassword(password);
        Account account = existing(username);
        account.setPasswordHash(passwordHash.generate(password));
        account.setFailedLoginCount(0);
        account.setLockedUntil(null);
        return account;
    }

    /** The outcome of a password change by the account's owner. */
    public enum PasswordChange { CHANGED, WRONG_PASSWORD, LOCKED, DISABLED }

    /**
     * The signed-in user's own password change. The current password is checked like a sign-in, so wrong
     * guesses count towards the lockout (they are answered, not thrown, so that the count is kept); a
     * locked or disabled account cannot change it. A too short new password is refused first.
     */
    public PasswordChange changePassword(String username, char[] currentPassword, char[] newPassword) {
        checkPassword(newPassword);
        SignIn check = verify(username, currentPassword).signIn();
        return switch (check.result()) {
            case OK -> {
                check.account().setPasswordHash(passwordHash.generate(newPassword));
                yield PasswordChange.CHANGED;
            }
            case LOCKED -> PasswordChange.LOCKED;
            case DISABLED -> PasswordChange.DISABLED;
            case WRONG_CREDENTIALS -> PasswordChange.WRONG_PASSWORD;
        };
    }

    /**
     * Self-registration: a clinician account, active at once or (when an administrator must approve it)
     * disabled until an administrator enables it.
     */
    public Account register(String username, String givenName, String familyName, String email, char[] password,
            boolean needsApproval) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new AccountChangeRefusedException(
                    "The user name must have 3 to 64 letters, digits, dots, dashes, underscores or @");
        }
        if (email != null && !email.isBlank() && !EMAIL.matcher(email).matches()) {
            throw new AccountChangeRefusedException("The e-mail address is not valid");
        }
        checkPassword(password);
        Account account = create(username, givenName, familyName, password, EnumSet.of(Role.clinician));
        account.setEmail(email == null || email.isBlank() ? null : email.strip());
        if (needsApproval) {
            account.setState(Account.State.disabled);
        }
        return account;
    }

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{3,64}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /** Limits an account to the given records, or (null) lets it see every record. */
    public Account setRecordAccess(String username, Set<String> allowedRecords) {
        Account account = existing(username);
        account.limitRecords(allowedRecords);
        return account;
    }

    /**
     * The records an account may see: empty when it may see every record (or does not exist), else the
     * set, for {@code OAuthPrincipal.AccountPrincipal#limitedTo} and the patient picker.
     */
    public Optional<Set<String>> recordAccess(String username) {
        return findByUsername(username).filter(Account::isRecordsLimited).map(Account::getAllowedRecords);
    }

    /** Lifts a lockout before it expires. */
    public Account unlock(String username) {
        Account account = existing(username);
        account.setFailedLoginCount(0);
        account.setLockedUntil(null);
        return account;
    }

    /** Refuses passwords shorter than {@value #MIN_PASSWORD_LENGTH} characters. */
    public static void checkPassword(char[] password) {
        if (password == null || password.length < MIN_PASSWORD_LENGTH) {
            throw new AccountChangeRefusedException("The password must have at least " + MIN_PASSWORD_LENGTH + " characters");
        }
    }

    /** The shortest password an administrator may set. */
    public static final int MIN_PASSWORD_LENGTH = 12;

    private void requireAnotherActiveAdmin() {
        long admins = em.createNamedQuery("Account.countActiveWithRole", Long.class).setParameter("role", Role.admin)
                .setParameter("state", Account.State.active).getSingleResult();
        if (admins <= 1) {
            throw new AccountChangeRefusedException("This is the last active administrator");
        }
    }

    private Account existing(String username) {
        return findByUsername(username).orElseThrow(() -> new UnknownAccountException(username));
    }
    /**
     * The id of an account in the SMART API ({@code /users/{user_id}}, {@code smart_user_id}): its e-mail
     * address, or its user name when it has none.
     */
    public static String userIdOf(Account account) {
        String email = account.getEmail();
        return email == null || email.isBlank() ? account.getUsername() : email;
    }

    /** The account with this API user id (e-mail address, or user name for accounts without one). */
    public Optional<Account> findByUserId(String userId) {
        if (userId == null || userId.isBlank()) {
            return Optional.empty();
        }
        Optional<Account> byEmail = em.createQuery("SELECT a FROM Account a WHERE a.email = :email", Account.class)
                .setParameter("email", userId).getResultStream().findFirst();
        return byEmail.isPresent() ? byEmail : findByUsername(userId).filter(a -> userIdOf(a).equals(userId));
    }


}
