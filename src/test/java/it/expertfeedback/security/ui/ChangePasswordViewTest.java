package it.expertfeedback.security.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import it.expertfeedback.support.BrowserlessUi;
import it.expertfeedback.support.IntegrationTest;
import it.expertfeedback.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

@IntegrationTest
class ChangePasswordViewTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    TestUsers testUsers;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void someone_with_a_one_time_password_is_sent_to_change_it_before_anything_else() {
        TestUsers.Created expert = testUsers.createVerifiedExpert();
        jdbc.update("update \"user\" set password_change_required = true where id = ?", expert.id());
        try (BrowserlessUi ui = BrowserlessUi.signedInAs(context, expert)) {
            assertThat(ui.navigate("my-profile")).isInstanceOf(ChangePasswordView.class);
            ChangePasswordView view = (ChangePasswordView) ui.navigate("");
            view.current.setValue(TestUsers.PASSWORD);
            view.replacement.setValue("Password-nuova-99");
            view.confirmation.setValue("Password-diversa-99");
            ButtonKt._click(view.save);
            assertThat(view.confirmation.isInvalid()).isTrue();
            assertThat(view.confirmation.getErrorMessage()).isEqualTo("Le due password non coincidono");

            view.confirmation.setValue("Password-nuova-99");
            ButtonKt._click(view.save);
            assertThat(jdbc.queryForObject("select password_change_required from \"user\" where id = ?", Boolean.class,
                    expert.id())).isFalse();
            assertThat(ui.navigate("my-profile")).isNotInstanceOf(ChangePasswordView.class);
        }
    }
}
