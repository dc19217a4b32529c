package it.expertfeedback.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import it.expertfeedback.support.BrowserTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each demo role signs in and sees the navigation meant for it, in Italian, then in English. */
class NavigationJourneyTest extends BrowserTest {

    private List<String> navigationItems() {
        Locator items = page.locator("#main-navigation vaadin-side-nav-item");
        items.first().waitFor();
        // An entry's count badge ("Da revisionare 12") is not part of its name.
        return items.allInnerTexts().stream().map(text -> text.strip().lines().findFirst().orElse("").strip()).toList();
    }

    @Test
    void an_admin_sees_every_section_in_italian_and_then_in_english() {
        logIn("admin@efs.local", "Admin-demo-2026");

        assertThat(navigationItems()).containsExactly("Home", "Esperti", "Analisi", "Feedback", "Candidati FAQ", "FAQ pubblicate", "Stato della coda", "Disaccordi da risolvere", "Miglioramenti", "Utenti", "Approvazione automatica", "Instradamento per argomento", "Chiavi API", "Registro attività");
        assertThat(page.locator("#current-user-roles")).hasText("Amministratore");
        assertThat(page.locator("#home-pending")).containsText("Candidati FAQ in attesa");
        screenshot("home-admin-it");

        page.locator("#switch-language").click();
        page.locator("#switch-language").filter(new Locator.FilterOptions().setHasText("Italiano")).waitFor();

        assertThat(navigationItems()).containsExactly("Home", "Experts", "Analytics", "Feedback", "FAQ candidates", "Published FAQs", "Inbox health", "Disagreements to settle", "Improvements", "Users", "Auto-approval", "Topic routing", "API keys", "Audit log");
        assertThat(page.locator("#home-pending")).containsText("Pending FAQ candidates");
        assertThat(page.locator("#current-user-roles")).hasText("Administrator");

        // The choice is remembered: back to Italian for the next tests and the next session.
        page.locator("#switch-language").click();
        page.locator("#switch-language").filter(new Locator.FilterOptions().setHasText("English")).waitFor();
        assertThat(navigationItems()).containsExactly("Home", "Esperti", "Analisi", "Feedback", "Candidati FAQ", "FAQ pubblicate", "Stato della coda", "Disaccordi da risolvere", "Miglioramenti", "Utenti", "Approvazione automatica", "Instradamento per argomento", "Chiavi API", "Registro attività");
    }

    @Test
    void a_reviewer_sees_the_expert_directory_but_not_the_users() {
        logIn("giulia.ferrari@efs.local", "Revisore-demo-2026");

        assertThat(navigationItems()).containsExactly("Home", "Esperti", "Analisi", "Feedback", "Candidati FAQ", "FAQ pubblicate", "Stato della coda", "Disaccordi da risolvere", "Miglioramenti");
        assertThat(page.locator("#current-user-name")).hasText("Giulia Ferrari");

        page.locator("#main-navigation vaadin-side-nav-item", new com.microsoft.playwright.Page.LocatorOptions()
                .setHasText("Esperti")).click();
        assertThat(page.locator("vaadin-grid")).isVisible();
        page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText("@efs.local")).first().waitFor();
        screenshot("experts-reviewer-it");
    }

    @Test
    void an_expert_sees_only_home_and_own_profile_and_cannot_open_admin_pages() {
        logIn("esperto1@efs.local", "Esperto-demo-2026");

        assertThat(navigationItems()).containsExactly("Home", "FAQ pubblicate", "Da revisionare", "Nuovo feedback", "I miei feedback", "I miei candidati FAQ", "Il mio profilo");
        assertThat(page.locator("#home-feedback")).containsText("I miei feedback negli ultimi 30 giorni");

        page.navigate(url("/admin/users"));
        page.waitForLoadState();
        assertThat(page.locator("vaadin-grid")).hasCount(0);
        assertThat(page.locator("body")).not().containsText("Utenti");
        // Refused is "not found", and no list of the application's routes (Vaadin's default page lists them).
        assertThat(page.locator("#page-not-found")).containsText("Pagina non trovata");
        assertThat(page.locator("body")).not().containsText("Available routes");
        assertThat(page.locator("body")).not().containsText("analytics");

        page.navigate(url("/my-profile"));
        assertThat(page.locator("#trust-total")).isVisible();
        screenshot("profile-expert-it");
    }

    @Test
    void logout_returns_to_the_login_view() {
        logIn("marco.bianchi@efs.local", "Revisore-demo-2026");

        page.locator("#logout").click();

        page.locator("vaadin-login-form").waitFor();
        assertThat(page.url()).endsWith("/login");
    }
}
