package it.expertfeedback.security;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The security feature's door: accounts, roles and the signed-in user's preferences. */
@Service
@Transactional(readOnly = true)
public class UserAccountService {

    private final UserAccountRepository users;
    private final PasswordEncoder passwordEncoder;

    UserAccountService(UserAccountRepository users, PasswordEncoder passwordEncoder) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
    }

    /** Creates an account; the email must be new (case-insensitive). */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public UserAccount createUser(String email, String displayName, String rawPassword, Set<Role> roles) {
        if (users.existsByEmailIgnoreCase(UserAccount.normalizeEmail(email))) {
            throw new DuplicateEmailException(email);
        }
        return users.save(new UserAccount(email, displayName, passwordEncoder.encode(rawPassword), roles));
    }

    /** One page of accounts for the admin's user list. */
    @PreAuthorize("hasRole('ADMIN')")
    public Page<UserAccount> listUsers(Pageable pageable) {
        return users.findAll(pageable);
    }

    @PreAuthorize("isAuthenticated()")
    public Optional<UserAccount> findById(Integer id) {
        return users.findById(id);
    }

    @PreAuthorize("hasAnyRole('REVIEWER', 'ADMIN')")
    public Optional<UserAccount> findByEmail(String email) {
        return users.findByEmail(UserAccount.normalizeEmail(email));
    }

    /** The signed-in user's language; null when never chosen (the UI then speaks Italian). */
    @PreAuthorize("isAuthenticated()")
    public Optional<Locale> preferredLocaleOfCurrentUser() {
        return users.findById(CurrentUser.requireId())
                .map(UserAccount::getPreferredLocale)
                .map(Locale::forLanguageTag);
    }

    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void changePreferredLocaleOfCurrentUser(Locale locale) {
        users.findById(CurrentUser.requireId())
                .ifPresent(user -> user.setPreferredLocale(locale.getLanguage()));
    }
}
