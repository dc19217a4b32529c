package it.expertfeedback.base.ui;

import com.vaadin.flow.component.Component;
import it.expertfeedback.base.validation.ConflictException;
import it.expertfeedback.base.validation.FieldProblem;
import it.expertfeedback.base.validation.InvalidInputException;
import it.expertfeedback.base.validation.NotAllowedException;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one place a view turns the services' domain exceptions into what the user sees: invalid input onto the
 * form's fields (what no field shows, in a notification), a conflict or a refused action (four eyes) in an error
 * notification, all in the user's language. The same exceptions answer 422 / 409 / 403 over REST.
 */
public final class UiErrors {

    /** How the action ended, so a dialog knows whether to stay open (INVALID) or close (DONE, REFUSED). */
    public enum Outcome { DONE, INVALID, REFUSED }

    private UiErrors() {
    }

    /** Runs the action; field problems go to {@code errors} (cleared first). */
    public static Outcome run(Component owner, FieldErrors errors, Runnable action) {
        errors.clear();
        return run(owner, errors::show, action);
    }

    /** Runs the action; every problem is a notification (forms without fields of their own, e.g. a date range). */
    public static Outcome run(Component owner, Runnable action) {
        return run(owner, problems -> problems.values().stream()
                .map(problem -> owner.getTranslation(problem.messageKey(), problem.argsArray()))
                .collect(Collectors.joining(" ")), action);
    }

    /**
     * Runs the action; {@code placeProblems} shows field problems where the form has fields and returns the text
     * of those it could not place.
     */
    public static Outcome run(Component owner, Function<Map<String, FieldProblem>, String> placeProblems, Runnable action) {
        try {
            action.run();
            return Outcome.DONE;
        } catch (InvalidInputException invalid) {
            String unplaced = placeProblems.apply(invalid.problems());
            if (!unplaced.isEmpty()) {
                Notifications.error(unplaced);
            }
            return Outcome.INVALID;
        } catch (ConflictException conflict) {
            Notifications.error(owner.getTranslation(conflict.messageKey(), conflict.args()));
            return Outcome.REFUSED;
        } catch (NotAllowedException notAllowed) {
            Notifications.error(owner.getTranslation(notAllowed.messageKey()));
            return Outcome.REFUSED;
        }
    }
}
