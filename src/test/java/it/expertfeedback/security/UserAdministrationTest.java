package it.expertfeedback.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.expertfeedback.base.validation.ConflictException;
import it.expertfeedback.base.validation.InvalidInputException;
import it.expertfeedback.support.Api;
import it.expertfeedback.support.IntegrationTest;
import it.expertfeedback.support.SignedIn;
import it.expertfeedback.support.TestUsers;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

@IntegrationTest
class UserAdministrationTest {

    @LocalServerPort
    int port;

    @Autowired
    UserAccountService users;

    @Autowired
    TestUsers testUsers;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_created_account_signs_in_with_its_one_time_password_and_a_reset_replaces_it() {
        String email = "nuovo-" + UUID.randomUUID().toString().substring(0, 8) + "@efs.test";
        CreatedAccount created;
        CreatedAccount reset;
        try (SignedIn admin = SignedIn.as(testUsers.create("ADMIN"), Role.ADMIN)) {
            created = users.createUserWithOneTimePassword(email, "Anna Conti", EnumSet.of(Role.REVIEWER));
        }
        Api api = new Api(port);
        assertThat(api.login(email, created.oneTimePassword()).status()).isEqualTo(200);
        try (SignedIn admin = SignedIn.as(testUsers.create("ADMIN"), Role.ADMIN)) {
            reset = users.resetPassword(created.account().getId());
        }
        assertThat(reset.oneTimePassword()).isNotEqualTo(created.oneTimePassword());
        assertThat(api.login(email, created.oneTimePassword()).status()).isEqualTo(401);
        assertThat(api.login(email, reset.oneTimePassword()).status()).isEqualTo(200);
        assertThat(auditActions(created.account().getId())).containsExactly("created", "password_reset");
        assertThat(jdbc.queryForObject("select after_state::text from audit_log where entity_type = 'user' and entity_id = ? and action = 'password_reset'",
                String.class, created.account().getId().toString())).doesNotContain(reset.oneTimePassword()).doesNotContain("$2");
    }

