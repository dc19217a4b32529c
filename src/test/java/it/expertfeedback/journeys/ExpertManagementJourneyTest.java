package it.expertfeedback.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import it.expertfeedback.support.BrowserTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An administrator creates a user and an expert profile in the browser, verifies it and reads its trust and
 * explanation; the new expert then signs in with the one-time password and sees the same trust.
 */
class ExpertManagementJourneyTest extends BrowserTest {

    @Test
    void admin_creates_and_verifies_an_expert_who_then_sees_the_same_trust() {
        String email = "journey-" + UUID.randomUUID().toString().substring(0, 8) + "@efs.test";
        logIn("admin@efs.local", "Admin-demo-2026");

        page.navigate(url("/experts"));
        page.locator("#expert-create").click();
        page.locator("#expert-create-email input").fill(email);
        page.locator("#expert-create-name input").fill("Chiara Lombardi");
        page.locator("#expert-experience input").fill("12");
        page.locator("#expert-credential-types input").fill("Revisore");
        page.locator("vaadin-multi-select-combo-box-item").filter(new Locator.FilterOptions().setHasText("Revisore Legale")).click();
        page.locator("#expert-organization input").fill("Studio Lombardi & Associati");
        page.locator("#expert-city input").fill("Bologna");
        screenshot("expert-create-form");
        page.locator("#expert-create-save").click();

        Locator password = page.locator("#one-time-password input");
        password.waitFor();
        String oneTimePassword = password.inputValue();
        assertThat(oneTimePassword).hasSizeGreaterThan(12);
        page.locator("#one-time-password-close").click();

        assertThat(page.locator("#expert-detail-name")).hasText("Chiara Lombardi");
        // Unverified: credentials do not count yet. 0 + 0.15 + 0.15 + 0.05 + 0 = 0.35
        assertThat(page.locator("#trust-total")).hasText("0,3500");

        page.locator("#expert-verify").click();
        page.locator("vaadin-button[slot='confirm-button']").click();
        // Verified revisore legale: 0.25 + 0.15 + 0.15 + 0.05 + 0 = 0.60
        assertThat(page.locator("#trust-total")).hasText("0,6000");
        assertThat(page.locator("#trust-credentials")).hasText("0,2500 / 0,3500");
        assertThat(page.locator("#trust-experience")).hasText("0,1500 / 0,2500");
        assertThat(page.locator("#trust-history")).containsText("Verificato");
        assertThat(page.locator("#expert-unverify")).isVisible();
        screenshot("expert-detail-admin");

        page.locator("#logout").click();
        page.locator("vaadin-login-form").waitFor();
        logIn(email, oneTimePassword);
        // A one-time password: the shell insists on a password of one's own first.
        assertThat(page.locator("#password-change-why")).containsText("password monouso");
        page.navigate(url("/my-profile"));
        assertThat(page.locator("#password-change-why")).isVisible();
        page.locator("#password-current input").fill(oneTimePassword);
        page.locator("#password-new input").fill("Chiara-Lombardi-2026");
        page.locator("#password-confirm input").fill("Chiara-Lombardi-2026");
        page.locator("#password-save").click();
        page.locator("#home-feedback").waitFor();
        page.navigate(url("/my-profile"));
        assertThat(page.locator("#trust-total")).hasText("0,6000");
        assertThat(page.locator("#trust-track-record")).hasText("0,1500 / 0,3000");
        screenshot("expert-own-profile");
    }

    @Test
    void a_reviewer_filters_the_directory_and_opens_a_detail_without_edit_actions() {
        logIn("giulia.ferrari@efs.local", "Revisore-demo-2026");
        page.navigate(url("/experts"));
        assertThat(page.locator("#expert-create")).hasCount(0);

        page.locator("#expert-filter-text input").fill("esperto1@efs.local");
        Locator firstCell = page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText("esperto1@efs.local"));
        firstCell.first().waitFor();
        firstCell.first().click();

        page.locator("#trust-explanation").waitFor();
        assertThat(page.locator("#trust-total")).isVisible();
        assertThat(page.locator("#expert-edit")).hasCount(0);
        assertThat(page.locator("#expert-verify, #expert-unverify")).hasCount(0);
        screenshot("expert-detail-reviewer");
    }
}
