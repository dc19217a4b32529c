package it.expertfeedback.app.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import it.expertfeedback.support.BrowserlessUi;
import it.expertfeedback.support.IntegrationTest;
import it.expertfeedback.support.TestUsers;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** The side navigation offers each role what it may open, in Italian unless the user chose English. */
@IntegrationTest
class MainLayoutTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    TestUsers testUsers;

    @Autowired
    JdbcTemplate jdbc;

    private static List<String> navigationLabels() {
        return navigationItems().stream().map(SideNavItem::getLabel).toList();
    }

    private static List<String> navigationPaths() {
        return navigationItems().stream().map(SideNavItem::getPath).toList();
    }

    private static List<SideNavItem> navigationItems() {
        return _get(SideNav.class, spec -> spec.withId("main-navigation")).getItems();
    }

    @Test
    void an_expert_sees_home_and_own_profile_only() {
        try (BrowserlessUi ui = BrowserlessUi.signedInAs(context, testUsers.createVerifiedExpert())) {
            ui.navigate("", HomeView.class);

            assertThat(navigationLabels()).containsExactly("Home", "FAQ pubblicate", "Da revisionare", "Nuovo feedback", "I miei feedback", "I miei candidati FAQ", "Il mio profilo");
            assertThat(navigationPaths()).noneMatch(path -> path.contains("admin/users") || path.contains("experts"));
            assertThat(_get(Span.class, spec -> spec.withId("current-user-roles")).getText()).isEqualTo("Esperto");
        }
    }

    @Test
    void a_reviewer_sees_home_and_the_expert_directory() {
        try (BrowserlessUi ui = BrowserlessUi.signedInAs(context, testUsers.create("REVIEWER"))) {
            ui.navigate("", HomeView.class);

            assertThat(navigationLabels()).containsExactly("Home", "Esperti", "Analisi", "Feedback", "Candidati FAQ", "FAQ pubblicate", "Stato della coda", "Disaccordi da risolvere", "Miglioramenti");
            assertThat(navigationPaths()).noneMatch(path -> path.contains("admin/users"));
        }
    }

    @Test
    void an_admin_also_sees_the_users_route() {
        try (BrowserlessUi ui = BrowserlessUi.signedInAs(context, testUsers.create("ADMIN"))) {
            ui.navigate("", HomeView.class);

            assertThat(navigationLabels()).containsExactly("Home", "Esperti", "Analisi", "Feedback", "Candidati FAQ", "FAQ pubblicate", "Stato della coda", "Disaccordi da risolvere", "Miglioramenti", "Utenti", "Approvazione automatica", "Instradamento per argomento", "Chiavi API", "Registro attività");
            assertThat(navigationItems().get(9).getPath()).endsWith("admin/users");
            assertThat(_get(Span.class, spec -> spec.withId("current-user-roles")).getText()).isEqualTo("Amministratore");
        }
    }

    @Test
    void a_person_with_several_roles_sees_the_union_in_menu_order() {
        try (BrowserlessUi ui = BrowserlessUi.signedInAs(context, testUsers.create("EXPERT", "REVIEWER"))) {
            ui.navigate("", HomeView.class);

            assertThat(navigationLabels()).containsExactly("Home", "Esperti", "Analisi", "Feedback", "Candidati FAQ", "FAQ pubblicate", "Stato della coda", "Disaccordi da risolvere", "Miglioramenti", "Da revisionare", "Nuovo feedback", "I miei feedback", "I miei candidati FAQ", "Il mio profilo");
            assertThat(_get(Span.class, spec -> spec.withId("current-user-roles")).getText()).isEqualTo("Esperto, Revisore");
        }
    }

    @Test
    void the_shell_speaks_italian_by_default() {
        TestUsers.Created reviewer = testUsers.create("REVIEWER");
        try (BrowserlessUi ui = BrowserlessUi.signedInAs(context, reviewer)) {
            ui.navigate("", HomeView.class);

            assertThat(_get(Button.class, spec -> spec.withId("switch-language")).getText()).isEqualTo("English");
            assertThat(_get(Button.class, spec -> spec.withId("logout")).getText()).isEqualTo("Esci");
            assertThat(_get(Span.class, spec -> spec.withId("current-user-name")).getText())
                    .isEqualTo(ui.principal().displayName());
        }
    }

    @Test
    void a_user_who_chose_english_gets_english_labels() {
        TestUsers.Created reviewer = testUsers.create("REVIEWER", "ADMIN");
        jdbc.update("update \"user\" set preferred_locale = 'en' where id = ?", reviewer.id());
        try (BrowserlessUi ui = BrowserlessUi.signedInAs(context, reviewer)) {
            ui.navigate("", HomeView.class);

            assertThat(navigationLabels()).containsExactly("Home", "Experts", "Analytics", "Feedback", "FAQ candidates", "Published FAQs", "Inbox health", "Disagreements to settle", "Improvements", "Users", "Auto-approval", "Topic routing", "API keys", "Audit log");
            assertThat(_get(Button.class, spec -> spec.withId("switch-language")).getText()).isEqualTo("Italiano");
            assertThat(_get(Span.class, spec -> spec.withId("current-user-roles")).getText()).isEqualTo("Reviewer, Administrator");
        }
    }
}
