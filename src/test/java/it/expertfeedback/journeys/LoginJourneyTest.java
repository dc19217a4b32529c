package it.expertfeedback.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import it.expertfeedback.support.BrowserTest;
import it.expertfeedback.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The login page in the browser: Italian texts, wrong password message, lock-out after five failures. */
class LoginJourneyTest extends BrowserTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestUsers testUsers;

    private void submit(String email, String password) {
        page.locator("vaadin-login-form input[name=username]").fill(email);
        page.locator("vaadin-login-form input[name=password]").fill(password);
        page.locator("vaadin-login-form input[name=password]").press("Enter");
    }

    @Test
    void an_anonymous_visitor_lands_on_the_italian_login_view() {
        page.navigate(url("/experts"));

        page.locator("vaadin-login-form").waitFor();
        assertThat(page.url()).endsWith("/login");
        assertThat(page.locator("vaadin-login-form")).containsText("Accedi");
        screenshot("login-it");
    }

    @Test
    void a_wrong_password_shows_an_italian_error_and_the_fifth_locks_the_account() {
        TestUsers.Created user = testUsers.create("REVIEWER");
        page.navigate(url("/login"));

        submit(user.email(), "sbagliata-1");
        assertThat(page.locator("vaadin-login-form")).containsText("Email o password non corretti");

        for (int attempt = 2; attempt <= 5; attempt++) {
            page.navigate(url("/login"));
            submit(user.email(), "sbagliata-" + attempt);
            page.waitForURL("**/login?*");
        }
        page.navigate(url("/login"));
        submit(user.email(), TestUsers.PASSWORD);

        // The same answer as for a wrong password or an unknown email (none of them may confirm that an email
        // has an account), and the account is locked indeed.
        assertThat(page.locator("vaadin-login-form")).containsText("Email o password non corretti, oppure account bloccato");
        assertThat(page.url()).doesNotContain("locked");
        assertThat(jdbc.queryForObject(
                "select locked_until > now() from \"user\" where id = ?", Boolean.class, user.id())).isTrue();
        screenshot("login-locked-it");
    }
}
