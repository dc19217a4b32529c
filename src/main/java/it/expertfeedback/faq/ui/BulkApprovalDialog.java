package it.expertfeedback.faq.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.progressbar.ProgressBar;
import it.expertfeedback.base.ui.Notifications;
import it.expertfeedback.base.validation.ConflictException;
import it.expertfeedback.base.validation.NotAllowedException;
import it.expertfeedback.faq.CandidateReviewService;
import it.expertfeedback.faq.CandidateRow;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;

/**
 * Approves a selection one candidate at a time (each in its own transaction, so one conflict does not undo the
 * others) in the background, with a progress bar the browser refreshes by polling; a summary at the end says
 * how many were approved and how many skipped (already decided, or the reviewer's own).
 */
class BulkApprovalDialog extends Dialog {

    private final transient CandidateReviewService faq;
    private final List<CandidateRow> selection;
    private final UI ui;
    private final Runnable afterAll;
    final ProgressBar progress = new ProgressBar();
    final Paragraph status = new Paragraph();

    /** Asks how many will be approved, then approves them with progress; {@code afterAll} runs when done. */
    static void confirmThenApprove(CandidateReviewService faq, List<CandidateRow> selected, Runnable afterAll) {
        UI ui = UI.getCurrent();
        ConfirmDialog confirm = new ConfirmDialog(ui.getTranslation("faq.bulk-approve.title"),
                ui.getTranslation("faq.bulk-approve.question", selected.size()), ui.getTranslation("faq.approve"),
                yes -> new BulkApprovalDialog(faq, selected, ui, afterAll).start());
        confirm.setCancelable(true);
        confirm.setCancelText(ui.getTranslation("common.cancel"));
        confirm.setId("faq-bulk-confirm");
        confirm.open();
    }

    BulkApprovalDialog(CandidateReviewService faq, List<CandidateRow> selection, UI ui, Runnable afterAll) {
        this.faq = faq;
        this.selection = selection;
        this.ui = ui;
        this.afterAll = afterAll;
        setHeaderTitle(getTranslation("faq.bulk-approve.title"));
        setCloseOnEsc(false);
        setCloseOnOutsideClick(false);
        progress.setMin(0);
        progress.setMax(Math.max(1, selection.size()));
        progress.setId("faq-bulk-progress");
        status.setId("faq-bulk-status");
        add(progress, status);
        setId("faq-bulk-dialog");
    }

    void start() {
        open();
        ui.setPollInterval(300);
        AtomicInteger approved = new AtomicInteger();
        AtomicInteger skipped = new AtomicInteger();
        Runnable work = () -> {
            int done = 0;
            for (CandidateRow row : selection) {
                try {
                    faq.approve(row.id(), row.version());
                    approved.incrementAndGet();
                } catch (ConflictException | NotAllowedException notThisOne) {
                    skipped.incrementAndGet();
                }
                int finished = ++done;
                ui.access(() -> {
                    progress.setValue(finished);
                    status.setText(getTranslation("faq.bulk-approve.progress", finished, selection.size()));
                });
            }
            ui.access(() -> {
                ui.setPollInterval(-1);
                close();
                Notifications.success(getTranslation("faq.bulk-approve.done", approved.get(), skipped.get()));
                afterAll.run();
            });
        };
        // The reviewer's identity travels with the work, so method security and the audit log see them.
        CompletableFuture.runAsync(new DelegatingSecurityContextRunnable(work));
    }
}
