package it.expertfeedback.support;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinServletRequest;
import it.expertfeedback.security.AppUserPrincipal;
import kotlin.jvm.functions.Function0;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Vaadin views without a browser (Karibu-Testing 2.7.0 on Vaadin 25 / Spring Boot 4), inside the running
 * {@link IntegrationTest} context, so views get their real Spring services over the real test PostgreSQL.
 *
 * <p>Karibu starts no servlet container, so Spring Security's filters never run: signing in puts the
 * account's real principal (loaded by the application's own {@link UserDetailsService}) into the
 * {@link SecurityContextHolder} for services and method security, and into Karibu's fake request
 * (user principal and isUserInRole) for Vaadin's route access control and the @Menu filtering.
 * Karibu 2.7.2+ has {@code MockSpringSecurity.mock()} for this; its dependencies are not all served here.
 *
 * <pre>
 * try (BrowserlessUi ui = BrowserlessUi.signedInAs(context, testUsers.create("REVIEWER"))) {
 *     HomeView home = ui.navigate("", HomeView.class);
 * }
 * </pre>
 */
public final class BrowserlessUi implements AutoCloseable {

    // Discovering the routes scans the classpath; once per JVM is enough.
    private static final Routes ROUTES = new Routes().autoDiscoverViews("it.expertfeedback");

    private final Authentication authentication;

    private BrowserlessUi(Authentication authentication) {
        this.authentication = authentication;
    }

    /** Signs the account in (with the roles it has in the database) and opens a fresh UI for it. */
    public static BrowserlessUi signedInAs(ApplicationContext context, TestUsers.Created account) {
        AppUserPrincipal principal = (AppUserPrincipal) context.getBean(UserDetailsService.class)
                .loadUserByUsername(account.email());
        Authentication authentication = UsernamePasswordAuthenticationToken.authenticated(
                principal, null, principal.getAuthorities());
        // Before the UI exists, so UI init listeners (the locale) see the signed-in user as in production.
        SecurityContextHolder.getContext().setAuthentication(authentication);
        Function0<UI> uiFactory = UI::new;
        MockVaadin.setup(uiFactory, new MockSpringServlet(ROUTES, context, uiFactory));
        FakeRequest request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
        request.setUserPrincipalInt(authentication);
        request.setUserInRole((user, role) -> authentication.getAuthorities().stream()
                .anyMatch(authority -> authority.getAuthority().equals("ROLE_" + role)));
        return new BrowserlessUi(authentication);
    }

    public AppUserPrincipal principal() {
        return (AppUserPrincipal) authentication.getPrincipal();
    }

    /** Navigates as a click on a link would, and returns what the router now shows. */
    public Component navigate(String path) {
        UI.getCurrent().navigate(path);
        return currentView();
    }

    /** Navigates and insists that the given view is shown. */
    public <T extends Component> T navigate(String path, Class<T> expectedView) {
        Component view = navigate(path);
        if (!expectedView.isInstance(view)) {
            throw new AssertionError("Expected " + expectedView.getSimpleName() + " at '" + path + "' but got "
                    + (view == null ? "nothing" : view.getClass().getName()));
        }
        return expectedView.cast(view);
    }

    /** The routed view currently shown (the innermost router target, inside any layout). */
    public Component currentView() {
        return UI.getCurrent().getInternals().getActiveRouterTargetsChain().stream().findFirst()
                .map(Component.class::cast).orElse(null);
    }

    @Override
    public void close() {
        try {
            MockVaadin.tearDown();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
