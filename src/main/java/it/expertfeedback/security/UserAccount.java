package it.expertfeedback.security;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** A person who signs in (table {@code "user"}, INTEGER id as the seed requires). */
@Entity
@Table(name = "\"user\"")
public class UserAccount {

    /** Failed logins in a row that lock the account, and for how long. */
    static final int MAX_FAILED_LOGINS = 5;
    static final Duration LOCK_DURATION = Duration.ofMinutes(15);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Integer id;

    @Column(name = "email", nullable = false, length = 254)
    private String email;

    @Column(name = "display_name", nullable = false, length = 200)
    private String displayName;

    @Column(name = "password_hash", nullable = false, length = 100)
    private String passwordHash;

    @Column(name = "enabled", nullable = false)
    private boolean enabled = true;

    @Column(name = "failed_login_attempts", nullable = false)
    private int failedLoginAttempts;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    @Column(name = "password_change_required", nullable = false)
    private boolean passwordChangeRequired;

    @Column(name = "preferred_locale", length = 5)
    private String preferredLocale;

    @Column(name = "created_at", insertable = false, updatable = false)
    private Instant createdAt;

    /** Carried in every bearer token; incremented to revoke all tokens issued before (V11). */
    @Column(name = "token_version", nullable = false)
    private int tokenVersion;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "user_role", joinColumns = @JoinColumn(name = "user_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "role", length = 20)
    private Set<Role> roles = new HashSet<>();

    protected UserAccount() {
    }

    public UserAccount(String email, String displayName, String passwordHash, Set<Role> roles) {
        this.email = normalizeEmail(email);
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.roles = new HashSet<>(roles);
    }

    public static String normalizeEmail(String email) {
        return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }

    public Integer getId() { return id; }
    public String getEmail() { return email; }
    public String getDisplayName() { return displayName; }
    public void setDisplayName(String displayName) { this.displayName = displayName; }
    String getPasswordHash() { return passwordHash; }
    public boolean isPasswordChangeRequired() { return passwordChangeRequired; }

    /** A password someone else chose (one-time): the owner must replace it at the next sign-in. */
    void setOneTimePassword(String passwordHash) {
        this.passwordHash = passwordHash;
        revokeTokens();
        requirePasswordChange();
    }

    void requirePasswordChange() {
        this.passwordChangeRequired = true;
    }

    /** The owner's own new password. */
    void setOwnPassword(String passwordHash) {
        this.passwordHash = passwordHash;
        this.passwordChangeRequired = false;
        revokeTokens();
    }

    /** Ends every bearer token issued so far: they carry the previous version. */
    void revokeTokens() {
        tokenVersion++;
    }

    int getTokenVersion() { return tokenVersion; }
    public boolean isEnabled() { return enabled; }

    public void setEnabled(boolean enabled) {
        if (this.enabled != enabled) {
            revokeTokens();
        }
        this.enabled = enabled;
    }
    public int getFailedLoginAttempts() { return failedLoginAttempts; }
    public Instant getLockedUntil() { return lockedUntil; }
    public String getPreferredLocale() { return preferredLocale; }
    public void setPreferredLocale(String preferredLocale) { this.preferredLocale = preferredLocale; }
    public Instant getCreatedAt() { return createdAt; }

    public Set<Role> getRoles() {
        return roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    public void setRoles(Set<Role> roles) {
        if (!this.roles.equals(Set.copyOf(roles))) {
            // A token must not keep rights the account just lost (nor, simply, outlive the change).
            revokeTokens();
        }
        this.roles.clear();
        this.roles.addAll(roles);
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    public boolean isLocked(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    void recordSuccessfulLogin() {
        failedLoginAttempts = 0;
        lockedUntil = null;
    }
}
