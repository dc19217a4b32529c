package it.expertfeedback.app;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import it.expertfeedback.base.i18n.AppI18NProvider;
import it.expertfeedback.security.CurrentUser;
import it.expertfeedback.security.UserAccountService;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Every new UI speaks Italian unless the signed-in user chose English. The browser's language is ignored
 * on purpose: the firms' staff expect Italian whatever their browser says.
 */
@Component
class LocaleInitializer implements VaadinServiceInitListener {

    private final UserAccountService users;

    LocaleInitializer(UserAccountService users) {
        this.users = users;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(uiEvent -> {
            Locale locale = CurrentUser.get().isPresent()
                    ? users.preferredLocaleOfCurrentUser().map(AppI18NProvider::supported).orElse(AppI18NProvider.ITALIAN)
                    : AppI18NProvider.ITALIAN;
            uiEvent.getUI().setLocale(locale);
        });
    }
}
