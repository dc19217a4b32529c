package it.expertfeedback.inbox.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import it.expertfeedback.base.ui.Formats;
import it.expertfeedback.base.ui.Notifications;
import it.expertfeedback.base.ui.UiErrors;
import it.expertfeedback.inbox.ClaimedRequest;
import it.expertfeedback.inbox.InboxService;
import it.expertfeedback.security.AppRoles;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * "Da revisionare": the expert's inbox. "Inizia" resumes a request the expert already holds, else claims the best
 * match (DOMAIN.md §8) and opens it in the {@link ReviewView}.
 */
@Route(InboxView.ROUTE)
@RolesAllowed(AppRoles.EXPERT)
@Menu(order = 14.5, title = "nav.inbox", icon = "vaadin:inbox")
public class InboxView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String ROUTE = "inbox";

    final Paragraph available = new Paragraph();
    final Button start = new Button();
    final Grid<ClaimedRequest> held = new Grid<>();
    private final transient InboxService inbox;

    InboxView(InboxService inbox) {
        this.inbox = inbox;
        setMaxWidth("70rem");
        available.setId("inbox-available");
        start.setText(getTranslation("inbox.start"));
        start.setId("inbox-start");
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        start.addClickListener(click -> start());
        held.setId("inbox-held");
        held.addColumn(ClaimedRequest::queryText).setHeader(getTranslation("inbox.question")).setFlexGrow(3);
        held.addColumn(c -> c.topic() == null ? "—" : c.topic()).setHeader(getTranslation("inbox.topic"));
        held.addColumn(c -> Formats.dateTime(c.leaseExpiresAt(), getLocale())).setHeader(getTranslation("inbox.lease"));
        held.addItemClickListener(click -> open(click.getItem()));
        held.setAllRowsVisible(true);
        add(new H2(getTranslation("nav.inbox")), available, start, held);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        refresh();
    }

    void refresh() {
        available.setText(getTranslation("inbox.available", inbox.countAvailable(InboxBadge.CAP + 1)));
        List<ClaimedRequest> mine = inbox.myClaims();
        held.setItems(mine);
        held.setVisible(!mine.isEmpty());
    }

    private void start() {
        List<ClaimedRequest> mine = inbox.myClaims();
        if (!mine.isEmpty()) {
            open(mine.getFirst());
            return;
        }
        AtomicReference<Optional<ClaimedRequest>> next = new AtomicReference<>(Optional.empty());
        if (UiErrors.run(this, () -> next.set(inbox.claimNext())) != UiErrors.Outcome.DONE) {
            return;
        }
        next.get().ifPresentOrElse(this::open, () -> {
            Notifications.success(getTranslation("inbox.empty"));
            refresh();
        });
    }

    private void open(ClaimedRequest request) {
        UI.getCurrent().navigate(ReviewView.class, request.requestId().toString());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.inbox");
    }
}
