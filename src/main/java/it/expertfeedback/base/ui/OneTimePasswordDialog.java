package it.expertfeedback.base.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;

/**
 * Shows a generated password exactly once, for the administrator to hand over; it is not stored in clear and
 * cannot be shown again (a new reset makes a new one).
 */
public class OneTimePasswordDialog extends Dialog {

    public OneTimePasswordDialog(String email, String password) {
        setHeaderTitle(getTranslation("user.one-time-password.title"));
        TextField value = new TextField(getTranslation("user.one-time-password.label"));
        value.setValue(password);
        value.setReadOnly(true);
        value.setWidthFull();
        value.setId("one-time-password");
        add(new Paragraph(getTranslation("user.one-time-password.text", email)), value);
        Button close = new Button(getTranslation("common.close"), click -> close());
        close.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        close.setId("one-time-password-close");
        getFooter().add(close);
        setCloseOnOutsideClick(false);
    }
}
