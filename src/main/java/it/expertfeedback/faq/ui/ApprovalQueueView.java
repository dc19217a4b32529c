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
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import it.expertfeedback.base.ui.Notifications;
import it.expertfeedback.base.ui.UiErrors;
import it.expertfeedback.faq.CandidateDetails;
import it.expertfeedback.faq.CandidateReviewService;
import it.expertfeedback.faq.CandidateRow;
import it.expertfeedback.faq.CandidateStatus;
import it.expertfeedback.faq.QueueFilter;
import it.expertfeedback.security.AppRoles;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
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
public class ApprovalQueueView extends VerticalLayout implements HasDynamicTitle {

    final Grid<CandidateRow> grid = new QueueGrid();
    final QueueFilters filters;
    final TextField text;
    final CandidatePanel panel = new CandidatePanel();
    final Button approve = new Button();
    final Button editAndApprove = new Button();
    final Button reject = new Button();
    final Button previous = new Button();
    final Button next = new Button();
    final Button bulkApprove = new Button();
    final Paragraph empty = new Paragraph();
    private final transient CandidateReviewService faq;
    private QueueFilter filter = QueueFilter.none();
    private long position;
    private CandidateRow current;

    ApprovalQueueView(CandidateReviewService faq) {
        this.faq = faq;
        this.filters = new QueueFilters(faq.pendingCategories(), change -> apply(change.apply(filter)));
        this.text = filters.text;
        setSizeFull();
        SplitLayout split = new SplitLayout(left(), right());
        split.setSplitterPosition(45);
        split.setSizeFull();
        Paragraph keys = new Paragraph(getTranslation("faq.shortcuts"));
        keys.setId("faq-shortcuts");
        keys.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
        add(new H2(getTranslation("nav.faq-queue")), keys, split);
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
        });
        grid.addSelectionListener(e -> {
            int selected = e.getAllSelectedItems().size();
            bulkApprove.setText(getTranslation("faq.bulk-approve", selected));
            bulkApprove.setEnabled(selected > 0);
        });
        grid.setId("faq-queue-grid");
        grid.setSizeFull();
        bulkApprove.setText(getTranslation("faq.bulk-approve", 0));
        bulkApprove.setEnabled(false);
        bulkApprove.setId("faq-bulk-approve");
        bulkApprove.addClickListener(click -> BulkApprovalDialog.confirmThenApprove(faq, List.copyOf(grid.getSelectedItems()),
                () -> { grid.deselectAll(); afterDecision(); }));
        VerticalLayout left = new VerticalLayout(filters, grid, bulkApprove);
        left.setPadding(false);
        left.setSizeFull();
        return left;
    }

    private VerticalLayout right() {
        action(approve, getTranslation("faq.approve") + " (Alt+A)", "faq-approve", this::decideApprove,
                ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        action(editAndApprove, getTranslation("faq.edit-approve") + " (Alt+M)", "faq-edit-approve",
                () -> new EditAndApproveDialog(faq, current, faq.pendingCategories(), this::afterDecision).open());
        action(reject, getTranslation("faq.reject") + " (Alt+R)", "faq-reject",
                () -> new RejectDialog(faq, current, this::afterDecision).open(), ButtonVariant.LUMO_ERROR);
        action(previous, "↑ " + getTranslation("faq.previous") + " (Alt+↑)", "faq-previous", () -> showAt(position - 1),
                ButtonVariant.LUMO_TERTIARY);
        action(next, "↓ " + getTranslation("faq.next") + " (Alt+↓)", "faq-next", () -> showAt(position + 1),
                ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout actions = new HorizontalLayout(approve, editAndApprove, reject, previous, next);
        actions.setWrap(true);
        empty.setText(getTranslation("faq.queue-empty"));
        empty.setId("faq-queue-empty");
        VerticalLayout right = new VerticalLayout(actions, empty, panel);
        right.setSizeFull();
        right.addClassName(LumoUtility.Overflow.AUTO);
        return right;
    }

    private static void action(Button button, String text, String id, Runnable onClick, ButtonVariant... variants) {
        button.setText(text);
        button.setId(id);
        button.addThemeVariants(variants);
        button.addClickListener(click -> onClick.run());
    }

    private void shortcuts() {
        Shortcuts.addShortcutListener(this, this::decideApprove, Key.KEY_A, KeyModifier.ALT);
        Shortcuts.addShortcutListener(this, () -> { if (editAndApprove.isEnabled()) { editAndApprove.click(); } }, Key.KEY_M, KeyModifier.ALT);
        Shortcuts.addShortcutListener(this, () -> { if (reject.isEnabled()) { reject.click(); } }, Key.KEY_R, KeyModifier.ALT);
        Shortcuts.addShortcutListener(this, () -> showAt(position + 1), Key.ARROW_DOWN, KeyModifier.ALT);
        Shortcuts.addShortcutListener(this, () -> showAt(position - 1), Key.ARROW_UP, KeyModifier.ALT);
    }

    /** Shows the candidate at a queue position; past the end, the last one; an empty queue says so. */
    void showAt(long wanted) {
        long target = Math.max(0, wanted);
        Optional<CandidateRow> row = faq.pendingAt(filter, target);
        if (row.isEmpty() && target > 0) {
            long count = faq.countPending(filter);
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
        decidable(details.decidableByCaller() && current.approvalStatus() == CandidateStatus.pending);
        previous.setEnabled(position > 0);
    }

    private void showNothing() {
        current = null;
        panel.setVisible(false);
        empty.setVisible(true);
        decidable(false);
        previous.setEnabled(false);
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

    @Override
    public String getPageTitle() {
        return getTranslation("nav.faq-queue");
    }
}
