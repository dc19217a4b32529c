package it.expertfeedback.expert.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import it.expertfeedback.expert.ExpertRow;
import it.expertfeedback.support.BrowserlessUi;
import it.expertfeedback.support.IntegrationTest;
import it.expertfeedback.support.TestUsers;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** The expert views without a browser, over the real services and database. */
@IntegrationTest
class ExpertViewsTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    TestUsers testUsers;

    @Autowired
    JdbcTemplate jdbc;

    private UUID profileOf(TestUsers.Created user) {
        return jdbc.queryForObject("select id from expert_profiles where user_id = ?", UUID.class, user.id());
    }

    @Test
    void invalid_edits_show_italian_messages_on_the_fields_and_write_nothing() {
        TestUsers.Created expert = testUsers.createVerifiedExpert();
        UUID id = profileOf(expert);
        String before = jdbc.queryForObject("select row(e.*)::text from expert_profiles e where id = ?", String.class, id);
        try (BrowserlessUi ui = BrowserlessUi.signedInAs(context, testUsers.create("ADMIN"))) {
            ui.navigate("experts/detail/" + id, ExpertDetailView.class);
            _click(_get(Button.class, spec -> spec.withId("expert-edit")));
            ExpertEditDialog dialog = _get(ExpertEditDialog.class);
            dialog.form.experienceYears.setValue(71);
            dialog.form.organization.setValue("x".repeat(201));
            dialog.form.city.setValue("Napoli");
            _click(dialog.save);

            assertThat(dialog.form.experienceYears.isInvalid()).isTrue();
            assertThat(dialog.form.experienceYears.getErrorMessage()).isEqualTo("Il valore deve essere compreso tra 0 e 70");
            assertThat(dialog.form.organization.isInvalid()).isTrue();
            assertThat(dialog.form.organization.getErrorMessage()).isEqualTo("Al massimo 200 caratteri");
            assertThat(dialog.form.city.isInvalid()).isFalse();
            assertThat(dialog.isOpened()).isTrue(); // nothing typed is lost
        }
        assertThat(jdbc.queryForObject("select row(e.*)::text from expert_profiles e where id = ?", String.class, id))
                .isEqualTo(before);
    }

    @Test
    void a_reviewer_sees_the_directory_and_the_detail_without_any_edit_action() {
        TestUsers.Created expert = testUsers.createVerifiedExpert();
        try (BrowserlessUi ui = BrowserlessUi.signedInAs(context, testUsers.create("REVIEWER"))) {
            ExpertDirectoryView directory = ui.navigate("experts", ExpertDirectoryView.class);
            assertThat(_find(Button.class, spec -> spec.withId("expert-create"))).isEmpty();
            directory.search.setValue(expert.email());
            assertThat(GridKt._size(directory.grid)).isOne();
            ExpertRow row = GridKt._get(directory.grid, 0);
            assertThat(row.email()).isEqualTo(expert.email());

            ui.navigate("experts/detail/" + row.id(), ExpertDetailView.class);
            assertThat(_find(Button.class, spec -> spec.withId("expert-edit"))).isEmpty();
            assertThat(_find(Button.class, spec -> spec.withId("expert-verify"))).isEmpty();
            assertThat(_find(Button.class, spec -> spec.withId("expert-deactivate"))).isEmpty();
            assertThat(_find(TrustExplanation.class)).hasSize(1);
        }
    }

    @Test
    void the_directory_filters_in_the_database_and_the_grid_fetches_one_page_at_a_time() {
        try (BrowserlessUi ui = BrowserlessUi.signedInAs(context, testUsers.create("ADMIN"))) {
            ExpertDirectoryView directory = ui.navigate("experts", ExpertDirectoryView.class);
            long all = jdbc.queryForObject("select count(*) from expert_profiles", Long.class);
            assertThat(GridKt._size(directory.grid)).isEqualTo((int) all);
            directory.verified.setValue(false);
            long unverified = jdbc.queryForObject("select count(*) from expert_profiles where not is_verified", Long.class);
            assertThat(GridKt._size(directory.grid)).isEqualTo((int) unverified);
            assertThat(_find(Button.class, spec -> spec.withId("expert-create"))).hasSize(1);
            _click(directory.create);
            assertThat(_find(Dialog.class)).isNotEmpty();
        }
    }

    @Test
    void an_expert_sees_only_their_own_profile_and_cannot_open_the_directory() {
        TestUsers.Created expert = testUsers.createVerifiedExpert();
        try (BrowserlessUi ui = BrowserlessUi.signedInAs(context, expert)) {
            ui.navigate("my-profile", MyProfileView.class);
            assertThat(_find(TrustExplanation.class)).hasSize(1);
            assertThatThrownBy(() -> ui.navigate("experts")).isInstanceOf(MockAccessDeniedException.class);
        }
    }
}
