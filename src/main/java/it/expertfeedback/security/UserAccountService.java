package it.expertfeedback.security;

import it.expertfeedback.base.audit.AuditService;
import it.expertfeedback.base.validation.ConflictException;
import it.expertfeedback.base.validation.FieldProblem;
import it.expertfeedback.base.validation.InvalidInputException;
import it.expertfeedback.base.validation.TextRules;
import it.expertfeedback.base.api.NotFoundException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The security feature's door: accounts, roles and the signed-in user's preferences. Every change to an
 * account is written to the audit log in the same transaction.
 */
@Service
@Transactional(readOnly = true)
public class UserAccountService {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final String AUDIT_ENTITY = "user";
    static final int MIN_PASSWORD_LENGTH = 10;

    private final UserAccountRepository users;
    private final PasswordEncoder passwordEncoder;
    private final AuditService audit;

    UserAccountService(UserAccountRepository users, PasswordEncoder passwordEncoder, AuditService audit) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.audit = audit;
    }

    /** Creates an account with a chosen password (tests, bootstrap-like tools); the email must be new. */
    @Transactional
    @PreAuthorize(AppRoles.IS_ADMIN)
    public UserAccount createUser(String email, String displayName, String rawPassword, Set<Role> roles) {
        validateNewAccount(email, displayName, roles);
        UserAccount saved = users.save(new UserAccount(email, TextRules.clean(displayName),
                passwordEncoder.encode(rawPassword), roles));
        users.flush();
        audit.record(AUDIT_ENTITY, saved.getId(), "created", null, snapshot(saved));
        return saved;
    }

    /** Creates an account with a generated one-time password, returned once to show to the administrator. */
    @Transactional
    @PreAuthorize(AppRoles.IS_ADMIN)
    public CreatedAccount createUserWithOneTimePassword(String email, String displayName, Set<Role> roles) {
        String password = OneTimePasswords.generate();
        UserAccount account = createUser(email, displayName, password, roles);
        account.requirePasswordChange();
        users.flush();
        return new CreatedAccount(account, password);
    }

    /** One page of accounts for the admin's user list. */
    @PreAuthorize(AppRoles.IS_ADMIN)
    public Page<UserAccount> listUsers(Pageable pageable) {
        return users.findAll(pageable);
    }

    @PreAuthorize(AppRoles.IS_ADMIN)
    public long countUsers() {
        return users.count();
    }

    @PreAuthorize(AppRoles.IS_AUTHENTICATED)
    public Optional<UserAccount> findById(Integer id) {
        return users.findById(id);
    }

    @PreAuthorize(AppRoles.IS_REVIEWER_OR_ADMIN)
    public Optional<UserAccount> findByEmail(String email) {
        return users.findByEmail(UserAccount.normalizeEmail(email));
    }

    /** Replaces the roles of an account; the last enabled administrator keeps ADMIN. */
    @Transactional
    @PreAuthorize(AppRoles.IS_ADMIN)
    public UserAccount changeRoles(Integer userId, Set<Role> roles) {
        if (roles == null || roles.isEmpty()) {
            throw InvalidInputException.of("roles", "validation.required");
        }
        UserAccount user = require(userId);
        Map<String, Object> before = snapshot(user);
        if (user.hasRole(Role.ADMIN) && !roles.contains(Role.ADMIN) && user.isEnabled()) {
            refuseIfLastAdmin(user);
        }
        user.setRoles(EnumSet.copyOf(roles));
        users.flush();
        audit.record(AUDIT_ENTITY, userId, "roles_changed", before, snapshot(user));
        return user;
    }

    /** Grants one role if the account lacks it (e.g. EXPERT when a profile is created for it). */
    @Transactional
    @PreAuthorize(AppRoles.IS_ADMIN)
    public void grantRole(Integer userId, Role role) {
        UserAccount user = require(userId);
        if (!user.hasRole(role)) {
            Set<Role> roles = EnumSet.of(role);
            roles.addAll(user.getRoles());
            changeRoles(userId, roles);
        }
    }

    /** Disables or re-enables sign-in; the last enabled administrator cannot be disabled. */
    @Transactional
    @PreAuthorize(AppRoles.IS_ADMIN)
    public UserAccount setEnabled(Integer userId, boolean enabled) {
        UserAccount user = require(userId);
        if (user.isEnabled() == enabled) {
            return user;
        }
        Map<String, Object> before = snapshot(user);
        if (!enabled && user.hasRole(Role.ADMIN)) {
            refuseIfLastAdmin(user);
        }
        user.setEnabled(enabled);
        users.flush();
        audit.record(AUDIT_ENTITY, userId, enabled ? "enabled" : "disabled", before, snapshot(user));
        return user;
    }

    /** Sets a new one-time password, unlocks the account, and returns the password once. */
    @Transactional
    @PreAuthorize(AppRoles.IS_ADMIN)
    public CreatedAccount resetPassword(Integer userId) {
        UserAccount user = require(userId);
        String password = OneTimePasswords.generate();
        user.setOneTimePassword(passwordEncoder.encode(password));
        user.recordSuccessfulLogin();
        users.flush();
        // The hash is never audited: only the fact that it changed.
        audit.record(AUDIT_ENTITY, userId, "password_reset", null, Map.of("email", user.getEmail()));
        return new CreatedAccount(user, password);
    }

    /** Whether the signed-in user still has a one-time password to replace. */
    @PreAuthorize(AppRoles.IS_AUTHENTICATED)
    public boolean mustChangePasswordOfCurrentUser() {
        return users.findById(CurrentUser.requireId()).map(UserAccount::isPasswordChangeRequired).orElse(false);
    }

    /**
     * The signed-in user replaces their password: the current one must match, the new one has at least
     * {@value #MIN_PASSWORD_LENGTH} characters with a letter and a digit, and differs from the current one.
     */
    @Transactional
    @PreAuthorize(AppRoles.IS_AUTHENTICATED)
    public void changeOwnPassword(String current, String replacement) {
        UserAccount user = require(CurrentUser.requireId());
        Map<String, FieldProblem> problems = new LinkedHashMap<>();
        if (current == null || !passwordEncoder.matches(current, user.getPasswordHash())) {
            problems.put("current_password", FieldProblem.of("user.error.wrong-password"));
        }
        if (replacement == null || replacement.length() < MIN_PASSWORD_LENGTH || !replacement.matches(".*\\p{L}.*")
                || !replacement.matches(".*\\d.*")) {
            problems.put("new_password", FieldProblem.of("user.error.weak-password", MIN_PASSWORD_LENGTH));
        } else if (replacement.equals(current)) {
            problems.put("new_password", FieldProblem.of("user.error.same-password"));
        }
        InvalidInputException.throwIfAny(problems);
        user.setOwnPassword(passwordEncoder.encode(replacement));
        users.flush();
        audit.record(AUDIT_ENTITY, user.getId(), "password_changed", null, Map.of("email", user.getEmail()));
    }

    /** The signed-in user's language; null when never chosen (the UI then speaks Italian). */
    @PreAuthorize(AppRoles.IS_AUTHENTICATED)
    public Optional<Locale> preferredLocaleOfCurrentUser() {
        return users.findById(CurrentUser.requireId())
                .map(UserAccount::getPreferredLocale)
                .map(Locale::forLanguageTag);
    }

    @Transactional
    @PreAuthorize(AppRoles.IS_AUTHENTICATED)
    public void changePreferredLocaleOfCurrentUser(Locale locale) {
        users.findById(CurrentUser.requireId())
                .ifPresent(user -> user.setPreferredLocale(locale.getLanguage()));
    }

    private void validateNewAccount(String email, String displayName, Set<Role> roles) {
        Map<String, FieldProblem> problems = new LinkedHashMap<>();
        String cleanEmail = TextRules.clean(email);
        if (cleanEmail == null) {
            problems.put("email", FieldProblem.of("validation.required"));
        } else if (cleanEmail.length() > 254 || !EMAIL.matcher(cleanEmail).matches()) {
            problems.put("email", FieldProblem.of("validation.email"));
        }
        String name = TextRules.clean(displayName);
        if (name == null) {
            problems.put("display_name", FieldProblem.of("validation.required"));
        } else {
            TextRules.maxLength(problems, "display_name", name, 200);
        }
        if (roles == null || roles.isEmpty()) {
            problems.put("roles", FieldProblem.of("validation.required"));
        }
        InvalidInputException.throwIfAny(problems);
        if (users.existsByEmailIgnoreCase(UserAccount.normalizeEmail(cleanEmail))) {
            throw new DuplicateEmailException(cleanEmail);
        }
    }

    private void refuseIfLastAdmin(UserAccount user) {
        long otherAdmins = users.countOtherEnabledWithRole(Role.ADMIN, user.getId());
        if (otherAdmins == 0) {
            throw new ConflictException("user.error.last-admin");
        }
    }

    private UserAccount require(Integer userId) {
        return users.findById(userId).orElseThrow(() -> NotFoundException.of("User", userId));
    }

    private static Map<String, Object> snapshot(UserAccount user) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("email", user.getEmail());
        state.put("display_name", user.getDisplayName());
        state.put("roles", user.getRoles().stream().map(Role::name).sorted().toList());
        state.put("enabled", user.isEnabled());
        return state;
    }
}
