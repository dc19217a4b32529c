package it.expertfeedback.app.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import com.vaadin.flow.theme.lumo.LumoUtility;
import it.expertfeedback.base.i18n.AppI18NProvider;
import it.expertfeedback.security.CurrentUser;
import it.expertfeedback.security.Role;
import it.expertfeedback.security.UserAccountService;
import jakarta.annotation.security.PermitAll;
import it.expertfeedback.base.ui.NavigationBadge;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The application shell: side navigation built from the @Menu routes the signed-in user may open
 * (Vaadin filters them by access control), who is signed in, the language switch and logout.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout implements BeforeEnterObserver {

    /** Where someone with a one-time password is sent until they choose their own (security feature's view). */
    static final String CHANGE_PASSWORD_ROUTE = "change-password";

    private final transient AuthenticationContext authentication;
    private final transient UserAccountService users;
    private final transient List<NavigationBadge> badges;

    MainLayout(AuthenticationContext authentication, UserAccountService users, List<NavigationBadge> badges) {
        this.authentication = authentication;
        this.users = users;
        this.badges = badges;
        setPrimarySection(Section.DRAWER);
        addToNavbar(new DrawerToggle(), title());
        addToDrawer(new VerticalLayout(navigation(), userPanel()));
    }

    private H1 title() {
        H1 title = new H1(getTranslation("app.title"));
        title.addClassNames(LumoUtility.FontSize.LARGE, LumoUtility.Margin.NONE);
        return title;
    }

    private SideNav navigation() {
        SideNav nav = new SideNav();
        nav.setId("main-navigation");
        MenuConfiguration.getMenuEntries().forEach(entry -> nav.addItem(navigationItem(entry)));
        return nav;
    }

    private SideNavItem navigationItem(MenuEntry entry) {
        // @Menu titles are message keys, so the menu follows the chosen language.
        SideNavItem item = new SideNavItem(getTranslation(entry.title()), entry.path());
        item.setMatchNested(true);
        if (entry.icon() != null) {
            item.setPrefixComponent(new Icon(entry.icon()));
        }
        badges.stream().filter(badge -> normalized(badge.path()).equals(normalized(entry.path()))).findFirst()
                .flatMap(NavigationBadge::forCurrentUser).ifPresent(text -> {
                    Span count = new Span(text);
                    count.getElement().getThemeList().add("badge pill small");
                    count.setId("nav-badge-" + normalized(entry.path()).replace('/', '-'));
                    item.setSuffixComponent(count);
                });
        return item;
    }

    private static String normalized(String path) {
        return path.startsWith("/") ? path.substring(1) : path;
    }

    private Div userPanel() {
        Div panel = new Div();
        panel.setId("user-panel");
        CurrentUser.get().ifPresent(user -> {
            Span name = new Span(user.displayName());
            name.setId("current-user-name");
            name.addClassName(LumoUtility.FontWeight.SEMIBOLD);
            Span roles = new Span(user.roles().stream().sorted()
                    .map(role -> getTranslation(role.labelKey())).collect(Collectors.joining(", ")));
            roles.setId("current-user-roles");
            roles.addClassName(LumoUtility.FontSize.SMALL);
            panel.add(new VerticalLayout(name, roles));
        });
        Button language = new Button(getTranslation("nav.switch-language"), click -> switchLanguage());
        language.setId("switch-language");
        language.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Button logout = new Button(getTranslation("nav.logout"), click -> authentication.logout());
        logout.setId("logout");
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout actions = new HorizontalLayout(language, logout);
        actions.setAlignItems(FlexComponent.Alignment.CENTER);
        panel.add(actions);
        return panel;
    }

    /** A one-time password must be replaced before anything else can be opened. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!CHANGE_PASSWORD_ROUTE.equals(event.getLocation().getPath()) && CurrentUser.get().isPresent()
                && users.mustChangePasswordOfCurrentUser()) {
            event.forwardTo(CHANGE_PASSWORD_ROUTE);
        }
    }

    private void switchLanguage() {
        Locale next = AppI18NProvider.ENGLISH.equals(AppI18NProvider.supported(getLocale()))
                ? AppI18NProvider.ITALIAN : AppI18NProvider.ENGLISH;
        users.changePreferredLocaleOfCurrentUser(next);
        UI ui = UI.getCurrent();
        ui.getSession().setLocale(next);
        ui.setLocale(next);
        ui.getPage().reload();
    }

}
