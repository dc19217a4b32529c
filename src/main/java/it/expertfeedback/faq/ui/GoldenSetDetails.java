package it.expertfeedback.faq.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.theme.lumo.LumoUtility;
import it.expertfeedback.faq.CandidateRow;
import it.expertfeedback.faq.PublishedFaqService;

/** An open row of the golden set: its answer and references, and for reviewers the FAQ's life (§5). */
final class GoldenSetDetails {

    private GoldenSetDetails() {
    }

    /** {@code published} is null for a caller who may not edit or retire (an expert). */
    static Div of(Component owner, CandidateRow row, PublishedFaqService published, Runnable after) {
        Paragraph answer = new Paragraph(row.answer());
        answer.addClassName(LumoUtility.Whitespace.PRE_WRAP);
        answer.addClassName("golden-answer");
        Div box = new Div(answer);
        if (!row.regulatoryReferences().isEmpty()) {
            box.add(new Paragraph(owner.getTranslation("feedback.references") + ": " + String.join("; ", row.regulatoryReferences())));
        }
        if (published != null) { // a published FAQ's life (§5): edit as a new version, retire, read its history
            Button edit = new Button(owner.getTranslation("faq.published.edit", row.publishedVersion() + 1),
                    click -> new PublishedFaqDialogs.Edit(published, row, after).open());
            edit.addClassName("golden-edit");
            Button retire = new Button(owner.getTranslation("faq.published.retire"),
                    click -> new PublishedFaqDialogs.Retire(published, row, after).open());
            retire.addClassName("golden-retire");
            retire.addThemeVariants(ButtonVariant.LUMO_ERROR);
            Button history = new Button(owner.getTranslation("faq.published.history"),
                    click -> new PublishedFaqDialogs.History(published, row).open());
            history.addClassName("golden-history");
            box.add(new HorizontalLayout(edit, retire, history));
        }
        return box;
    }
}
