package it.expertfeedback.security;

import java.util.EnumSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * First start on an empty database: one ADMIN from EFS_ADMIN_EMAIL / EFS_ADMIN_PASSWORD, or with a generated
 * password printed once in the log. Never touches a database that has accounts already.
 */
@Component
@Order(0)
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final UserAccountRepository users;
    private final PasswordEncoder passwordEncoder;
    private final String email;
    private final String password;

    AdminBootstrap(UserAccountRepository users, PasswordEncoder passwordEncoder,
                   @Value("${efs.admin.email:admin@efs.local}") String email,
                   @Value("${efs.admin.password:}") String password) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.email = email;
        this.password = password;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (users.count() > 0) {
            return;
        }
        String initialPassword = password.isBlank() ? OneTimePasswords.generate() : password;
        users.save(new UserAccount(email, "Amministratore", passwordEncoder.encode(initialPassword),
                EnumSet.of(Role.ADMIN)));
        if (password.isBlank()) {
            log.warn("Created the first administrator {} with generated password: {} (shown only once)",
                    email, initialPassword);
        } else {
            log.info("Created the first administrator {} from EFS_ADMIN_EMAIL / EFS_ADMIN_PASSWORD", email);
        }
    }
}
