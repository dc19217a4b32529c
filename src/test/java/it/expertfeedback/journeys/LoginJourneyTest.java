package it.expertfeedback.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import it.expertfeedback.support.BrowserTest;
import it.expertfeedback.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The login page in the browser: Italian texts, wrong password message, lock-out after five failures. */
class LoginJourneyTest extends BrowserTest {

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

        assertThat(page.locator("vaadin-login-form")).containsText("Account bloccato");
        assertThat(page.url()).contains("locked");
        screenshot("login-locked-it");
    }
}
