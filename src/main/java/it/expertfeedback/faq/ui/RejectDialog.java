package it.expertfeedback.faq.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import it.expertfeedback.base.ui.FieldErrors;
import it.expertfeedback.faq.CandidateReviewService;
import it.expertfeedback.faq.CandidateRow;
import it.expertfeedback.faq.RejectionKind;

/** Rejects a candidate; the reason is mandatory and the expert will read it. */
class RejectDialog extends DecisionDialog {

    final RadioButtonGroup<RejectionKind> kind = new RadioButtonGroup<>();
    final TextArea reason = new TextArea();
    final Button confirm = new Button();

    RejectDialog(CandidateReviewService faq, CandidateRow candidate, Runnable afterDecision) {
        setHeaderTitle(getTranslation("faq.reject"));
        setWidth("min(40rem, 95vw)");
        // §5: only "content wrong" overturns the expert's verdict; the default is the one a reviewer means most often.
        kind.setLabel(getTranslation("faq.reject.kind"));
        kind.setItems(RejectionKind.values());
        kind.setItemLabelGenerator(k -> getTranslation(k.labelKey()));
        kind.setValue(RejectionKind.content_wrong);
        kind.setId("faq-reject-kind");
        add(kind);
        reason.setLabel(getTranslation("faq.reject.reason"));
        reason.setHelperText(getTranslation("faq.reject.reason.help"));
        reason.setRequiredIndicatorVisible(true);
        reason.setMaxLength(2_000);
        reason.setWidthFull();
        reason.setId("faq-reject-reason");
        // Ctrl+Enter rejects with the reason on screen: every keystroke reaches the server before the shortcut's click.
        reason.setValueChangeMode(ValueChangeMode.EAGER);
        add(reason);
        confirm.setText(getTranslation("faq.reject"));
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        confirm.addClickShortcut(Key.ENTER, KeyModifier.CONTROL).listenOn(this).resetFocusOnActiveElement();
        confirm.setId("faq-reject-confirm");
        FieldErrors errors = new FieldErrors(this).bind("reason", reason);
        confirm.addClickListener(click -> decide(() -> faq.reject(candidate.id(), reason.getValue(), kind.getValue(),
                        candidate.version()),
                "faq.rejected", errors, afterDecision));
        getFooter().add(new Button(getTranslation("common.cancel"), click -> close()), confirm);
        addOpenedChangeListener(e -> {
            if (e.isOpened()) {
                reason.focus();
            }
        });
    }
}
