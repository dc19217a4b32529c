package it.expertfeedback.faq.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import it.expertfeedback.base.ui.FieldErrors;
import it.expertfeedback.faq.CandidateReviewService;
import it.expertfeedback.faq.CandidateRow;
import it.expertfeedback.faq.FaqEdit;
import it.expertfeedback.faq.FeedbackBehindCandidates.SourceFeedback;
import it.expertfeedback.faq.References;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Corrects a candidate's question, answer, category, tags and references, then approves it. */
class EditAndApproveDialog extends DecisionDialog {

    final TextArea question = new TextArea();
    final TextArea answer = new TextArea();
    final ComboBox<String> category = new ComboBox<>();
    final MultiSelectComboBox<String> tags = new MultiSelectComboBox<>();
    final TextArea references = new TextArea();
    final Button save = new Button();

    EditAndApproveDialog(CandidateReviewService faq, CandidateRow candidate, List<String> categories, Runnable afterDecision) {
        setHeaderTitle(getTranslation("faq.edit-approve"));
        setWidth("min(50rem, 95vw)");
        question.setLabel(getTranslation("faq.question"));
        question.setValue(candidate.question());
        question.setWidthFull();
        question.setId("faq-edit-question");
        answer.setLabel(getTranslation("faq.answer"));
        answer.setValue(candidate.answer());
        answer.setWidthFull();
        answer.setMinHeight("10rem");
        answer.setId("faq-edit-answer");
        category.setLabel(getTranslation("feedback.faq-category"));
        Set<String> knownCategories = new LinkedHashSet<>(categories);
        if (candidate.suggestedCategory() != null) {
            knownCategories.add(candidate.suggestedCategory());
        }
        category.setItems(knownCategories);
        category.setAllowCustomValue(true);
        category.addCustomValueSetListener(e -> category.setValue(e.getDetail()));
        category.setValue(candidate.suggestedCategory());
        category.setId("faq-edit-category");
        Set<String> knownTags = new LinkedHashSet<>(candidate.suggestedTags());
        tags.setLabel(getTranslation("faq.tags"));
        tags.setItems(knownTags);
        tags.setAllowCustomValue(true);
        tags.addCustomValueSetListener(e -> {
            Set<String> selected = new LinkedHashSet<>(tags.getSelectedItems());
            knownTags.add(e.getDetail().strip());
            tags.setItems(knownTags);
            selected.add(e.getDetail().strip());
            tags.select(selected);
        });
        tags.select(candidate.suggestedTags());
        tags.setId("faq-edit-tags");
        references.setLabel(getTranslation("feedback.references"));
        references.setHelperText(getTranslation("feedback.one-per-line"));
        references.setValue(String.join("\n", candidate.regulatoryReferences()));
        references.setWidthFull();
        references.setId("faq-edit-references");
        FieldErrors errors = new FieldErrors(this).bind("question", question).bind("answer", answer)
                .bind("suggested_category", category).bind("suggested_tags", tags).bind("regulatory_references", references);
        add(question, answer, category, tags, references);
        // Ctrl+Enter approves what is on screen: every keystroke reaches the server before the shortcut's click.
        List.of(question, answer, references).forEach(area -> area.setValueChangeMode(ValueChangeMode.EAGER));

        save.setText(getTranslation("faq.edit-approve.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        save.addClickShortcut(Key.ENTER, KeyModifier.CONTROL).listenOn(this).resetFocusOnActiveElement();
        save.setId("faq-edit-save");
        save.addClickListener(click -> decide(() -> faq.editAndApprove(candidate.id(), new FaqEdit(question.getValue(),
                        answer.getValue(), category.getValue(), List.copyOf(tags.getSelectedItems()),
                        references.getValue().lines().toList()), candidate.version()),
                "faq.approved", errors, afterDecision));
        getFooter().add(new Button(getTranslation("common.cancel"), click -> close()), save);
    }

    /**
     * Edit-and-approve starting from one of the feedback behind a merged candidate: its answer, and the candidate's
     * references together with that feedback's, each once.
     */
    static EditAndApproveDialog publishing(CandidateReviewService faq, CandidateRow candidate, List<String> categories,
                                           SourceFeedback source, Runnable afterDecision) {
        EditAndApproveDialog dialog = new EditAndApproveDialog(faq, candidate, categories, afterDecision);
        dialog.answer.setValue(source.proposedAnswer());
        List<String> references = new ArrayList<>(candidate.regulatoryReferences());
        references.addAll(source.regulatoryReferences());
        dialog.references.setValue(String.join("\n", References.distinct(references)));
        return dialog;
    }
}
