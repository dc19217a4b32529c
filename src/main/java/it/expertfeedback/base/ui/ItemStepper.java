package it.expertfeedback.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

/**
 * "Precedente" / "Successiva" in a detail, walking the list the user came from, with the queue's keys Alt+↑ and
 * Alt+↓ (Alt+← / Alt+→ are the browser's Back and Forward, plain letters would fire while typing a comment). The
 * owner says where the ends are ({@link #ends}); a disabled button's key does nothing either.
 */
public class ItemStepper extends HorizontalLayout {

    public final Button previous = new Button();
    public final Button next = new Button();

    public ItemStepper(String idPrefix, String previousKey, String nextKey, Runnable onPrevious, Runnable onNext) {
        setSpacing(true);
        setPadding(false);
        setWrap(true);
        button(previous, "↑ " + getTranslation(previousKey) + " (Alt+↑)", idPrefix + "-previous", onPrevious);
        button(next, "↓ " + getTranslation(nextKey) + " (Alt+↓)", idPrefix + "-next", onNext);
        add(previous, next);
    }

    private static void button(Button button, String text, String id, Runnable action) {
        button.setText(text);
        button.setId(id);
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        button.setEnabled(false);
        button.addClickListener(click -> action.run());
    }

    /** The keys work anywhere in {@code scope} (the view), also while a field of it has the focus. */
    public ItemStepper listenOn(Component scope) {
        Shortcuts.addShortcutListener(scope, () -> clickIfEnabled(previous), Key.ARROW_UP, KeyModifier.ALT);
        Shortcuts.addShortcutListener(scope, () -> clickIfEnabled(next), Key.ARROW_DOWN, KeyModifier.ALT);
        return this;
    }

    /** Enables each button only when there is an item in its direction: disabled at the ends. */
    public void ends(boolean hasPrevious, boolean hasNext) {
        previous.setEnabled(hasPrevious);
        next.setEnabled(hasNext);
    }

    private static void clickIfEnabled(Button button) {
        if (button.isEnabled() && button.isVisible()) {
            button.click();
        }
    }
}
