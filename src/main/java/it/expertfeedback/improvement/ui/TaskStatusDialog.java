package it.expertfeedback.improvement.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import it.expertfeedback.base.ui.FieldErrors;
import it.expertfeedback.base.ui.Notifications;
import it.expertfeedback.base.ui.UiErrors;
import it.expertfeedback.improvement.ImprovementService;
import it.expertfeedback.improvement.ImprovementTask;
import it.expertfeedback.improvement.TaskStatus;

/** One task: what the expert said, and the step it may take next (with a note; won't fix needs one). */
class TaskStatusDialog extends Dialog {

    final ComboBox<TaskStatus> next = new ComboBox<>();
    final TextArea note = new TextArea();
    final Button save = new Button();

    TaskStatusDialog(ImprovementTask task, ImprovementService improvements, Runnable onSaved) {
        setHeaderTitle(task.taskId() + " — " + getTranslation(task.status().labelKey()));
        setWidth("40rem");
        Paragraph question = new Paragraph(task.question());
        Paragraph answer = new Paragraph(getTranslation("improvement.answer") + ": " + task.answer());
        Paragraph details = new Paragraph(getTranslation("improvement.details") + ": "
                + (task.additionalDetails() == null ? "—" : task.additionalDetails()));
        next.setLabel(getTranslation("improvement.next-status"));
        next.setItems(task.status().next().stream().sorted().toList());
        next.setItemLabelGenerator(s -> getTranslation(s.labelKey()));
        next.setId("improvement-next-status");
        note.setLabel(getTranslation("improvement.note"));
        note.setMaxLength(2_000);
        note.setWidthFull();
        note.setValue(task.resolutionNote() == null ? "" : task.resolutionNote());
        note.setId("improvement-note");
        FieldErrors errors = new FieldErrors(this).bind("note", note).bind("status", next);
        VerticalLayout body = new VerticalLayout(question, answer, details);
        if (!task.status().next().isEmpty()) {
            body.add(next, note);
            save.setText(getTranslation("improvement.save"));
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            save.setId("improvement-save");
            save.addClickListener(click -> {
                if (next.getValue() == null) {
                    next.setInvalid(true);
                    next.setErrorMessage(getTranslation("validation.required"));
                    return;
                }
                UiErrors.Outcome outcome = UiErrors.run(this, errors,
                        () -> improvements.changeStatus(task.taskId(), next.getValue(), note.getValue()));
                if (outcome == UiErrors.Outcome.DONE) {
                    Notifications.success(getTranslation("improvement.saved"));
                }
                if (outcome != UiErrors.Outcome.INVALID) {
                    onSaved.run();
                    close();
                }
            });
            getFooter().add(save);
        }
        getFooter().add(new Button(getTranslation("improvement.close"), click -> close()));
        add(body);
    }
}
