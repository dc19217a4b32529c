package it.expertfeedback.security;

import it.expertfeedback.base.db.EmbeddedDatabase;
import it.expertfeedback.base.db.StartupLock;
import java.util.EnumSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * First start on an empty database: one ADMIN from EFS_ADMIN_EMAIL / EFS_ADMIN_PASSWORD, or with a generated
 * password printed once in the log. Never touches a database that has accounts already, with one exception: with
 * demo data on (DOMAIN.md §10) the configured administrator is created next to the demo accounts when it does not
 * exist, because the demo accounts alone would otherwise make EFS_ADMIN_EMAIL silently ignored.
 *
 * <p>Runs after the demo seeding and, like it, under {@link StartupLock}, deciding inside the lock: two instances
 * starting together on an empty database create the administrator once.
 */
@Component
@Order(0)
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final UserAccountRepository users;
    private final PasswordEncoder passwordEncoder;
    private final StartupLock startupLock;
    private final String email;
    private final String password;
    private final boolean demoData;

    AdminBootstrap(UserAccountRepository users, PasswordEncoder passwordEncoder, StartupLock startupLock,
                   ObjectProvider<EmbeddedDatabase> embedded,
                   @Value("${efs.admin.email:admin@efs.local}") String email,
                   @Value("${efs.admin.password:}") String password,
                   @Value("${efs.demo-data:}") String demoData) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.startupLock = startupLock;
        this.email = email;
        this.password = password;
        // The same rule as the demo seeder's: on by default on the embedded database, else only when asked for.
        this.demoData = demoData.isBlank() ? embedded.getIfAvailable() != null : Boolean.parseBoolean(demoData);
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        startupLock.acquire();
        if (promoteExistingAccount()) {
            return;
        }
        boolean empty = users.count() == 0;
        if (!empty && !(demoData && users.findByEmail(email.strip()).isEmpty())) {
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

    /**
     * An adopted database (DOMAIN.md §11) has accounts but maybe no ADMIN of ours: on its first start (no account is
     * ADMIN yet) EFS_ADMIN_EMAIL naming one of its accounts makes that account ADMIN; its password stays its own.
     * Once any ADMIN exists this changes nothing (an administrator's later decisions are not undone by a restart).
     */
    private boolean promoteExistingAccount() {
        if (users.countWithRole(Role.ADMIN) > 0) {
            return false;
        }
        return users.findByEmail(UserAccount.normalizeEmail(email)).map(account -> {
            EnumSet<Role> roles = EnumSet.of(Role.ADMIN);
            roles.addAll(account.getRoles());
            account.setRoles(roles);
            log.warn("EFS_ADMIN_EMAIL: the existing account {} is now ADMIN (no administrator was present)", email);
            return true;
        }).orElse(false);
    }
}
