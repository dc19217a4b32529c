package it.expertfeedback.faq.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.theme.lumo.LumoUtility;
import it.expertfeedback.base.ui.Formats;
import it.expertfeedback.faq.CandidateAgreement;
import it.expertfeedback.faq.FeedbackBehindCandidates.SourceFeedback;
import java.util.List;
import java.util.function.Consumer;

/**
 * Every feedback behind a (merged) candidate side by side: verdict, the answer it proposes, expert and trust, with
 * an agreement line on top, and a button on each row to publish that answer (it opens edit-and-approve with it).
 * A candidate merged from 3 Corretta, 2 Incompleta and 1 Errata shows six rows, not the first answer only.
 */
class MergedFeedbackTable extends VerticalLayout {

    final Paragraph agreement = new Paragraph();
    final Grid<SourceFeedback> grid = new Grid<>();

    MergedFeedbackTable(List<SourceFeedback> sources, boolean decidable, Consumer<SourceFeedback> pick) {
        setPadding(false);
        setSpacing(false);
        setId("candidate-merged");
        CandidateAgreement agreed = CandidateAgreement.of(sources);
        agreement.setId("candidate-agreement");
        agreement.setText(agreed.total() == 0 ? getTranslation("faq.agreement.none")
                : getTranslation(agreed.unanimous() ? "faq.agreement.unanimous" : "faq.agreement.split",
                        agreed.majorityCount(), agreed.total(), getTranslation("feedback.type." + agreed.majorityType()),
                        agreed.distinctAnswers(), Formats.percent(agreed.share(), getLocale())));
        agreement.addClassName(agreed.unanimous() ? LumoUtility.TextColor.SUCCESS : LumoUtility.TextColor.WARNING);

        grid.addColumn(s -> getTranslation("feedback.type." + s.feedbackType()))
                .setHeader(getTranslation("faq.merged.verdict")).setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(s -> {
                    Span answer = new Span(s.proposedAnswer());
                    answer.addClassName(LumoUtility.Whitespace.PRE_WRAP);
                    return answer;
                }).setHeader(getTranslation("faq.merged.answer")).setFlexGrow(1).setWidth("8rem"); // takes what is left
        grid.addColumn(SourceFeedback::expertName).setHeader(getTranslation("faq.merged.expert")).setWidth("8rem")
                .setFlexGrow(0); // names wrap: the table fits the detail half of the queue at 1440 px
        grid.addColumn(s -> s.expertTrustScore() == null ? "—" : Formats.score(s.expertTrustScore(), getLocale()))
                .setHeader(getTranslation("faq.merged.trust")).setTextAlign(ColumnTextAlign.END).setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(s -> {
                    Button use = new Button(getTranslation("faq.merged.pick"), click -> pick.accept(s));
                    use.addClassName("candidate-pick");
                    use.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
                    use.setEnabled(decidable);
                    return use;
                }).setKey("pick").setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);
        grid.setItems(sources);
        grid.setId("candidate-sources");
        add(agreement, grid);
    }
}
