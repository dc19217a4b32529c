package it.expertfeedback.inbox.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.theme.lumo.LumoUtility;
import it.expertfeedback.base.ui.Formats;
import it.expertfeedback.inbox.Disagreement;
import java.util.function.BiConsumer;

/**
 * One disagreement to settle: the question and answer, the verdicts side by side with expert and trust, and one
 * button per verdict given ("this verdict stands"), each asking for confirmation first because settling judges
 * every review (upheld / overturned, DOMAIN.md §3) and so moves the experts' trust.
 */
class SettlementPanel extends Composite<VerticalLayout> {

    final TextArea comment = new TextArea();
    final FlexLayout buttons = new FlexLayout();
    final Div reviews = new Div();
    ConfirmDialog confirmation;
    private final H3 question = new H3();
    private final Paragraph answer = new Paragraph();
    private final BiConsumer<String, String> settle;
    private Disagreement shown;

    /** {@code settle} receives the standing verdict and the comment once the reviewer confirmed. */
    SettlementPanel(BiConsumer<String, String> settle) {
        this.settle = settle;
        getContent().setId("settlement-panel");
        getContent().setPadding(false);
        question.setId("settlement-question");
        answer.setId("settlement-answer");
        answer.addClassNames(LumoUtility.TextColor.SECONDARY);
        reviews.setId("settlement-reviews");
        reviews.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexWrap.WRAP, LumoUtility.Gap.MEDIUM);
        comment.setLabel(getTranslation("inbox.settle.comment"));
        comment.setHelperText(getTranslation("inbox.settle.comment-help"));
        comment.setValueChangeMode(ValueChangeMode.EAGER);
        comment.setMaxLength(2000);
        comment.setWidthFull();
        comment.setId("settlement-comment");
        buttons.addClassName(LumoUtility.Gap.SMALL);
        buttons.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        getContent().add(question, answer, reviews, new Paragraph(getTranslation("inbox.settle.help")), comment, buttons);
        clear();
    }

    Disagreement shown() {
        return shown;
    }

    void clear() {
        shown = null;
        setVisible(false);
    }

    void show(Disagreement disagreement) {
        shown = disagreement;
        question.setText(disagreement.queryText());
        answer.setText(disagreement.originalAnswer());
        reviews.removeAll();
        for (Disagreement.Review review : disagreement.reviews()) {
            Div card = new Div(new Span(getTranslation("feedback.type." + review.verdict())),
                    new Span(review.expertName() == null ? "—" : review.expertName()),
                    new Span(getTranslation("inbox.settle.trust", Formats.score(review.trust(), getLocale()))));
            card.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Padding.SMALL,
                    LumoUtility.Border.ALL, LumoUtility.BorderRadius.MEDIUM);
            reviews.add(card);
        }
        comment.clear();
        buttons.removeAll();
        for (String verdict : disagreement.verdicts()) {
            Button stands = new Button(getTranslation("inbox.settle.stands", getTranslation("feedback.type." + verdict)),
                    click -> confirm(verdict));
            stands.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            stands.setId("settle-" + verdict);
            buttons.add(stands);
        }
        setVisible(true);
    }

    private void confirm(String verdict) {
        long upheld = shown.reviews().stream().filter(r -> r.verdict().equals(verdict)).count();
        confirmation = new ConfirmDialog(getTranslation("inbox.settle.confirm-title"),
                getTranslation("inbox.settle.confirm", getTranslation("feedback.type." + verdict), upheld,
                        shown.reviews().size() - upheld),
                getTranslation("common.confirm"), yes -> settle.accept(verdict, comment.getValue()));
        confirmation.setCancelable(true);
        confirmation.setCancelText(getTranslation("common.cancel"));
        confirmation.setId("settle-confirm");
        confirmation.open();
    }
}
