package it.expertfeedback.faq.ui;

import com.vaadin.flow.component.dialog.Dialog;
import it.expertfeedback.base.ui.FieldErrors;
import it.expertfeedback.base.ui.Notifications;
import it.expertfeedback.base.validation.ConflictException;
import it.expertfeedback.base.validation.InvalidInputException;
import it.expertfeedback.base.validation.NotAllowedException;

/**
 * A dialog that takes one decision on a candidate. Invalid input stays in the dialog with the messages on the
 * fields; a decision that is taken, or refused because someone else decided first (or four eyes), closes it and
 * lets the queue show the fresh state.
 */
abstract class DecisionDialog extends Dialog {

    protected void decide(Runnable decision, String successKey, FieldErrors errors, Runnable afterDecision) {
        errors.clear();
        try {
            decision.run();
            Notifications.success(getTranslation(successKey));
        } catch (InvalidInputException invalid) {
            String unplaced = errors.show(invalid.problems());
            if (!unplaced.isEmpty()) {
                Notifications.error(unplaced);
            }
            return;
        } catch (ConflictException conflict) {
            Notifications.error(getTranslation(conflict.messageKey()));
        } catch (NotAllowedException notAllowed) {
            Notifications.error(getTranslation(notAllowed.messageKey()));
        }
        close();
        afterDecision.run();
    }
}
