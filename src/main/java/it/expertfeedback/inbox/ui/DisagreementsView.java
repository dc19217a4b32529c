package it.expertfeedback.inbox.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import it.expertfeedback.base.ui.Formats;
import it.expertfeedback.base.ui.Notifications;
import it.expertfeedback.base.ui.UiErrors;
import it.expertfeedback.base.ui.UrlState;
import it.expertfeedback.inbox.Disagreement;
import it.expertfeedback.inbox.InboxService;
import it.expertfeedback.security.AppRoles;
import jakarta.annotation.security.RolesAllowed;
import java.util.Optional;
import java.util.UUID;

/**
 * Disagreements for a reviewer to settle (issue 15): completed requests with several reviews whose verdicts differ,
 * verdicts side by side with expert and trust, in a lazy grid. Picking one (kept in the URL as {@code ?request=})
 * opens it; settling says which verdict stands, judges every review through feedback's uphold / overturn (§3) and
 * takes the request off the list.
 */
@Route("inbox/disagreements")
@RolesAllowed({AppRoles.REVIEWER, AppRoles.ADMIN})
@Menu(order = 14.25, title = "nav.inbox-disagreements", icon = "vaadin:scale-unbalance")
public class DisagreementsView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String ROUTE = "inbox/disagreements";

    final Span count = new Span();
    final Grid<Disagreement> grid = new Grid<>();
    final SettlementPanel panel = new SettlementPanel(this::settle);
    private final UrlState url = new UrlState(ROUTE);
    private final transient InboxService inbox;

    DisagreementsView(InboxService inbox) {
        this.inbox = inbox;
        setWidthFull();
        count.setId("disagreements-count");
        grid.setId("disagreements");
        grid.addColumn(Disagreement::queryText).setHeader(getTranslation("inbox.question")).setFlexGrow(3);
        grid.addColumn(d -> d.topic() == null ? "—" : d.topic()).setHeader(getTranslation("inbox.topic")).setAutoWidth(true);
        grid.addColumn(this::sideBySide).setHeader(getTranslation("inbox.verdicts")).setFlexGrow(3);
        grid.addColumn(d -> Formats.dateTime(d.completedAt(), getLocale())).setHeader(getTranslation("inbox.completed"))
                .setAutoWidth(true);
        grid.setItems(query -> inbox.disagreements(query.getOffset(), query.getLimit()).stream(),
                query -> (int) Math.min(Integer.MAX_VALUE, inbox.countDisagreements()));
        grid.asSingleSelect().addValueChangeListener(e -> {
            if (e.isFromClient() || e.getValue() != null) {
                open(e.getValue());
            }
        });
        grid.setHeight("24rem");
        Paragraph help = new Paragraph(getTranslation("inbox.disagreements.help"));
        help.addClassNames(LumoUtility.TextColor.SECONDARY);
        add(new H2(getTranslation("nav.inbox-disagreements")), help, count, grid, panel);
    }

    /** "Corretta — Anna Rossi (0,8123) · Errata — Marco Bianchi (0,6000)", in the order the verdicts came. */
    String sideBySide(Disagreement d) {
        return String.join(" · ", d.reviews().stream().map(r -> getTranslation("feedback.type." + r.verdict()) + " — "
                + (r.expertName() == null ? "—" : r.expertName()) + " (" + Formats.score(r.trust(), getLocale()) + ")")
                .toList());
    }

    private void open(Disagreement disagreement) {
        if (disagreement == null) {
            panel.clear();
        } else {
            panel.show(disagreement);
        }
        url.put("request", disagreement == null ? null : disagreement.requestId()).write();
    }

    private void settle(String verdict, String comment) {
        Disagreement shown = panel.shown();
        if (UiErrors.run(this, () -> inbox.settle(shown.requestId(), verdict, comment)) == UiErrors.Outcome.DONE) {
            Notifications.success(getTranslation("inbox.settle.done"));
        }
        grid.deselectAll();
        open(null);
        refresh();
    }

    void refresh() {
        count.setText(getTranslation("inbox.disagreements.count", inbox.countDisagreements()));
        grid.getDataProvider().refreshAll();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        url.restore(event, () -> {
            Optional<Disagreement> chosen = url.get("request").flatMap(DisagreementsView::uuid).flatMap(inbox::disagreement);
            chosen.ifPresentOrElse(panel::show, panel::clear);
        });
        refresh();
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.inbox-disagreements");
    }
}
