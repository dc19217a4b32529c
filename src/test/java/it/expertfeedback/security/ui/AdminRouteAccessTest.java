package it.expertfeedback.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.vaadin.flow.component.grid.Grid;
import it.expertfeedback.app.ui.HomeView;
import it.expertfeedback.security.Role;
import it.expertfeedback.security.UserAccount;
import it.expertfeedback.security.UserAccountService;
import it.expertfeedback.support.BrowserlessUi;
import it.expertfeedback.support.IntegrationTest;
import it.expertfeedback.support.TestUsers;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/** The users administration is closed to everyone but ADMIN, in the router and in the service alike. */
@IntegrationTest
class AdminRouteAccessTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    TestUsers testUsers;

    @Autowired
    UserAccountService userAccounts;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void an_expert_who_opens_the_users_route_is_refused_and_never_sees_the_view() {
        try (BrowserlessUi ui = BrowserlessUi.signedInAs(context, testUsers.createVerifiedExpert())) {
            ui.navigate("", HomeView.class);

            // Karibu's stand-in for Vaadin's access-denied error view throws what the router rerouted to.
            assertThatThrownBy(() -> ui.navigate("admin/users"))
                    .isInstanceOf(MockAccessDeniedException.class)
                    .hasCauseInstanceOf(com.vaadin.flow.router.AccessDeniedException.class);
            assertThat(ui.currentView()).isNotInstanceOf(UsersView.class);
            _assertNone(UsersView.class);
        }
    }

    @Test
    void a_reviewer_who_opens_the_users_route_is_refused_too() {
        try (BrowserlessUi ui = BrowserlessUi.signedInAs(context, testUsers.create("REVIEWER"))) {
            assertThatThrownBy(() -> ui.navigate("admin/users")).isInstanceOf(MockAccessDeniedException.class);
            assertThat(ui.currentView()).isNotInstanceOf(UsersView.class);
        }
    }

    @Test
    void an_expert_calling_the_admin_service_directly_is_denied_and_nothing_is_written() {
        String email = "created-by-expert-" + UUID.randomUUID().toString().substring(0, 8) + "@efs.test";
        try (BrowserlessUi ui = BrowserlessUi.signedInAs(context, testUsers.createVerifiedExpert())) {
            assertThatThrownBy(() -> userAccounts.listUsers(PageRequest.of(0, 5)))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> userAccounts.createUser(email, "Intruso", "Password-test-1", Set.of(Role.ADMIN)))
                    .isInstanceOf(AccessDeniedException.class);
        }
        assertThat(jdbc.queryForObject("select count(*) from \"user\" where email = ?", Long.class, email)).isZero();
    }

    @Test
    void an_admin_opens_the_users_view_and_its_grid_lists_every_account() {
        TestUsers.Created admin = testUsers.create("ADMIN");
        try (BrowserlessUi ui = BrowserlessUi.signedInAs(context, admin)) {
            UsersView view = ui.navigate("admin/users", UsersView.class);
            // Found in the component tree, not through view.grid: method security proxies the view (see BrowserlessUi).
            @SuppressWarnings("unchecked")
            Grid<UserAccount> grid = _get(Grid.class);

            List<String> shown = grid.getGenericDataView().getItems().map(UserAccount::getEmail).toList();

            assertThat(shown).contains(admin.email());
            assertThat(new HashSet<>(shown)).isEqualTo(
                    new HashSet<>(jdbc.queryForList("select email from \"user\"", String.class)));
            assertThat(grid.getColumns()).hasSize(5);
        }
    }

    @Test
    void an_admin_may_list_and_create_users_through_the_service() {
        String email = "created-by-admin-" + UUID.randomUUID().toString().substring(0, 8) + "@efs.test";
        try (BrowserlessUi ui = BrowserlessUi.signedInAs(context, testUsers.create("ADMIN"))) {
            Page<UserAccount> page = userAccounts.listUsers(PageRequest.of(0, 5));
            UserAccount created = userAccounts.createUser(email, "Nuova Revisora", "Password-test-1", Set.of(Role.REVIEWER));

            assertThat(page.getContent()).hasSize(5);
            assertThat(page.getTotalElements()).isGreaterThanOrEqualTo(5);
            assertThat(created.getId()).isNotNull();
        }
        assertThat(jdbc.queryForList("select role from user_role r join \"user\" u on u.id = r.user_id where u.email = ?",
                String.class, email)).containsExactly("REVIEWER");
    }
}
