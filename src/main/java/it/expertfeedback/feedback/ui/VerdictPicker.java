package it.expertfeedback.feedback.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeLabel;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.theme.lumo.LumoUtility;
import it.expertfeedback.feedback.FeedbackType;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The three verdicts as a group of toggle buttons (one pressed at a time, announced through aria-pressed), with
 * its label and the error shown when none was chosen.
 */
class VerdictPicker extends Composite<Div> {

    final Map<FeedbackType, Button> buttons = new EnumMap<>(FeedbackType.class);
    private final Span error = new Span();
    private FeedbackType value;

    VerdictPicker(Consumer<FeedbackType> onChoice) {
        NativeLabel label = new NativeLabel(getTranslation("feedback.verdict") + " *");
        HorizontalLayout group = new HorizontalLayout();
        group.getElement().setAttribute("role", "group");
        for (FeedbackType type : FeedbackType.values()) {
            Button button = new Button(getTranslation(type.labelKey()), click -> {
                choose(type);
                onChoice.accept(type);
            });
            button.setId("verdict-" + type.code());
            button.getElement().setAttribute("aria-pressed", "false");
            buttons.put(type, button);
            group.add(button);
        }
        error.addClassNames(LumoUtility.TextColor.ERROR, LumoUtility.FontSize.SMALL);
        error.setId("feedback-verdict-error");
        getContent().add(label, group, error);
    }

    FeedbackType value() {
        return value;
    }

    void choose(FeedbackType type) {
        value = type;
        buttons.forEach((t, button) -> {
            boolean chosen = t == type;
            button.getElement().setAttribute("aria-pressed", String.valueOf(chosen));
            if (chosen) {
                button.addThemeVariants(t == FeedbackType.correct ? ButtonVariant.LUMO_SUCCESS : ButtonVariant.LUMO_ERROR,
                        ButtonVariant.LUMO_PRIMARY);
            } else {
                button.removeThemeVariants(ButtonVariant.LUMO_SUCCESS, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
            }
        });
        error.setText("");
    }

    void showMissing(boolean missing) {
        error.setText(missing ? getTranslation("feedback.verdict.required") : "");
    }
}