    @Test
    void a_one_time_password_must_be_replaced_by_the_owner_with_a_sound_one() {
        String email = "monouso-" + UUID.randomUUID().toString().substring(0, 8) + "@efs.test";
        CreatedAccount created;
        try (SignedIn admin = SignedIn.as(testUsers.create("ADMIN"), Role.ADMIN)) {
            created = users.createUserWithOneTimePassword(email, "Paolo Neri", EnumSet.of(Role.EXPERT));
        }
        TestUsers.Created owner = new TestUsers.Created(created.account().getId(), email);
        try (SignedIn signedIn = SignedIn.as(owner, Role.EXPERT)) {
            assertThat(users.mustChangePasswordOfCurrentUser()).isTrue();
            assertThatThrownBy(() -> users.changeOwnPassword("sbagliata", "Nuova-password-2026"))
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.problems()).containsOnlyKeys("current_password"));
            assertThatThrownBy(() -> users.changeOwnPassword(created.oneTimePassword(), "corta1"))
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.problems()).containsOnlyKeys("new_password"));
            assertThatThrownBy(() -> users.changeOwnPassword(created.oneTimePassword(), "solamentelettere"))
                    .isInstanceOf(InvalidInputException.class);
            users.changeOwnPassword(created.oneTimePassword(), "Nuova-password-2026");
            assertThat(users.mustChangePasswordOfCurrentUser()).isFalse();
        }
        Api api = new Api(port);
        assertThat(api.login(email, created.oneTimePassword()).status()).isEqualTo(401);
        assertThat(api.login(email, "Nuova-password-2026").status()).isEqualTo(200);
        try (SignedIn admin = SignedIn.as(testUsers.create("ADMIN"), Role.ADMIN)) {
            users.resetPassword(owner.id());
        }
        assertThat(jdbc.queryForObject("select password_change_required from \"user\" where id = ?", Boolean.class, owner.id()))
                .isTrue();
        assertThat(auditActions(owner.id())).containsExactly("created", "password_changed", "password_reset");
    }

    @Test
    void roles_change_and_disabling_blocks_sign_in() {
        TestUsers.Created person = testUsers.create("EXPERT");
        try (SignedIn admin = SignedIn.as(testUsers.create("ADMIN"), Role.ADMIN)) {
            users.changeRoles(person.id(), EnumSet.of(Role.EXPERT, Role.REVIEWER));
            users.setEnabled(person.id(), false);
            assertThatThrownBy(() -> users.changeRoles(person.id(), EnumSet.noneOf(Role.class)))
                    .isInstanceOf(InvalidInputException.class);
        }
        assertThat(jdbc.queryForList("select role from user_role where user_id = ? order by role", String.class, person.id()))
                .containsExactly("EXPERT", "REVIEWER");
        assertThat(new Api(port).login(person.email(), TestUsers.PASSWORD).status()).isEqualTo(401);
        assertThat(auditActions(person.id())).containsExactly("roles_changed", "disabled");
    }

    @Test
    void the_last_enabled_administrator_cannot_lose_the_role_or_be_disabled() {
        TestUsers.Created onlyAdmin = testUsers.create("ADMIN");
        // Make this the only enabled ADMIN for the duration of the test.
        List<Integer> others = jdbc.queryForList("""
                select u.id from "user" u join user_role r on r.user_id = u.id
                where r.role = 'ADMIN' and u.enabled and u.id <> ?""", Integer.class, onlyAdmin.id());
        others.forEach(id -> jdbc.update("update \"user\" set enabled = false where id = ?", id));
        try (SignedIn admin = SignedIn.as(onlyAdmin, Role.ADMIN)) {
            assertThatThrownBy(() -> users.changeRoles(onlyAdmin.id(), EnumSet.of(Role.REVIEWER)))
                    .isInstanceOfSatisfying(ConflictException.class,
                            e -> assertThat(e.messageKey()).isEqualTo("user.error.last-admin"));
            assertThatThrownBy(() -> users.setEnabled(onlyAdmin.id(), false)).isInstanceOf(ConflictException.class);
            assertThat(jdbc.queryForList("select role from user_role where user_id = ?", String.class, onlyAdmin.id()))
                    .containsExactly("ADMIN");
        } finally {
            others.forEach(id -> jdbc.update("update \"user\" set enabled = true where id = ?", id));
        }
        // With a second administrator around, the change is allowed.
        try (SignedIn admin = SignedIn.as(onlyAdmin, Role.ADMIN)) {
            users.changeRoles(onlyAdmin.id(), EnumSet.of(Role.REVIEWER));
        }
        assertThat(jdbc.queryForList("select role from user_role where user_id = ?", String.class, onlyAdmin.id()))
                .containsExactly("REVIEWER");
    }

    @Test
    void duplicate_email_and_invalid_fields_are_refused_and_non_admins_cannot_manage_accounts() {
        TestUsers.Created existing = testUsers.create("EXPERT");
        try (SignedIn admin = SignedIn.as(testUsers.create("ADMIN"), Role.ADMIN)) {
            assertThatThrownBy(() -> users.createUserWithOneTimePassword(existing.email().toUpperCase(), "X", EnumSet.of(Role.EXPERT)))
                    .isInstanceOf(DuplicateEmailException.class);
            assertThatThrownBy(() -> users.createUserWithOneTimePassword("non-una-email", " ", EnumSet.noneOf(Role.class)))
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.problems()).containsOnlyKeys("email", "display_name", "roles"));
        }
        try (SignedIn reviewer = SignedIn.as(testUsers.create("REVIEWER"), Role.REVIEWER)) {
            assertThatThrownBy(() -> users.resetPassword(existing.id())).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> users.setEnabled(existing.id(), false)).isInstanceOf(AccessDeniedException.class);
        }
    }

    private List<String> auditActions(Integer userId) {
        return jdbc.queryForList("select action from audit_log where entity_type = 'user' and entity_id = ? order by id",
                String.class, userId.toString());
    }
}
