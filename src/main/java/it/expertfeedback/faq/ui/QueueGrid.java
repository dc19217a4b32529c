package it.expertfeedback.faq.ui;

import com.vaadin.flow.component.grid.Grid;
import it.expertfeedback.base.ui.Formats;
import it.expertfeedback.base.ui.TwoLineCell;
import it.expertfeedback.faq.CandidateRow;

/** The approval queue's list: priority, question (with category and proposer), frequency, several rows selectable. */
class QueueGrid extends Grid<CandidateRow> {

    QueueGrid() {
        setSelectionMode(Grid.SelectionMode.MULTI);
        addColumn(r -> Formats.decimal(r.priorityScore().doubleValue(), 2, getLocale()))
                .setHeader(getTranslation("faq.priority")).setAutoWidth(true).setFlexGrow(0);
        // Category and proposer under the question, not in columns of their own: the list half of the split fits 1440 px.
        addColumn(TwoLineCell.<CandidateRow>of(CandidateRow::question, r -> (r.suggestedCategory() == null ? "—" : r.suggestedCategory())
                        + " · " + (r.expertName() == null ? "—" : r.expertName())))
                .setHeader(getTranslation("faq.question") + " · " + getTranslation("feedback.faq-category") + " · "
                        + getTranslation("feedback.expert")).setWidth("12rem").setFlexGrow(1)
                .setTooltipGenerator(CandidateRow::question);
        addColumn(CandidateRow::frequency).setHeader(getTranslation("faq.frequency")).setAutoWidth(true).setFlexGrow(0);
    }
}
