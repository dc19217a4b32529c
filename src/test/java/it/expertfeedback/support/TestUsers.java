package it.expertfeedback.support;

import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Creates accounts (and expert profiles) straight in the database, so a test can arrange its own people
 * without depending on the services it is testing.
 */
@Component
public class TestUsers {

    public static final String PASSWORD = "Password-test-1";

    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwordEncoder;
    private String passwordHash;

    public TestUsers(JdbcTemplate jdbc, PasswordEncoder passwordEncoder) {
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
    }

    public record Created(int id, String email) {
    }

    public Created create(String... roles) {
        String email = "test-" + UUID.randomUUID().toString().substring(0, 8) + "@efs.test";
        if (passwordHash == null) {
            passwordHash = passwordEncoder.encode(PASSWORD);
        }
        Integer id = jdbc.queryForObject(
                "insert into \"user\" (email, display_name, password_hash) values (?, ?, ?) returning id",
                Integer.class, email, "Utente " + email.substring(5, 13), passwordHash);
        for (String role : roles) {
            jdbc.update("insert into user_role (user_id, role) values (?, ?)", id, role);
        }
        return new Created(id, email);
    }

    /** An expert account with a verified, active profile. */
    public Created createVerifiedExpert() {
        Created user = create("EXPERT");
        jdbc.update("""
                insert into expert_profiles (user_id, credential_types, is_verified, verification_date, is_active)
                values (?, '{dottore_commercialista}', true, now(), true)""", user.id());
        return user;
    }
}
