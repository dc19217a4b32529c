package it.expertfeedback.inbox.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import it.expertfeedback.base.ui.Formats;
import it.expertfeedback.base.ui.Notifications;
import it.expertfeedback.base.ui.Tile;
import it.expertfeedback.base.ui.UiErrors;
import it.expertfeedback.inbox.InboxHealth;
import it.expertfeedback.inbox.InboxService;
import it.expertfeedback.inbox.MultiReview;
import it.expertfeedback.inbox.ReviewRequestItem;
import it.expertfeedback.security.AppRoles;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;

/**
 * The inbox's health for reviewers and admins (DOMAIN.md §8): requests by status, overdue, open by topic and age,
 * each expert's workload, claims (a stuck one can be released), open requests (one can be cancelled), and the
 * verdicts side by side of requests with several reviews.
 */
@Route("inbox/health")
@RolesAllowed({AppRoles.REVIEWER, AppRoles.ADMIN})
@Menu(order = 14.2, title = "nav.inbox-health", icon = "vaadin:dashboard")
public class InboxHealthView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final List<String> STATUSES = List.of("open", "in_review", "done", "expired", "cancelled");

    final FlexLayout tiles = new FlexLayout();
    final Grid<Map.Entry<String, Long>> byTopic = new Grid<>();
    final Grid<Map.Entry<String, Long>> byAge = new Grid<>();
    final Grid<InboxHealth.Workload> workload = new Grid<>();
    final Grid<InboxHealth.ActiveClaim> claims = new Grid<>();
    final Grid<ReviewRequestItem> open = new Grid<>();
    final Grid<MultiReview> agreement = new Grid<>();
    final Grid<TopicAgreement> agreementByTopic = new Grid<>();
    final Grid<InboxHealth.DailyFlow> flow = new Grid<>();
    private final transient InboxService inbox;

    InboxHealthView(InboxService inbox) {
        this.inbox = inbox;
        setWidthFull();
        tiles.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        tiles.addClassName(LumoUtility.Gap.MEDIUM);
        tiles.setId("health-tiles");
        byTopic.setId("health-by-topic");
        byTopic.addColumn(Map.Entry::getKey).setHeader(getTranslation("inbox.topic"));
        byTopic.addColumn(Map.Entry::getValue).setHeader(getTranslation("inbox.open-count"));
        byTopic.setAllRowsVisible(true);
        byAge.setId("health-by-age");
        byAge.addColumn(e -> getTranslation("inbox.age." + e.getKey())).setHeader(getTranslation("inbox.age"));
        byAge.addColumn(Map.Entry::getValue).setHeader(getTranslation("inbox.open-count"));
        byAge.setAllRowsVisible(true);
        workload.setId("health-workload");
        workload.addColumn(InboxHealth.Workload::name).setHeader(getTranslation("inbox.expert"));
        workload.addColumn(InboxHealth.Workload::claimed).setHeader(getTranslation("inbox.claimed"));
        workload.addColumn(InboxHealth.Workload::doneLastWeek).setHeader(getTranslation("inbox.done-week"));
        workload.setAllRowsVisible(true);
        claims.setId("health-claims");
        claims.addColumn(InboxHealth.ActiveClaim::queryText).setHeader(getTranslation("inbox.question")).setFlexGrow(3);
        claims.addColumn(InboxHealth.ActiveClaim::expertName).setHeader(getTranslation("inbox.expert"));
        claims.addColumn(c -> Formats.dateTime(c.leaseExpiresAt(), getLocale())).setHeader(getTranslation("inbox.lease"));
        claims.addComponentColumn(c -> action("inbox.release", () -> inbox.releaseClaim(c.slotId())));
        claims.setAllRowsVisible(true);
        open.setId("health-open-requests");
        open.addColumn(r -> getTranslation("inbox.status." + r.status())).setHeader(getTranslation("inbox.status"));
        open.addColumn(r -> r.topic() == null ? "—" : r.topic()).setHeader(getTranslation("inbox.topic"));
        open.addColumn(ReviewRequestItem::priority).setHeader(getTranslation("inbox.priority"));
        open.addColumn(r -> r.reviewsDone() + "/" + r.requiredReviews()).setHeader(getTranslation("inbox.reviews"));
        open.addColumn(r -> Formats.dateTime(r.createdAt(), getLocale())).setHeader(getTranslation("inbox.received"));
        open.addComponentColumn(r -> action("inbox.cancel", () -> inbox.cancel(r.id())));
        agreement.setId("health-agreement");
        agreement.addColumn(MultiReview::queryText).setHeader(getTranslation("inbox.question")).setFlexGrow(3);
        agreement.addColumn(m -> String.join(" · ", m.verdicts().stream().map(v -> getTranslation("feedback.type." + v)).toList()))
                .setHeader(getTranslation("inbox.verdicts"));
        agreement.addColumn(m -> String.join(", ", m.experts())).setHeader(getTranslation("inbox.experts"));
        agreement.addColumn(m -> getTranslation(m.unanimous() ? "inbox.unanimous" : "inbox.disagreement"))
                .setHeader(getTranslation("inbox.agreement"));
        agreement.addComponentColumn(m -> {
            // Settling a disagreement is judging the feedback (§3): each verdict opens its feedback.
            HorizontalLayout links = new HorizontalLayout();
            for (int i = 0; i < m.feedbackIds().size(); i++) {
                String id = m.feedbackIds().get(i).toString();
                Button open = new Button(getTranslation("feedback.type." + m.verdicts().get(i)),
                        click -> getUI().ifPresent(ui -> ui.navigate("feedback/detail/" + id)));
                open.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
                links.add(open);
            }
            return links;
        }).setHeader(getTranslation("inbox.settle"));
        agreementByTopic.setId("health-agreement-by-topic");
        agreementByTopic.addColumn(TopicAgreement::topic).setHeader(getTranslation("inbox.topic"));
        agreementByTopic.addColumn(TopicAgreement::requests).setHeader(getTranslation("inbox.reviews"));
        agreementByTopic.addColumn(t -> Formats.percent(t.unanimous(), getLocale())).setHeader(getTranslation("inbox.unanimous"));
        agreementByTopic.addColumn(t -> t.kappa().isPresent() ? Formats.decimal(t.kappa().getAsDouble(), 3, getLocale()) : "—")
                .setHeader(getTranslation("inbox.kappa"));
        agreementByTopic.setAllRowsVisible(true);
        flow.setId("health-flow");
        flow.addColumn(f -> f.day().toString()).setHeader(getTranslation("inbox.day"));
        flow.addColumn(InboxHealth.DailyFlow::received).setHeader(getTranslation("inbox.received-count"));
        flow.addColumn(InboxHealth.DailyFlow::judged).setHeader(getTranslation("inbox.judged-count"));
        add(new H2(getTranslation("nav.inbox-health")), tiles,
                new HorizontalLayout(section("inbox.by-topic", byTopic), section("inbox.by-age", byAge),
                        section("inbox.workload", workload)),
                section("inbox.claims", claims), section("inbox.open-requests", open),
                section("inbox.side-by-side", agreement), section("inbox.agreement-by-topic", agreementByTopic),
                section("inbox.flow", flow));
    }

    private static VerticalLayout section(String titleKey, Grid<?> grid) {
        VerticalLayout section = new VerticalLayout(new H3(grid.getTranslation(titleKey)), grid);
        section.setPadding(false);
        return section;
    }

    private Button action(String labelKey, Runnable action) {
        Button button = new Button(getTranslation(labelKey), click -> {
            if (UiErrors.run(this, action) == UiErrors.Outcome.DONE) {
                Notifications.success(getTranslation("inbox.done"));
                refresh();
            }
        });
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return button;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        refresh();
    }

    void refresh() {
        InboxHealth health = inbox.health();
        tiles.removeAll();
        for (String status : STATUSES) {
            tiles.add(new Tile("health-" + status, "inbox.status." + status, health.byStatus().getOrDefault(status, 0L)));
        }
        tiles.add(new Tile("health-overdue", "inbox.overdue", health.overdue()));
        Tile firstVerdict = new Tile("health-first-verdict", "inbox.first-verdict");
        firstVerdict.setValue(health.medianSecondsToFirstVerdict() == null ? "—"
                : getTranslation("analytics.hours", Formats.decimal(health.medianSecondsToFirstVerdict() / 3600.0, 1, getLocale())));
        tiles.add(firstVerdict);
        flow.setItems(health.flow().reversed());
        byTopic.setItems(health.openByTopic().entrySet());
        byAge.setItems(health.openByAge().entrySet());
        workload.setItems(health.workload());
        claims.setItems(health.claims());
        List<ReviewRequestItem> pending = new java.util.ArrayList<>(inbox.list("open", null, 100, 0));
        pending.addAll(inbox.list("in_review", null, 100, 0));
        open.setItems(pending);
        List<MultiReview> multi = inbox.multiReviews(1000);
        agreement.setItems(multi.stream().limit(50).toList());
        agreementByTopic.setItems(TopicAgreement.of(multi));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.inbox-health");
    }
}
