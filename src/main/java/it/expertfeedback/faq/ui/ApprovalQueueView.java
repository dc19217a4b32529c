package it.expertfeedback.faq.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import it.expertfeedback.base.ui.ItemStepper;
import it.expertfeedback.base.ui.Notifications;
import it.expertfeedback.base.ui.UiErrors;
import it.expertfeedback.base.ui.UrlState;
import it.expertfeedback.faq.CandidateDetails;
import it.expertfeedback.faq.CandidateReviewService;
import it.expertfeedback.faq.CandidateRow;
import it.expertfeedback.faq.CandidateStatus;
import it.expertfeedback.faq.QueueFilter;
import it.expertfeedback.security.AppRoles;
import jakarta.annotation.security.RolesAllowed;
import java.util.Optional;
import org.springframework.data.domain.PageRequest;

/**
 * The reviewers' approval queue: pending candidates by priority (lazy), filters, and the current candidate on
 * the right with everything needed to decide. Keyboard: Alt+A approve, Alt+M edit and approve, Alt+R reject,
 * Alt+↓ next, Alt+↑ previous (letters and arrows, so they work on an Italian keyboard).
 */
@Route("faq/queue")
@RolesAllowed({AppRoles.REVIEWER, AppRoles.ADMIN})
@Menu(order = 13, title = "nav.faq-queue", icon = "vaadin:check-square-o")
public class ApprovalQueueView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    final Grid<CandidateRow> grid = new QueueGrid();
    final QueueFilters filters;
    final TextField text;
    final CandidatePanel panel = new CandidatePanel();
    final Button approve = new Button();
    final Button editAndApprove = new Button();
    final Button reject = new Button();
    final ItemStepper stepper = new ItemStepper("faq", "faq.previous", "faq.next", () -> showAt(this.position - 1),
            () -> showAt(this.position + 1));
    final Button previous = stepper.previous;
    final Button next = stepper.next;
    final BulkBar bulk;
    final Button bulkApprove;
    final Paragraph total = new Paragraph();
    final Paragraph empty = new Paragraph();
    private final transient CandidateReviewService faq;
    private QueueFilter filter = QueueFilter.none();
    private long position;
    private long count; // of the filtered queue, as last counted: the next button is disabled at its end
    private CandidateRow current;
    private final QueueLayout layout;
    private final UrlState url = new UrlState("faq/queue");

    ApprovalQueueView(CandidateReviewService faq) {
        this.faq = faq;
        this.filters = new QueueFilters(faq.pendingCategories(), change -> apply(change.apply(filter)));
        this.text = filters.text;
        this.bulk = new BulkBar(faq, grid, () -> filter, this::afterDecision);
        this.bulkApprove = bulk.approve;
        setSizeFull();
        layout = new QueueLayout(left(), right());
        Paragraph keys = new Paragraph(getTranslation("faq.shortcuts"));
        keys.setId("faq-shortcuts");
        keys.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
        add(new H2(getTranslation("nav.faq-queue")), keys, layout);
        shortcuts();
        panel.onPick(source -> EditAndApproveDialog.publishing(faq, current, faq.pendingCategories(), source, this::afterDecision).open());
        showAt(0);
    }

    private VerticalLayout left() {
        grid.setItems(query -> faq.findPending(filter, PageRequest.of(query.getPage(), query.getPageSize())).stream(),
                query -> (int) faq.countPending(filter));
        grid.addItemClickListener(click -> {
            position = faq.positionInQueue(filter, click.getItem());
            show(click.getItem());
            layout.showDetail();
        });
        total.setId("faq-result-count");
        grid.setId("faq-queue-grid");
        grid.setSizeFull();
        VerticalLayout left = new VerticalLayout(filters, total, grid, bulk);
        left.setPadding(false);
        left.setSizeFull();
        return left;
    }

    private VerticalLayout right() {
        QueueLayout.action(approve, getTranslation("faq.approve") + " (Alt+A)", "faq-approve", this::decideApprove,
                ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        QueueLayout.action(editAndApprove, getTranslation("faq.edit-approve") + " (Alt+M)", "faq-edit-approve",
                () -> new EditAndApproveDialog(faq, current, faq.pendingCategories(), this::afterDecision).open());
        QueueLayout.action(reject, getTranslation("faq.reject") + " (Alt+R)", "faq-reject",
                () -> new RejectDialog(faq, current, this::afterDecision).open(), ButtonVariant.LUMO_ERROR);
        HorizontalLayout actions = new HorizontalLayout(approve, editAndApprove, reject, stepper);
        actions.setWrap(true);
        empty.setText(getTranslation("faq.queue-empty"));
        empty.setId("faq-queue-empty");
        VerticalLayout right = new VerticalLayout(actions, empty, panel);
        right.setSizeFull();
        right.addClassName(LumoUtility.Overflow.AUTO);
        return right;
    }

    private void shortcuts() {
        Shortcuts.addShortcutListener(this, this::decideApprove, Key.KEY_A, KeyModifier.ALT);
        Shortcuts.addShortcutListener(this, () -> { if (editAndApprove.isEnabled()) { editAndApprove.click(); } }, Key.KEY_M, KeyModifier.ALT);
        Shortcuts.addShortcutListener(this, () -> { if (reject.isEnabled()) { reject.click(); } }, Key.KEY_R, KeyModifier.ALT);
        stepper.listenOn(this);
    }

    /** Shows the candidate at a queue position; past the end, the last one; an empty queue says so. */
    void showAt(long wanted) {
        long target = Math.max(0, wanted);
        count = faq.countPending(filter);
        total.setText(getTranslation("faq.result-count", count));
        Optional<CandidateRow> row = faq.pendingAt(filter, target);
        if (row.isEmpty() && target > 0) {
            count = faq.countPending(filter);
            target = Math.max(0, count - 1);
            row = faq.pendingAt(filter, target);
        }
        position = target;
        row.ifPresentOrElse(this::show, this::showNothing);
    }

    private void show(CandidateRow row) {
        CandidateDetails details = faq.getCandidate(row.id());
        current = details.candidate();
        panel.setVisible(true);
        empty.setVisible(false);
        panel.show(details);
        filters.write(url, filter).put("candidate", current.id()).write();
        decidable(details.decidableByCaller() && current.approvalStatus() == CandidateStatus.pending);
        stepper.ends(position > 0, position < count - 1);
    }

    private void showNothing() {
        current = null;
        filters.write(url, filter).put("candidate", null).write();
        panel.setVisible(false);
        empty.setVisible(true);
        decidable(false);
        stepper.ends(false, false);
    }

    private void decidable(boolean decidable) {
        approve.setEnabled(decidable);
        editAndApprove.setEnabled(decidable);
        reject.setEnabled(decidable);
    }

    private void decideApprove() {
        if (current == null || !approve.isEnabled()) {
            return;
        }
        if (UiErrors.run(this, () -> faq.approve(current.id(), current.version())) == UiErrors.Outcome.DONE) {
            Notifications.success(getTranslation("faq.approved"));
        }
        afterDecision();
    }

    /** After any decision (or a conflict): the same position now holds the next candidate, freshly read. */
    private void afterDecision() {
        grid.getDataProvider().refreshAll();
        showAt(position);
    }

    private void apply(QueueFilter next) {
        filter = next;
        grid.getDataProvider().refreshAll();
        showAt(0);
    }

    @Override // filters and the open candidate come from the URL: Back, reload and shared links restore them
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<String> wanted = UrlState.first(event, "candidate"); // restoring the filters re-selects the top one
        url.restore(event, () -> filters.restore(url));
        wanted.flatMap(QueueFilters::uuid).flatMap(id -> QueueFilters.pending(faq, id))
                .ifPresent(row -> { position = faq.positionInQueue(filter, row); show(row); layout.showDetail(); });
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.faq-queue");
    }
}
