package org.smartcontainer.accounts;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** A person who signs in to the container: a clinician or an administrator. */
@Entity
@Table(name = "SMART_ACCOUNT")
@NamedQuery(name = "Account.byUsername", query = "SELECT a FROM Account a WHERE a.username = :username")
@NamedQuery(name = "Account.countWithRole", query = "SELECT COUNT(a) FROM Account a WHERE :role MEMBER OF a.roles")
@NamedQuery(name = "Account.count", query = "SELECT COUNT(a) FROM Account a")
@NamedQuery(name = "Account.all", query = "SELECT a FROM Account a ORDER BY a.username")
@NamedQuery(name = "Account.countActiveWithRole",
        query = "SELECT COUNT(a) FROM Account a WHERE :role MEMBER OF a.roles AND a.state = :state")
public class Account {

    /** Whether an account may sign in. */
    public enum State { active, disabled }

    @Id
    @Column(length = 36)
    private String id;

    @Column(nullable = false, unique = true, length = 254)
    private String username;

    @Column(length = 254)
    private String email;

    @Column(length = 200)
    private String givenName;

    @Column(length = 200)
    private String familyName;

    @Column(nullable = false, length = 512)
    private String passwordHash;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "SMART_ACCOUNT_ROLE", joinColumns = @JoinColumn(name = "ACCOUNT_ID"))
    @Enumerated(EnumType.STRING)
    @Column(name = "ROLE", length = 20)
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private State state = State.active;

    private int failedLoginCount;

    private Instant lockedUntil;

    private Instant lastLoginAt;

    /** Whether the account may see only {@link #records}; false or null (rows from before this column): every record. */
    private Boolean recordsLimited;

    /** The records a limited account may see (record ids). */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "SMART_ACCOUNT_RECORD", joinColumns = @JoinColumn(name = "ACCOUNT_ID"))
    @Column(name = "RECORD_ID", length = 200)
    private Set<String> records = new HashSet<>();

    @Column(nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Account() {
        // for JPA
    }

    public Account(String username, String givenName, String familyName, String passwordHash, Set<Role> roles) {
        this.id = UUID.randomUUID().toString();
        this.username = username;
        this.givenName = givenName;
        this.familyName = familyName;
        this.passwordHash = passwordHash;
        this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        this.createdAt = Instant.now();
    }

    public String getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getGivenName() {
        return givenName;
    }

    public String getFamilyName() {
        return familyName;
    }

    public String getFullName() {
        return ((givenName == null ? "" : givenName) + " " + (familyName == null ? "" : familyName)).trim();
    }

    String getPasswordHash() {
        return passwordHash;
    }

    void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    public Set<Role> getRoles() {
        return roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    void setRoles(Set<Role> roles) {
        this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    public State getState() {
        return state;
    }

    public void setState(State state) {
        this.state = state;
    }

    public int getFailedLoginCount() {
        return failedLoginCount;
    }

    void setFailedLoginCount(int failedLoginCount) {
        this.failedLoginCount = failedLoginCount;
    }

    public Instant getLockedUntil() {
        return lockedUntil;
    }

    void setLockedUntil(Instant lockedUntil) {
        this.lockedUntil = lockedUntil;
    }

    public Instant getLastLoginAt() {
        return lastLoginAt;
    }

    void setLastLoginAt(Instant lastLoginAt) {
        this.lastLoginAt = lastLoginAt;
    }

    /** Whether the account sees only the records of {@link #getAllowedRecords()} (false: every record). */
    public boolean isRecordsLimited() {
        return Boolean.TRUE.equals(recordsLimited);
    }

    /** The records a limited account may see, sorted; empty for an account that sees every record. */
    public Set<String> getAllowedRecords() {
        return isRecordsLimited() ? new TreeSet<>(records) : new TreeSet<>();
    }

    void limitRecords(Set<String> allowed) {
        this.recordsLimited = allowed != null;
        this.records = allowed == null ? new HashSet<>() : new HashSet<>(allowed);
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
