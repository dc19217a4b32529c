package it.expertfeedback.faq.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import it.expertfeedback.faq.CandidateReviewService;
import it.expertfeedback.faq.CandidateRow;
import it.expertfeedback.faq.QueueFilter;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.data.domain.PageRequest;

/**
 * Bulk approval under the queue: "select all" takes every candidate the current filter shows (up to {@value #MAX},
 * the lazy grid has no header checkbox), and the approve button says how many it will approve.
 */
class BulkBar extends HorizontalLayout {

    static final int MAX = 200;

    final Button selectAll = new Button();
    final Button approve = new Button();

    BulkBar(CandidateReviewService faq, Grid<CandidateRow> grid, Supplier<QueueFilter> filter, Runnable afterDecision) {
        setWrap(true);
        selectAll.setText(getTranslation("faq.select-all", MAX));
        selectAll.setId("faq-select-all");
        selectAll.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        selectAll.addClickListener(click -> grid.asMultiSelect().select(
                faq.findPending(filter.get(), PageRequest.of(0, MAX))));
        grid.addSelectionListener(e -> count(e.getAllSelectedItems().size()));
        count(0);
        approve.setId("faq-bulk-approve");
        approve.addClickListener(click -> BulkApprovalDialog.confirmThenApprove(faq, List.copyOf(grid.getSelectedItems()),
                () -> { grid.deselectAll(); afterDecision.run(); }));
        add(selectAll, approve);
    }

    private void count(int selected) {
        approve.setText(getTranslation("faq.bulk-approve", selected));
        approve.setEnabled(selected > 0);
    }
}
