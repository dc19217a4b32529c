package it.expertfeedback.security;

import static org.assertj.core.api.Assertions.assertThat;

import it.expertfeedback.support.Api;
import it.expertfeedback.support.IntegrationTest;
import it.expertfeedback.support.SignedIn;
import it.expertfeedback.support.TestUsers;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** DOMAIN.md §10: tokens die with account changes, one-time passwords over REST, exact and discreet lock-out. */
@IntegrationTest
class AccountTokensTest {

    private static final String NEW_PASSWORD = "Nuova-password-2026";

    @LocalServerPort
    int port;

    @Autowired
    TestUsers testUsers;

    @Autowired
    UserAccountService accounts;

    @Autowired
    JdbcTemplate jdbc;

    Api api;
    TestUsers.Created admin;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        admin = testUsers.create("ADMIN");
    }

    /** Each account change, done the way the product does it (REST or the service the admin screens call). */
    static Stream<Arguments> accountChanges() {
        return Stream.of(
                Arguments.of("own password change", (BiConsumer<AccountTokensTest, Change>) (test, change) ->
                        assertThat(test.api.post("/api/v1/auth/password", change.token(),
                                "{\"current_password\":\"" + TestUsers.PASSWORD + "\",\"new_password\":\"" + NEW_PASSWORD
                                        + "\"}").status()).isEqualTo(204)),
                Arguments.of("password reset by an admin", (BiConsumer<AccountTokensTest, Change>) (test, change) ->
                        test.asAdmin(() -> test.accounts.resetPassword(change.user().id()))),
                Arguments.of("lock after five wrong passwords", (BiConsumer<AccountTokensTest, Change>) (test, change) -> {
                    for (int attempt = 1; attempt <= 5; attempt++) {
                        test.api.login(change.user().email(), "wrong-" + attempt);
                    }
                }),
                Arguments.of("disable", (BiConsumer<AccountTokensTest, Change>) (test, change) ->
                        test.asAdmin(() -> test.accounts.setEnabled(change.user().id(), false))),
                Arguments.of("role change", (BiConsumer<AccountTokensTest, Change>) (test, change) ->
                        test.asAdmin(() -> test.accounts.changeRoles(change.user().id(), EnumSet.of(Role.REVIEWER, Role.EXPERT)))));
    }

    record Change(TestUsers.Created user, String token) {
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accountChanges")
    void a_token_is_revoked_by_each_account_change(String name, BiConsumer<AccountTokensTest, Change> change) {
        TestUsers.Created user = testUsers.create("REVIEWER");
        String token = api.token(user.email(), TestUsers.PASSWORD);
        assertThat(api.get("/api/v1/faq?limit=1", token).status()).isEqualTo(200);

        change.accept(this, new Change(user, token));

        Api.Response after = api.get("/api/v1/faq?limit=1", token);
        assertThat(after.status()).as(name).isEqualTo(401);
        assertThat(after.contentType()).startsWith("application/problem+json");
        assertThat(after.raw().headers().firstValue("Location")).isEmpty();
    }

    @Test
    void a_token_survives_when_nothing_changed() {
        TestUsers.Created user = testUsers.create("REVIEWER");
        String token = api.token(user.email(), TestUsers.PASSWORD);
        // A second login and re-saving the same roles change nothing that matters.
        api.token(user.email(), TestUsers.PASSWORD);
        asAdmin(() -> accounts.changeRoles(user.id(), EnumSet.of(Role.REVIEWER)));

        assertThat(api.get("/api/v1/faq?limit=1", token).status()).isEqualTo(200);
    }

    @Test
    void a_one_time_password_account_may_only_change_its_password_then_signs_in_again() {
        TestUsers.Created user = testUsers.create("REVIEWER", "ADMIN");
        jdbc.update("update \"user\" set password_change_required = true where id = ?", user.id());
        String token = api.token(user.email(), TestUsers.PASSWORD);

        for (String path : List.of("/api/v1/faq?limit=1", "/api/v1/admin/users", "/api/v1/expert-feedback/experts/me/profile",
                "/api/v1/analytics/summary", "/api/v1/no-such-path")) {
            Api.Response refused = api.get(path, token);
            assertThat(refused.status()).as(path).isEqualTo(403);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("detail").asString()).contains("one-time password", "/api/v1/auth/password");
        }
        Api.Response submit = api.post("/api/v1/expert-feedback/submit", token, "{}");
        assertThat(submit.status()).isEqualTo(403);

        Api.Response weak = api.post("/api/v1/auth/password", token,
                "{\"current_password\":\"" + TestUsers.PASSWORD + "\",\"new_password\":\"short\"}");
        assertThat(weak.status()).isEqualTo(422);
        assertThat(weak.json().get("errors").has("new_password")).isTrue();

        Api.Response changed = api.post("/api/v1/auth/password", token,
                "{\"current_password\":\"" + TestUsers.PASSWORD + "\",\"new_password\":\"" + NEW_PASSWORD + "\"}");
        assertThat(changed.status()).isEqualTo(204);
        assertThat(changed.body()).isEmpty();

        assertThat(api.get("/api/v1/faq?limit=1", token).status()).isEqualTo(401);
        String fresh = api.token(user.email(), NEW_PASSWORD);
        assertThat(api.get("/api/v1/faq?limit=1", fresh).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/admin/users?limit=1", fresh).status()).isEqualTo(200);
    }

    @Test
    void twenty_parallel_wrong_logins_lock_the_account_after_exactly_five_counted_failures() throws Exception {
        TestUsers.Created user = testUsers.create("EXPERT");
        List<Callable<Integer>> attempts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            int attempt = i;
            attempts.add(() -> api.login(user.email(), "wrong-" + attempt).status());
        }
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Integer> statuses = new ArrayList<>();
        try {
            for (Future<Integer> result : pool.invokeAll(attempts)) {
                statuses.add(result.get());
            }
        } finally {
            pool.shutdown();
        }

        // Never a 409 "someone else changed this data": every attempt is a plain refusal.
        assertThat(statuses).hasSize(20).containsOnly(401);
        assertThat(jdbc.queryForObject("select failed_login_attempts from \"user\" where id = ?", Integer.class, user.id()))
                .isEqualTo(5);
        assertThat(jdbc.queryForObject("select locked_until > now() + interval '14 minutes' from \"user\" where id = ?",
                Boolean.class, user.id())).isTrue();
        assertThat(api.login(user.email(), TestUsers.PASSWORD).status()).isEqualTo(401);
    }

    @Test
    void a_locked_account_and_an_unknown_email_get_the_same_status_and_body() {
        TestUsers.Created locked = testUsers.create("EXPERT");
        jdbc.update("update \"user\" set failed_login_attempts = 5, locked_until = now() + interval '15 minutes' where id = ?",
                locked.id());
        TestUsers.Created disabled = testUsers.create("EXPERT");
        jdbc.update("update \"user\" set enabled = false where id = ?", disabled.id());

        Api.Response lockedRightPassword = api.login(locked.email(), TestUsers.PASSWORD);
        Api.Response lockedWrongPassword = api.login(locked.email(), "wrong");
        Api.Response unknown = api.login("nobody-" + System.nanoTime() + "@efs.test", TestUsers.PASSWORD);
        Api.Response disabledAccount = api.login(disabled.email(), TestUsers.PASSWORD);
        Api.Response wrongPassword = api.login(testUsers.create("EXPERT").email(), "wrong");

        for (Api.Response response : List.of(lockedRightPassword, lockedWrongPassword, disabledAccount, wrongPassword)) {
            assertThat(response.status()).isEqualTo(unknown.status()).isEqualTo(401);
            assertThat(response.contentType()).isEqualTo(unknown.contentType());
            assertThat(response.body()).isEqualTo(unknown.body());
        }
    }

    @Test
    void login_past_the_per_email_limit_is_429_problem_json_with_retry_after() {
        String email = "flood-" + System.nanoTime() + "@efs.test";
        Api.Response last = null;
        int refused = 0;
        // The default per-email limit (30 a minute, refilled gradually: one more every 2 s) with an unknown email.
        for (int attempt = 1; attempt <= 45; attempt++) {
            last = api.login(email, "guess-" + attempt);
            if (last.status() != 401) {
                break;
            }
            refused++;
        }
        assertThat(refused).isBetween(30, 40);
        assertThat(last.status()).isEqualTo(429);
        assertThat(last.contentType()).startsWith("application/problem+json");
        JsonNode problem = last.json();
        assertThat(problem.get("status").asInt()).isEqualTo(429);
        assertThat(last.raw().headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 60L));
        // Other emails from the same address are not blocked by it.
        TestUsers.Created other = testUsers.create("REVIEWER");
        assertThat(api.login(other.email(), TestUsers.PASSWORD).status()).isEqualTo(200);
    }

    private void asAdmin(Runnable action) {
        try (SignedIn ignored = SignedIn.as(admin, Role.ADMIN)) {
            action.run();
        }
    }
}
