package it.expertfeedback.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import it.expertfeedback.base.validation.FieldProblem;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Shows a service's field problems on the form's fields (by REST field name) in the user's language, and
 * clears them before the next attempt. Problems with no field of their own are returned for a notification.
 */
public final class FieldErrors {

    private final Map<String, HasValidation> fields = new LinkedHashMap<>();
    private final Component owner;

    public FieldErrors(Component owner) {
        this.owner = owner;
    }

    public FieldErrors bind(String fieldName, HasValidation field) {
        fields.put(fieldName, field);
        return this;
    }

    public void clear() {
        fields.values().forEach(field -> {
            field.setInvalid(false);
            field.setErrorMessage(null);
        });
    }

    /** Marks the fields; returns the text of problems that no field shows (empty when all were shown). */
    public String show(Map<String, FieldProblem> problems) {
        clear();
        StringBuilder unplaced = new StringBuilder();
        problems.forEach((name, problem) -> {
            String text = owner.getTranslation(problem.messageKey(), problem.argsArray());
            HasValidation field = fields.get(name);
            if (field == null) {
                unplaced.append(text).append(' ');
            } else {
                field.setErrorMessage(text);
                field.setInvalid(true);
            }
        });
        return unplaced.toString().strip();
    }
}
