package it.expertfeedback.inbox.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.function.BiConsumer;

/** "Salta": why the expert passes on a request (a reason code, an optional note). */
class SkipDialog extends Dialog {

    static final List<String> REASONS = List.of("outside_competence", "unclear", "conflict_of_interest");

    final Select<String> reason = new Select<>();
    final TextField note = new TextField();
    final Button confirm = new Button();

    SkipDialog(BiConsumer<String, String> onSkip) {
        setHeaderTitle(getTranslation("inbox.skip"));
        reason.setLabel(getTranslation("inbox.skip.reason"));
        reason.setItems(REASONS);
        reason.setItemLabelGenerator(code -> getTranslation("inbox.skip." + code));
        reason.setValue(REASONS.getFirst());
        reason.setId("skip-reason");
        note.setLabel(getTranslation("inbox.skip.note"));
        note.setMaxLength(500);
        note.setId("skip-note");
        confirm.setText(getTranslation("inbox.skip"));
        confirm.setId("skip-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.addClickListener(click -> {
            close();
            onSkip.accept(reason.getValue(), note.getValue());
        });
        add(new VerticalLayout(reason, note));
        getFooter().add(new Button(getTranslation("common.cancel"), click -> close()), confirm);
    }
}
