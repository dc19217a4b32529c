package it.expertfeedback.faq.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.html.Paragraph;
import it.expertfeedback.feedback.FeedbackService;
import it.expertfeedback.feedback.FeedbackSubmission;
import it.expertfeedback.security.Role;
import it.expertfeedback.support.BrowserlessUi;
import it.expertfeedback.support.IntegrationTest;
import it.expertfeedback.support.SignedIn;
import it.expertfeedback.support.TestUsers;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

@IntegrationTest
class FaqViewsTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    TestUsers testUsers;

    @Autowired
    FeedbackService feedback;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void the_queue_refuses_a_decision_on_ones_own_candidate() {
        TestUsers.Created both = testUsers.createVerifiedExpert();
        jdbc.update("insert into user_role (user_id, role) values (?, 'REVIEWER')", both.id());
        String marker = "Propria " + UUID.randomUUID().toString().substring(0, 8);
        try (SignedIn expert = SignedIn.as(both, Role.EXPERT)) {
            feedback.submit(new FeedbackSubmission(UUID.randomUUID(), "correct", null, marker + "?", "Risposta", null,
                    List.of(), List.of(), 0.5, 60, null, null, null));
        }
        try (BrowserlessUi ui = BrowserlessUi.signedInAs(context, both)) {
            ApprovalQueueView queue = ui.navigate("faq/queue", ApprovalQueueView.class);
            queue.text.setValue(marker);
            assertThat(_find(Paragraph.class, spec -> spec.withId("candidate-own"))).hasSize(1);
            assertThat(queue.approve.isEnabled()).isFalse();
            assertThat(queue.reject.isEnabled()).isFalse();
            assertThat(queue.editAndApprove.isEnabled()).isFalse();
        }
        assertThat(jdbc.queryForObject("select approval_status from expert_faq_candidates where question = ?", String.class,
                marker + "?")).isEqualTo("pending");
    }

    @Test
    void a_merged_candidate_shows_every_feedback_behind_it_and_the_picked_answer_is_published_with_references_once() {
        String marker = "Fusa " + UUID.randomUUID().toString().substring(0, 8);
        String question = marker + " aliquota IVA per la manutenzione straordinaria?";
        String[][] verdicts = {{"correct", null, null}, {"correct", null, null}, {"correct", null, null},
                {"incomplete", "caso_mancante", "Aliquota al 10%, ma solo sui beni non significativi."},
                {"incomplete", "caso_mancante", "Aliquota al 10% con il limite dei beni significativi."},
                {"incorrect", "normativa_obsoleta", "Aliquota al 10% (Tab. A, parte III, n. 127-quaterdecies)."}};
        for (String[] v : verdicts) {
            try (SignedIn expert = SignedIn.as(testUsers.createVerifiedExpert(), Role.EXPERT)) {
                feedback.submit(new FeedbackSubmission(UUID.randomUUID(), v[0], v[1], question, "Aliquota al 22%.", v[2],
                        List.of(), List.of("DPR 633/72 Tab. A", "dpr 633/72  tab. a."), 0.5, 60, null,
                        v[1] == null ? null : "Manca il caso dei beni significativi.", "IVA"));
            }
        }
        assertThat(jdbc.queryForObject("select frequency from expert_faq_candidates where question = ?", Integer.class,
                question)).isEqualTo(6);

        try (BrowserlessUi ui = BrowserlessUi.signedInAs(context, testUsers.create("REVIEWER"))) {
            ApprovalQueueView queue = ui.navigate("faq/queue", ApprovalQueueView.class);
            queue.text.setValue(marker);
            MergedFeedbackTable merged = _get(MergedFeedbackTable.class);
            assertThat(GridKt._size(merged.grid)).isEqualTo(6);
            assertThat(java.util.stream.IntStream.range(0, 6).mapToObj(i -> GridKt._get(merged.grid, i).feedbackType()))
                    .containsExactly("correct", "correct", "correct", "incomplete", "incomplete", "incorrect");
            assertThat(GridKt._get(merged.grid, 5).proposedAnswer()).contains("127-quaterdecies");
            assertThat(GridKt._get(merged.grid, 0).expertTrustScore()).isNotNull();
            assertThat(merged.agreement.getText()).isEqualTo(
                    "Pareri diversi: 3 su 6 hanno dato «Corretta» (50%); risposte diverse proposte: 4");

            ButtonKt._click((com.vaadin.flow.component.button.Button) GridKt._getCellComponent(merged.grid, 5, "pick"));
            EditAndApproveDialog dialog = _get(EditAndApproveDialog.class);
            assertThat(dialog.answer.getValue()).isEqualTo("Aliquota al 10% (Tab. A, parte III, n. 127-quaterdecies).");
            assertThat(dialog.references.getValue()).isEqualTo("DPR 633/72 Tab. A");
            ButtonKt._click(dialog.save);
        }
        assertThat(jdbc.queryForObject("select answer from expert_faq_candidates where question = ? and approval_status = 'approved'",
                String.class, question)).isEqualTo("Aliquota al 10% (Tab. A, parte III, n. 127-quaterdecies).");
        assertThat(jdbc.queryForObject("select array_to_string(regulatory_references, '|') from expert_faq_candidates where question = ?",
                String.class, question)).isEqualTo("DPR 633/72 Tab. A");
    }

    @Test
    void the_queue_reads_its_filters_and_the_open_candidate_from_the_url() {
        String marker = "Url" + UUID.randomUUID().toString().substring(0, 8);
        for (String q : List.of(marker + " prima?", marker + " seconda?")) {
            try (SignedIn expert = SignedIn.as(testUsers.createVerifiedExpert(), Role.EXPERT)) {
                feedback.submit(new FeedbackSubmission(UUID.randomUUID(), "correct", null, q, "Risposta", null,
                        List.of(), List.of(), 0.5, 60, null, null, null));
            }
        }
        String second = jdbc.queryForObject("select id::text from expert_faq_candidates where question = ?", String.class,
                marker + " seconda?");
        try (BrowserlessUi ui = BrowserlessUi.signedInAs(context, testUsers.create("REVIEWER"))) {
            com.vaadin.flow.component.UI.getCurrent().navigate("faq/queue", com.vaadin.flow.router.QueryParameters.simple(
                    java.util.Map.of("q", marker, "candidate", second)));
            ApprovalQueueView queue = _get(ApprovalQueueView.class);
            assertThat(queue.text.getValue()).isEqualTo(marker);
            assertThat(GridKt._size(queue.grid)).isEqualTo(2);
            assertThat(queue.total.getText()).isEqualTo("2 candidati in attesa con questi filtri");
            assertThat(_get(com.vaadin.flow.component.html.H3.class, spec -> spec.withId("candidate-question")).getText())
                    .isEqualTo(marker + " seconda?");
            ButtonKt._click(queue.bulk.selectAll);
            assertThat(queue.grid.getSelectedItems()).hasSize(2);
            assertThat(queue.bulkApprove.getText()).contains("(2)");
        }
    }

    @Autowired
    it.expertfeedback.faq.PublishedFaqService published;

    @Autowired
    it.expertfeedback.faq.GoldenSetService goldenSet;

    @Test
    void a_reviewer_edits_a_published_faq_as_version_2_reads_the_history_with_the_diff_and_retires_it() {
        String question = "Ciclo di vita " + UUID.randomUUID().toString().substring(0, 8) + "?";
        try (SignedIn expert = SignedIn.as(testUsers.createVerifiedExpert(), Role.EXPERT)) {
            feedback.submit(new FeedbackSubmission(UUID.randomUUID(), "correct", null, question, "Risposta prima.", null,
                    List.of(), List.of(), 0.5, 60, null, null, null));
        }
        try (BrowserlessUi ui = BrowserlessUi.signedInAs(context, testUsers.create("REVIEWER"))) {
            ApprovalQueueView queue = ui.navigate("faq/queue", ApprovalQueueView.class);
            queue.text.setValue(question);
            ButtonKt._click(queue.approve);
            com.vaadin.flow.component.UI.getCurrent().navigate("faq/published",
                    com.vaadin.flow.router.QueryParameters.simple(java.util.Map.of("q", question)));
            GoldenSetView view = _get(GoldenSetView.class);
            assertThat(view.search.getValue()).as("the search comes from the URL").isEqualTo(question);
            assertThat(view.total.getText()).isEqualTo("1 FAQ pubblicate con questi filtri");
            it.expertfeedback.faq.CandidateRow row = GridKt._get(view.grid, 0);
            assertThat(row.publishedVersion()).isEqualTo(1);

            PublishedFaqDialogs.Edit edit = new PublishedFaqDialogs.Edit(published, row, () -> { });
            edit.open();
            edit.answer.setValue("Risposta seconda, più precisa.");
            ButtonKt._click(edit.save);
            assertThat(edit.reason.isInvalid()).as("the reason is required").isTrue();
            edit.reason.setValue("Precisata la risposta");
            ButtonKt._click(edit.save);
            assertThat(jdbc.queryForObject("select published_version from expert_faq_candidates where question = ?",
                    Integer.class, question)).isEqualTo(2);

            new PublishedFaqDialogs.History(published, GridKt._get(view.grid, 0)).open();
            assertThat(_find(com.vaadin.flow.component.html.Div.class, spec -> spec.withClasses("faq-version"))).hasSize(2);
            assertThat(_find(it.expertfeedback.base.ui.DiffView.class)).hasSize(1);

            PublishedFaqDialogs.Retire retire = new PublishedFaqDialogs.Retire(published, GridKt._get(view.grid, 0), () -> { });
            retire.open();
            retire.reason.setValue("Norma abrogata");
            ButtonKt._click(retire.confirm);
        }
        assertThat(jdbc.queryForObject("select retirement_reason from expert_faq_candidates where question = ?",
                String.class, question)).isEqualTo("Norma abrogata");
    }

    @Test
    void approving_a_merged_candidate_keeps_each_reference_once() {
        String question = "Riferimenti doppi " + UUID.randomUUID().toString().substring(0, 8) + "?";
        try (SignedIn expert = SignedIn.as(testUsers.createVerifiedExpert(), Role.EXPERT)) {
            feedback.submit(new FeedbackSubmission(UUID.randomUUID(), "correct", null, question, "Risposta.", null,
                    List.of(), List.of("Art. 19 DPR 633/72", "art. 19  dpr 633/72.", "Circ. 12/E"), 0.5, 60, null, null, null));
        }
        try (BrowserlessUi ui = BrowserlessUi.signedInAs(context, testUsers.create("REVIEWER"))) {
            ApprovalQueueView queue = ui.navigate("faq/queue", ApprovalQueueView.class);
            queue.text.setValue(question);
            ButtonKt._click(queue.approve);
        }
        assertThat(jdbc.queryForObject("select array_to_string(regulatory_references, '|') from expert_faq_candidates where question = ?",
                String.class, question)).isEqualTo("Art. 19 DPR 633/72|Circ. 12/E");
    }

    @Test
    void an_admin_changes_the_thresholds_and_the_change_is_audited_invalid_values_are_refused_on_the_field() {
        try (BrowserlessUi ui = BrowserlessUi.signedInAs(context, testUsers.create("ADMIN"))) {
            AutoApprovalSettingsView settings = ui.navigate("admin/auto-approval", AutoApprovalSettingsView.class);
            settings.minTrust.setValue(1.5);
            ButtonKt._click(settings.save);
            assertThat(settings.minTrust.isInvalid()).isTrue();
            assertThat(settings.minTrust.getErrorMessage()).isEqualTo("Il valore deve essere compreso tra 0 e 1");

            settings.minTrust.setValue(0.9);
            settings.minResolved.setValue(7);
            ButtonKt._click(settings.save);
            assertThat(jdbc.queryForObject("select min_trust from faq_auto_approval_settings", Double.class)).isEqualTo(0.9);
            assertThat(jdbc.queryForObject("select min_resolved from faq_auto_approval_settings", Integer.class)).isEqualTo(7);
            assertThat(jdbc.queryForObject("""
                    select after_state::text from audit_log where entity_type = 'settings' order by id desc limit 1""", String.class))
                    .contains("\"min_trust\": 0.9");
        } finally {
            jdbc.update("update faq_auto_approval_settings set min_trust = 0.85, min_confidence = 0.80, min_resolved = 5, enabled = true");
        }
    }
}
