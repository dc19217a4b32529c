package it.expertfeedback.app.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import it.expertfeedback.expert.ExpertService;
import it.expertfeedback.faq.FaqService;
import it.expertfeedback.feedback.FeedbackService;
import it.expertfeedback.security.AppUserPrincipal;
import it.expertfeedback.security.CurrentUser;
import it.expertfeedback.security.Role;
import jakarta.annotation.security.PermitAll;
import java.text.NumberFormat;

/**
 * The first page after login: real counts. Reviewers and admins see the whole firm's numbers;
 * an expert sees their own feedback and candidates.
 */
@Route("")
@PermitAll
@Menu(order = 0, title = "nav.home", icon = "vaadin:home")
public class HomeView extends VerticalLayout implements HasDynamicTitle {

    static final int WINDOW_DAYS = 30;

    HomeView(ExpertService experts, FeedbackService feedback, FaqService faq) {
        AppUserPrincipal user = CurrentUser.require();
        add(new H2(getTranslation("home.welcome", user.displayName())));
        FlexLayout tiles = new FlexLayout();
        tiles.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        tiles.getStyle().set("gap", "var(--lumo-space-m)");
        tiles.add(tile("home-experts", "home.experts", experts.countActiveVerifiedExperts()));
        boolean reviewer = user.hasRole(Role.REVIEWER) || user.hasRole(Role.ADMIN);
        if (reviewer) {
            tiles.add(tile("home-feedback", "home.feedback-30d", feedback.countFeedbackOfLastDays(WINDOW_DAYS)));
            tiles.add(tile("home-pending", "home.pending-candidates", faq.countPendingCandidates()));
        } else if (user.hasRole(Role.EXPERT)) {
            tiles.add(tile("home-feedback", "home.my-feedback-30d", feedback.countMyFeedbackOfLastDays(WINDOW_DAYS)));
            tiles.add(tile("home-pending", "home.my-pending-candidates", faq.countMyPendingCandidates()));
        }
        add(tiles);
    }

    private Div tile(String id, String labelKey, long value) {
        Span number = new Span(NumberFormat.getIntegerInstance(getLocale()).format(value));
        number.addClassName("tile-value");
        number.getStyle().set("font-size", "var(--lumo-font-size-xxxl)").set("font-weight", "600");
        Span label = new Span(getTranslation(labelKey));
        Div tile = new Div(number, new Div(label));
        tile.setId(id);
        tile.getStyle().set("padding", "var(--lumo-space-m)").set("min-width", "14em")
                .set("border", "1px solid var(--lumo-contrast-10pct)").set("border-radius", "var(--lumo-border-radius-l)");
        return tile;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.home");
    }
}
