package it.expertfeedback.faq.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.theme.lumo.LumoUtility;
import it.expertfeedback.base.ui.DiffView;
import it.expertfeedback.base.ui.FieldErrors;
import it.expertfeedback.base.ui.Formats;
import it.expertfeedback.faq.CandidateRow;
import it.expertfeedback.faq.FaqEdit;
import it.expertfeedback.faq.FaqVersion;
import it.expertfeedback.faq.PublishedFaqService;
import java.util.List;

/** A published FAQ's life in the golden set (DOMAIN.md §5): edit as a new version with a reason, retire, history. */
final class PublishedFaqDialogs {

    private PublishedFaqDialogs() {
    }

    /** Edits question, answer and references; the reason is kept with the new version. */
    static class Edit extends DecisionDialog {
        final TextArea question = new TextArea();
        final TextArea answer = new TextArea();
        final TextArea references = new TextArea();
        final TextArea reason = new TextArea();
        final Button save = new Button();

        Edit(PublishedFaqService published, CandidateRow faq, Runnable after) {
            setHeaderTitle(getTranslation("faq.published.edit", faq.publishedVersion() + 1));
            setWidth("min(50rem, 95vw)");
            field(question, "faq.question", faq.question(), "faq-published-question");
            field(answer, "faq.answer", faq.answer(), "faq-published-answer");
            field(references, "feedback.references", String.join("\n", faq.regulatoryReferences()), "faq-published-references");
            field(reason, "faq.published.reason", "", "faq-published-reason");
            FieldErrors errors = new FieldErrors(this).bind("question", question).bind("answer", answer)
                    .bind("regulatory_references", references).bind("reason", reason);
            save.setText(getTranslation("faq.published.save"));
            save.setId("faq-published-save");
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            save.addClickShortcut(Key.ENTER, KeyModifier.CONTROL).listenOn(this);
            save.addClickListener(click -> decide(() -> published.edit(faq.id(), new FaqEdit(question.getValue(),
                            answer.getValue(), faq.suggestedCategory(), faq.suggestedTags(), references.getValue().lines().toList()),
                    reason.getValue(), faq.publishedVersion()), "faq.published.saved", errors, after));
            getFooter().add(new Button(getTranslation("common.cancel"), click -> close()), save);
        }

        private void field(TextArea area, String labelKey, String value, String id) {
            area.setLabel(getTranslation(labelKey));
            area.setValue(value == null ? "" : value);
            area.setWidthFull();
            area.setId(id);
            add(area);
        }
    }

    /** Retires with a reason: the assistant's sync sees status "retired" and stops serving it. */
    static class Retire extends DecisionDialog {
        final TextArea reason = new TextArea();
        final Button confirm = new Button();

        Retire(PublishedFaqService published, CandidateRow faq, Runnable after) {
            setHeaderTitle(getTranslation("faq.published.retire"));
            setWidth("min(40rem, 95vw)");
            add(new Paragraph(faq.question()));
            reason.setLabel(getTranslation("faq.published.retire-reason"));
            reason.setWidthFull();
            reason.setId("faq-retire-reason");
            add(reason);
            FieldErrors errors = new FieldErrors(this).bind("reason", reason);
            confirm.setText(getTranslation("faq.published.retire"));
            confirm.setId("faq-retire-confirm");
            confirm.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
            confirm.addClickListener(click -> decide(() -> published.retire(faq.id(), reason.getValue()),
                    "faq.published.retired", errors, after));
            getFooter().add(new Button(getTranslation("common.cancel"), click -> close()), confirm);
        }
    }

    /** Every version, newest first, with who, when and why, and what changed from the one before. */
    static class History extends Dialog {
        History(PublishedFaqService published, CandidateRow faq) {
            setHeaderTitle(getTranslation("faq.published.history"));
            setWidth("min(60rem, 95vw)");
            setId("faq-history");
            List<FaqVersion> versions = published.versions(faq.id());
            for (int i = versions.size() - 1; i >= 0; i--) {
                FaqVersion v = versions.get(i);
                Div box = new Div();
                box.addClassName("faq-version");
                box.addClassNames(LumoUtility.Margin.Bottom.MEDIUM);
                box.add(new H4(getTranslation("faq.published.version", v.version(), Formats.dateTime(v.editedAt(), getLocale()),
                        v.editorName() == null ? "—" : v.editorName())));
                box.add(new Paragraph(v.reason() == null ? getTranslation("faq.published.first") : v.reason()));
                if (i > 0) {
                    DiffView diff = new DiffView();
                    diff.show(versions.get(i - 1).answer(), v.answer());
                    box.add(diff);
                } else {
                    Paragraph answer = new Paragraph(v.answer());
                    answer.addClassName(LumoUtility.Whitespace.PRE_WRAP);
                    box.add(answer);
                }
                add(box);
            }
            getFooter().add(new Button(getTranslation("common.close"), click -> close()));
        }
    }
}
