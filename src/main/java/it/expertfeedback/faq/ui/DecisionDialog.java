package it.expertfeedback.faq.ui;

import com.vaadin.flow.component.dialog.Dialog;
import it.expertfeedback.base.ui.FieldErrors;
import it.expertfeedback.base.ui.Notifications;
import it.expertfeedback.base.ui.UiErrors;

/**
 * A dialog that takes one decision on a candidate. Invalid input stays in the dialog with the messages on the
 * fields; a decision that is taken, or refused because someone else decided first (or four eyes), closes it and
 * lets the queue show the fresh state.
 */
abstract class DecisionDialog extends Dialog {

    protected void decide(Runnable decision, String successKey, FieldErrors errors, Runnable afterDecision) {
        UiErrors.Outcome outcome = UiErrors.run(this, errors, decision);
        if (outcome == UiErrors.Outcome.INVALID) {
            return;
        }
        if (outcome == UiErrors.Outcome.DONE) {
            Notifications.success(getTranslation(successKey));
        }
        close();
        afterDecision.run();
    }
}
