package it.expertfeedback.faq.ui;

import com.vaadin.flow.component.grid.Grid;
import it.expertfeedback.base.ui.Formats;
import it.expertfeedback.faq.CandidateRow;

/** The approval queue's list: priority, question, frequency, category and proposer, several rows selectable. */
class QueueGrid extends Grid<CandidateRow> {

    QueueGrid() {
        setSelectionMode(Grid.SelectionMode.MULTI);
        addColumn(r -> Formats.decimal(r.priorityScore().doubleValue(), 2, getLocale()))
                .setHeader(getTranslation("faq.priority")).setAutoWidth(true).setFlexGrow(0);
        addColumn(CandidateRow::question).setHeader(getTranslation("faq.question")).setWidth("18rem").setFlexGrow(1);
        addColumn(CandidateRow::frequency).setHeader(getTranslation("faq.frequency")).setAutoWidth(true).setFlexGrow(0);
        addColumn(r -> r.suggestedCategory() == null ? "—" : r.suggestedCategory())
                .setHeader(getTranslation("feedback.faq-category")).setAutoWidth(true);
        addColumn(r -> r.expertName() == null ? "—" : r.expertName()).setHeader(getTranslation("feedback.expert")).setAutoWidth(true);
    }
}
