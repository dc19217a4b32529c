package it.expertfeedback.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.vaadin.flow.component.textfield.TextField;
import it.expertfeedback.support.BrowserlessUi;
import it.expertfeedback.support.IntegrationTest;
import it.expertfeedback.support.TestUsers;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** The admin's API keys view: a key is shown once and stored only as its SHA-256. */
@IntegrationTest
class ApiKeysViewTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void an_admin_creates_an_api_key_and_sees_it_once() {
        try (BrowserlessUi ui = BrowserlessUi.signedInAs(context, users.create("ADMIN"))) {
            ApiKeysView view = ui.navigate("admin/api-keys", ApiKeysView.class);
            String name = "assistente-" + UUID.randomUUID().toString().substring(0, 6);
            view.name.setValue(name);
            ButtonKt._click(view.create);
            String secret = _get(TextField.class, spec -> spec.withId("apikey-secret")).getValue();
            assertThat(secret).startsWith("efs_ak_");
            assertThat(view.keys.getListDataView().getItems().filter(k -> k.name().equals(name)).findFirst().orElseThrow()
                    .keyPrefix()).isEqualTo(secret.substring(0, 11));
            assertThat(jdbc.queryForObject("select count(*) from api_key where key_hash = encode(sha256(convert_to(?, 'UTF8')), 'hex')",
                    Integer.class, secret)).isEqualTo(1);
        }
    }
}
