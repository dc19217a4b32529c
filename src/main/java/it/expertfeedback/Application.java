package it.expertfeedback;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.lumo.Lumo;
import com.vaadin.flow.component.dependency.StyleSheet;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet(Lumo.UTILITY_STYLESHEET)
@Meta(name = "viewport", content = "width=device-width, initial-scale=1")
public class Application implements AppShellConfigurator {

    public static void main(String[] args) {
        // ./efs adopt [--check]: works on the assistant's database without starting the application (DD013).
        if (java.util.Arrays.asList(args).contains("--efs.adopt=check")) {
            System.exit(it.expertfeedback.base.db.Adoption.run(true));
        }
        if (java.util.Arrays.asList(args).contains("--efs.adopt=apply")) {
            System.exit(it.expertfeedback.base.db.Adoption.run(false));
        }
        SpringApplication.run(Application.class, args);
    }

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.setPageTitle("Expert Feedback System");
    }
}
