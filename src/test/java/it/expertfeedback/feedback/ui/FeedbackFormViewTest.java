package it.expertfeedback.feedback.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.QueryParameters;
import it.expertfeedback.feedback.FeedbackCategory;
import it.expertfeedback.feedback.FeedbackType;
import it.expertfeedback.support.BrowserlessUi;
import it.expertfeedback.support.IntegrationTest;
import it.expertfeedback.support.TestUsers;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** The same §4 rules as the REST API, through the expert's form: the message lands on the field. */
@IntegrationTest
class FeedbackFormViewTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    TestUsers testUsers;

    @Autowired
    JdbcTemplate jdbc;

    /** A form that passes every rule. */
    static void fillValid(FeedbackFormView view) {
        FeedbackForm form = view.form;
        form.queryText.setValue("Come si calcola l'acconto IVA di dicembre con il metodo storico?");
        form.originalAnswer.setValue("Si versa il 100% dell'IVA dovuta a dicembre dell'anno precedente.");
        form.chooseVerdict(FeedbackType.incorrect);
        form.category.setValue(FeedbackCategory.calcolo_sbagliato);
        form.expertAnswer.setValue("Si versa l'88% dell'IVA dovuta a dicembre dell'anno precedente.");
        form.references.setValue("Art. 6, L. 405/1990");
        form.additionalDetails.setValue("La percentuale corretta è 88%.");
        form.confidence.setValue(0.9);
        form.timeSpent.setValue(200);
    }

    private static Arguments rule(String name, Consumer<FeedbackFormView> breakIt, Function<FeedbackFormView, HasValidation> field) {
        return Arguments.of(name, breakIt, field);
    }

    static Stream<Arguments> invalidForms() {
        return Stream.of(
                rule("question blank", f -> f.form.queryText.setValue("   "), f -> f.form.queryText),
                rule("question too long", f -> f.form.queryText.setValue("q".repeat(2001)), f -> f.form.queryText),
                rule("question placeholder", f -> f.form.queryText.setValue("  [domanda precedente dell'utente] "), f -> f.form.queryText),
                rule("question TODO", f -> f.form.queryText.setValue("TODO: Extract from chat history"), f -> f.form.queryText),
                rule("answer blank", f -> f.form.originalAnswer.setValue(""), f -> f.form.originalAnswer),
                rule("answer too long", f -> f.form.originalAnswer.setValue("a".repeat(20_001)), f -> f.form.originalAnswer),
                rule("correction too long", f -> f.form.expertAnswer.setValue("e".repeat(20_001)), f -> f.form.expertAnswer),
                rule("21 references", f -> f.form.references.setValue("Art.\n".repeat(21)), f -> f.form.references),
                rule("reference too long", f -> f.form.references.setValue("r".repeat(501)), f -> f.form.references),
                rule("21 suggestions", f -> f.form.suggestions.setValue("s\n".repeat(21)), f -> f.form.suggestions),
                rule("confidence missing", f -> f.form.confidence.clear(), f -> f.form.confidence),
                rule("confidence above 1", f -> f.form.confidence.setValue(1.5), f -> f.form.confidence),
                rule("time spent zero", f -> f.form.timeSpent.setValue(0), f -> f.form.timeSpent),
                rule("details missing for Errata", f -> f.form.additionalDetails.setValue(" "), f -> f.form.additionalDetails),
                rule("details too long", f -> f.form.additionalDetails.setValue("d".repeat(2001)), f -> f.form.additionalDetails),
                // Issue 13: §4's tightened rules.
                rule("error category on Corretta", f -> f.form.chooseVerdict(FeedbackType.correct), f -> f.form.category),
                rule("time spent above a day", f -> f.form.timeSpent.setValue(86_401), f -> f.form.timeSpent),
                rule("NUL in the question", f -> f.form.queryText.setValue("Aliquota IVA\u0000?"), f -> f.form.queryText),
                rule("lone surrogate in the answer", f -> f.form.originalAnswer.setValue("Risposta \uD800 troncata"), f -> f.form.originalAnswer),
                rule("question of no-break and zero-width spaces", f -> f.form.queryText.setValue("\u00A0\u200B\u00A0\uFEFF"), f -> f.form.queryText),
                rule("correction of zero-width spaces", f -> f.form.expertAnswer.setValue("\u200B\u200C\u200D"), f -> f.form.expertAnswer));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidForms")
    void each_rule_shows_an_italian_message_on_its_field_and_writes_nothing(String name, Consumer<FeedbackFormView> breakIt,
                                                                           Function<FeedbackFormView, HasValidation> field) {
        TestUsers.Created expert = testUsers.createVerifiedExpert();
        try (BrowserlessUi ui = BrowserlessUi.signedInAs(context, expert)) {
            FeedbackFormView form = ui.navigate("feedback/new", FeedbackFormView.class);
            fillValid(form);
            breakIt.accept(form);
            ButtonKt._click(form.submit);

            assertThat(field.apply(form).isInvalid()).as(name).isTrue();
            assertThat(field.apply(form).getErrorMessage()).as(name).isNotBlank().doesNotContain("!");
            assertThat(form.form.queryText.getValue()).as("nothing typed is lost").isNotNull();
        }
        assertThat(feedbackOf(expert)).isZero();
    }

    @Test
    void confidence_is_not_pre_filled_the_expert_chooses_it() {
        TestUsers.Created expert = testUsers.createVerifiedExpert();
        try (BrowserlessUi ui = BrowserlessUi.signedInAs(context, expert)) {
            FeedbackFormView form = ui.navigate("feedback/new", FeedbackFormView.class);
            assertThat(form.form.confidence.getValue()).isNull();
        }
    }

    @Test
    void a_missing_verdict_is_named_next_to_the_verdict_buttons() {
        TestUsers.Created expert = testUsers.createVerifiedExpert();
        try (BrowserlessUi ui = BrowserlessUi.signedInAs(context, expert)) {
            FeedbackFormView form = ui.navigate("feedback/new", FeedbackFormView.class);
            form.form.queryText.setValue("Domanda");
            form.form.originalAnswer.setValue("Risposta");
            ButtonKt._click(form.submit);
            assertThat(_get(com.vaadin.flow.component.html.Span.class, spec -> spec.withId("feedback-verdict-error")).getText())
                    .isEqualTo("Scegli Corretta, Incompleta o Errata");
        }
        assertThat(feedbackOf(expert)).isZero();
    }

    @Test
    void a_valid_form_opened_from_a_link_keeps_its_query_id_and_confirms_with_the_new_trust() {
        TestUsers.Created expert = testUsers.createVerifiedExpert();
        String queryId = UUID.randomUUID().toString();
        try (BrowserlessUi ui = BrowserlessUi.signedInAs(context, expert)) {
            UI.getCurrent().navigate("feedback/new", QueryParameters.of("query_id", queryId));
            FeedbackFormView form = _get(FeedbackFormView.class);
            assertThat(form.form.queryId.getValue()).isEqualTo(queryId);
            fillValid(form);
            ButtonKt._click(form.submit);

            String trust = jdbc.queryForObject("select to_char(trust_score, 'FM0D0000') from expert_profiles where user_id = ?",
                    String.class, expert.id()).replace('.', ',');
            assertThat(_get(Paragraph.class, spec -> spec.withId("feedback-confirmation-trust")).getText()).contains(trust);
            assertThat(_get(Paragraph.class, spec -> spec.withId("feedback-confirmation-candidate")).getText())
                    .contains("nuovo candidato FAQ");
        }
        assertThat(jdbc.queryForObject("select count(*) from expert_feedback where query_id = ?::uuid", Integer.class, queryId)).isOne();
    }

    @Test
    void the_confirmation_says_when_the_rule_approved_the_candidate_at_once() {
        TestUsers.Created expert = testUsers.createVerifiedExpert();
        jdbc.update("update faq_auto_approval_settings set min_trust = 0, min_confidence = 0, min_resolved = 0");
        try (BrowserlessUi ui = BrowserlessUi.signedInAs(context, expert)) {
            FeedbackFormView form = ui.navigate("feedback/new", FeedbackFormView.class);
            fillValid(form);
            ButtonKt._click(form.submit);
            assertThat(_get(Paragraph.class, spec -> spec.withId("feedback-confirmation-candidate")).getText())
                    .contains("approvato subito dalla regola di auto-approvazione").doesNotContain("in attesa");
        } finally {
            jdbc.update("update faq_auto_approval_settings set min_trust = 0.85, min_confidence = 0.80, min_resolved = 5, enabled = true");
        }
    }

    @Test
    void an_unverified_expert_gets_an_explanation_instead_of_the_form() {
        TestUsers.Created expert = testUsers.create("EXPERT");
        jdbc.update("insert into expert_profiles (user_id, is_verified) values (?, false)", expert.id());
        try (BrowserlessUi ui = BrowserlessUi.signedInAs(context, expert)) {
            ui.navigate("feedback/new", FeedbackFormView.class);
            assertThat(_find(Paragraph.class, spec -> spec.withId("feedback-not-allowed"))).hasSize(1);
        }
    }

    private int feedbackOf(TestUsers.Created expert) {
        return jdbc.queryForObject("""
                select count(*) from expert_feedback f join expert_profiles e on e.id = f.expert_id where e.user_id = ?""",
                Integer.class, expert.id());
    }
}
