package it.expertfeedback.faq.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import it.expertfeedback.base.ui.Formats;
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

    final Grid<CandidateRow> grid = new Grid<>();
    final ComboBox<String> category = new ComboBox<>();
    final TextField expert = new TextField();
    final NumberField minTrust = new NumberField();
    final IntegerField minFrequency = new IntegerField();
    final TextField text = new TextField();
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
        setSizeFull();
        SplitLayout split = new SplitLayout(left(), right());
        split.setSplitterPosition(45);
        split.setSizeFull();
        Paragraph keys = new Paragraph(getTranslation("faq.shortcuts"));
        keys.setId("faq-shortcuts");
        keys.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        add(new H2(getTranslation("nav.faq-queue")), keys, split);
        shortcuts();
        showAt(0);
    }

    private VerticalLayout left() {
        category.setPlaceholder(getTranslation("feedback.faq-category"));
        category.setItems(faq.pendingCategories());
        category.setClearButtonVisible(true);
        category.setId("faq-filter-category");
        category.addValueChangeListener(e -> apply(filter.withSuggestedCategory(e.getValue())));
        lazy(expert, "feedback.filter.expert", "faq-filter-expert").addValueChangeListener(e -> apply(filter.withExpertText(e.getValue())));
        lazy(text, "faq.filter.text", "faq-filter-text").addValueChangeListener(e -> apply(filter.withText(e.getValue())));
        minTrust.setPlaceholder(getTranslation("expert.filter.min-trust"));
        minTrust.setMin(0);
        minTrust.setMax(1);
        minTrust.setClearButtonVisible(true);
        minTrust.setValueChangeMode(ValueChangeMode.LAZY);
        minTrust.setId("faq-filter-min-trust");
        minTrust.addValueChangeListener(e -> apply(filter.withMinTrust(e.getValue())));
        minFrequency.setPlaceholder(getTranslation("faq.filter.min-frequency"));
        minFrequency.setMin(1);
        minFrequency.setClearButtonVisible(true);
        minFrequency.setValueChangeMode(ValueChangeMode.LAZY);
        minFrequency.setId("faq-filter-min-frequency");
        minFrequency.addValueChangeListener(e -> apply(filter.withMinFrequency(e.getValue())));
        HorizontalLayout filters = new HorizontalLayout(category, expert, text, minTrust, minFrequency);
        filters.setWrap(true);

        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.addColumn(r -> Formats.decimal(r.priorityScore().doubleValue(), 2, getLocale()))
                .setHeader(getTranslation("faq.priority")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(CandidateRow::question).setHeader(getTranslation("faq.question")).setWidth("18rem").setFlexGrow(1);
        grid.addColumn(CandidateRow::frequency).setHeader(getTranslation("faq.frequency")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> r.suggestedCategory() == null ? "—" : r.suggestedCategory())
                .setHeader(getTranslation("feedback.faq-category")).setAutoWidth(true);
        grid.addColumn(r -> r.expertName() == null ? "—" : r.expertName()).setHeader(getTranslation("feedback.expert")).setAutoWidth(true);
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
        bulkApprove.addClickListener(click -> confirmBulk());
        VerticalLayout left = new VerticalLayout(filters, grid, bulkApprove);
        left.setPadding(false);
        left.setSizeFull();
        return left;
    }

    private VerticalLayout right() {
        approve.setText(getTranslation("faq.approve") + " (Alt+A)");
        approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        approve.setId("faq-approve");
        approve.addClickListener(click -> decideApprove());
        editAndApprove.setText(getTranslation("faq.edit-approve") + " (Alt+M)");
        editAndApprove.setId("faq-edit-approve");
        editAndApprove.addClickListener(click -> new EditAndApproveDialog(faq, current, faq.pendingCategories(), this::afterDecision).open());
        reject.setText(getTranslation("faq.reject") + " (Alt+R)");
        reject.addThemeVariants(ButtonVariant.LUMO_ERROR);
        reject.setId("faq-reject");
        reject.addClickListener(click -> new RejectDialog(faq, current, this::afterDecision).open());
        previous.setText("↑ " + getTranslation("faq.previous") + " (Alt+↑)");
        previous.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        previous.setId("faq-previous");
        previous.addClickListener(click -> showAt(position - 1));
        next.setText("↓ " + getTranslation("faq.next") + " (Alt+↓)");
        next.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        next.setId("faq-next");
        next.addClickListener(click -> showAt(position + 1));
        HorizontalLayout actions = new HorizontalLayout(approve, editAndApprove, reject, previous, next);
        actions.setWrap(true);
        empty.setText(getTranslation("faq.queue-empty"));
        empty.setId("faq-queue-empty");
        VerticalLayout right = new VerticalLayout(actions, empty, panel);
        right.setSizeFull();
        right.getStyle().set("overflow", "auto");
        return right;
    }

    private void shortcuts() {
        Shortcuts.addShortcutListener(this, this::decideApprove, Key.KEY_A, KeyModifier.ALT);
        Shortcuts.addShortcutListener(this, () -> { if (editAndApprove.isEnabled()) { editAndApprove.click(); } }, Key.KEY_M, KeyModifier.ALT);
        Shortcuts.addShortcutListener(this, () -> { if (reject.isEnabled()) { reject.click(); } }, Key.KEY_R, KeyModifier.ALT);
        Shortcuts.addShortcutListener(this, () -> showAt(position + 1), Key.ARROW_DOWN, KeyModifier.ALT);
        Shortcuts.addShortcutListener(this, () -> showAt(position - 1), Key.ARROW_UP, KeyModifier.ALT);
    }

    private TextField lazy(TextField field, String placeholderKey, String id) {
        field.setPlaceholder(getTranslation(placeholderKey));
        field.setClearButtonVisible(true);
        field.setValueChangeMode(ValueChangeMode.LAZY);
        field.setId(id);
        return field;
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
        boolean decidable = details.decidableByCaller() && current.approvalStatus() == CandidateStatus.pending;
        approve.setEnabled(decidable);
        editAndApprove.setEnabled(decidable);
        reject.setEnabled(decidable);
        previous.setEnabled(position > 0);
    }

    private void showNothing() {
        current = null;
        panel.setVisible(false);
        empty.setVisible(true);
        approve.setEnabled(false);
        editAndApprove.setEnabled(false);
        reject.setEnabled(false);
        previous.setEnabled(false);
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

    private void confirmBulk() {
        List<CandidateRow> selected = List.copyOf(grid.getSelectedItems());
        ConfirmDialog confirm = new ConfirmDialog(getTranslation("faq.bulk-approve.title"),
                getTranslation("faq.bulk-approve.question", selected.size()), getTranslation("faq.approve"),
                yes -> new BulkApprovalDialog(faq, selected, UI.getCurrent(), () -> {
                    grid.deselectAll();
                    afterDecision();
                }).start());
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("common.cancel"));
        confirm.setId("faq-bulk-confirm");
        confirm.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.faq-queue");
    }
}
