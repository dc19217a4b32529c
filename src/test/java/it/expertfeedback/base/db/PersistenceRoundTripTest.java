package it.expertfeedback.base.db;

import static org.assertj.core.api.Assertions.assertThat;

import it.expertfeedback.expert.CredentialType;
import it.expertfeedback.expert.ExpertProfile;
import it.expertfeedback.faq.FaqCandidate;
import it.expertfeedback.feedback.ExpertFeedback;
import it.expertfeedback.feedback.FeedbackCategory;
import it.expertfeedback.feedback.FeedbackType;
import it.expertfeedback.support.IntegrationTest;
import it.expertfeedback.support.TestUsers;
import jakarta.persistence.EntityManagerFactory;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.persister.entity.EntityPersister;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.repository.CrudRepository;
import org.springframework.data.repository.support.Repositories;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The JPA mapping against the migrated PostgreSQL schema: enum codes, arrays and trigger-maintained columns
 * survive a save and a read through the application's own repositories (looked up by domain type, since they
 * are package-private), and the database holds exactly the seed's representation.
 */
@IntegrationTest
class PersistenceRoundTripTest {

    /** Array elements that need quoting or encoding in a PostgreSQL array literal. */
    private static final List<String> AWKWARD = List.of(
            "Art. 1, comma 2, DPR 633/1972", "l'aliquota \"agevolata\"", "àèìòù perché già Società",
            "back\\slash", "{graffe}", "", "NULL", "  spazi  ", "€ 1.234,56", "riga\nnuova");

    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestUsers testUsers;
    @Autowired
    EntityManagerFactory entityManagerFactory;

    private CrudRepository<ExpertProfile, UUID> profiles;
    private CrudRepository<ExpertFeedback, UUID> feedback;
    private CrudRepository<FaqCandidate, UUID> candidates;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void repositories() {
        Repositories repositories = new Repositories(context);
        profiles = (CrudRepository<ExpertProfile, UUID>) repositories.getRepositoryFor(ExpertProfile.class).orElseThrow();
        feedback = (CrudRepository<ExpertFeedback, UUID>) repositories.getRepositoryFor(ExpertFeedback.class).orElseThrow();
        candidates = (CrudRepository<FaqCandidate, UUID>) repositories.getRepositoryFor(FaqCandidate.class).orElseThrow();
    }

    private ExpertProfile newProfile() {
        return profiles.save(new ExpertProfile(testUsers.create("EXPERT").id()));
    }

    private ExpertFeedback newFeedback(UUID expertId, FeedbackType type) {
        return new ExpertFeedback(UUID.randomUUID(), expertId, type, "Quando si applica il reverse charge?",
                "Risposta dell'assistente.", 120, Instant.now().truncatedTo(ChronoUnit.MICROS));
    }

    private List<String> elements(String table, String column, UUID id) {
        return jdbc.queryForList("select x from " + table + ", unnest(" + column + ") with ordinality as u(x, n) "
                + "where id = ? order by n", String.class, id);
    }

    // ---------------------------------------------------------------- enums

    @Test
    void every_feedback_type_is_stored_as_its_lower_case_code_and_read_back() {
        UUID expert = newProfile().getId();
        for (FeedbackType type : FeedbackType.values()) {
            UUID id = feedback.save(newFeedback(expert, type)).getId();
            assertThat(jdbc.queryForObject("select feedback_type::text from expert_feedback where id = ?",
                    String.class, id)).isEqualTo(type.code()).isEqualTo(type.code().toLowerCase());
            assertThat(feedback.findById(id).orElseThrow().getFeedbackType()).isSameAs(type);
        }
        assertThat(Arrays.stream(FeedbackType.values()).map(FeedbackType::code))
                .containsExactly("correct", "incomplete", "incorrect");
    }

    @Test
    void every_feedback_category_is_stored_as_its_lower_case_code_and_read_back() {
        UUID expert = newProfile().getId();
        for (FeedbackCategory category : FeedbackCategory.values()) {
            ExpertFeedback row = newFeedback(expert, FeedbackType.incorrect);
            row.setCategory(category);
            UUID id = feedback.save(row).getId();
            assertThat(jdbc.queryForObject("select category::text from expert_feedback where id = ?",
                    String.class, id)).isEqualTo(category.code()).isEqualTo(category.code().toLowerCase());
            assertThat(feedback.findById(id).orElseThrow().getCategory()).isSameAs(category);
        }
        ExpertFeedback uncategorized = feedback.save(newFeedback(expert, FeedbackType.correct));
        assertThat(jdbc.queryForObject("select category is null from expert_feedback where id = ?", Boolean.class,
                uncategorized.getId())).isTrue();
        assertThat(feedback.findById(uncategorized.getId()).orElseThrow().getCategory()).isNull();
    }

    @Test
    void rows_written_by_sql_with_the_seed_codes_are_read_as_the_right_constants() {
        UUID expert = newProfile().getId();
        for (FeedbackCategory category : FeedbackCategory.values()) {
            for (FeedbackType type : FeedbackType.values()) {
                UUID id = jdbc.queryForObject("""
                        insert into expert_feedback (query_id, expert_id, feedback_type, category, query_text,
                                                     original_answer, time_spent_seconds)
                        values (gen_random_uuid(), ?, ?::feedback_type, ?::italian_feedback_category, 'q', 'a', 5)
                        returning id""", UUID.class, expert, type.code(), category.code());
                ExpertFeedback read = feedback.findById(id).orElseThrow();
                assertThat(read.getFeedbackType()).isSameAs(type);
                assertThat(read.getCategory()).isSameAs(category);
            }
        }
    }

    @Test
    void every_credential_type_round_trips_in_the_enum_array_in_order() {
        ExpertProfile profile = newProfile();
        List<CredentialType> all = List.of(CredentialType.caf_operator, CredentialType.dottore_commercialista,
                CredentialType.consulente_lavoro, CredentialType.revisore_legale, CredentialType.consulente_fiscale);
        assertThat(all).containsExactlyInAnyOrder(CredentialType.values());
        profile.setCredentialTypes(all);
        profiles.save(profile);

        assertThat(profiles.findById(profile.getId()).orElseThrow().getCredentialTypes()).containsExactlyElementsOf(all);
        assertThat(jdbc.queryForObject("select credential_types::text from expert_profiles where id = ?",
                String.class, profile.getId()))
                .isEqualTo("{caf_operator,dottore_commercialista,consulente_lavoro,revisore_legale,consulente_fiscale}");
        assertThat(jdbc.queryForObject("select pg_typeof(credential_types)::text from expert_profiles where id = ?",
                String.class, profile.getId())).isEqualTo("expert_credential_type[]");

        for (CredentialType single : CredentialType.values()) {
            profile = profiles.findById(profile.getId()).orElseThrow();
            profile.setCredentialTypes(List.of(single));
            profiles.save(profile);
            assertThat(jdbc.queryForObject("select credential_types[1]::text from expert_profiles where id = ?",
                    String.class, profile.getId())).isEqualTo(single.code());
            assertThat(profiles.findById(profile.getId()).orElseThrow().getCredentialTypes()).containsExactly(single);
        }
    }

    // ---------------------------------------------------------------- arrays

    @Test
    void profile_text_arrays_round_trip_with_awkward_elements_and_empty() {
        ExpertProfile profile = new ExpertProfile(testUsers.create("EXPERT").id());
        profile.setCredentials(AWKWARD);
        profile.setSpecializations(List.of("IVA", "Lavoro, paghe e contributi", "Dichiarativi \"730\""));
        profile.setCredentialTypes(List.of());
        UUID id = profiles.save(profile).getId();

        ExpertProfile read = profiles.findById(id).orElseThrow();
        assertThat(read.getCredentials()).containsExactlyElementsOf(AWKWARD);
        assertThat(read.getSpecializations()).containsExactly("IVA", "Lavoro, paghe e contributi", "Dichiarativi \"730\"");
        assertThat(read.getCredentialTypes()).isEmpty();
        assertThat(elements("expert_profiles", "credentials", id)).containsExactlyElementsOf(AWKWARD);
        assertThat(elements("expert_profiles", "specializations", id)).hasSize(3);
        assertThat(jdbc.queryForObject("select credential_types = '{}' from expert_profiles where id = ?",
                Boolean.class, id)).isTrue();
        // The GIN index's operator works on what the mapping wrote.
        assertThat(jdbc.queryForObject("select count(*) from expert_profiles where id = ? and specializations @> ?::text[]",
                Long.class, id, "{\"Lavoro, paghe e contributi\"}")).isOne();

        read.setCredentials(List.of());
        read.setSpecializations(List.of());
        profiles.save(read);
        ExpertProfile emptied = profiles.findById(id).orElseThrow();
        assertThat(emptied.getCredentials()).isEmpty();
        assertThat(emptied.getSpecializations()).isEmpty();
        assertThat(jdbc.queryForObject("""
                select credentials = '{}' and specializations = '{}' from expert_profiles where id = ?""",
                Boolean.class, id)).isTrue();
    }

    @Test
    void feedback_and_candidate_text_arrays_round_trip_with_awkward_elements_and_empty() {
        UUID expert = newProfile().getId();
        ExpertFeedback row = newFeedback(expert, FeedbackType.incomplete);
        row.setImprovementSuggestions(AWKWARD);
        row.setRegulatoryReferences(List.of("Art. 17, comma 6, DPR 633/1972", "Circolare AdE n. 14/E"));
        UUID feedbackId = feedback.save(row).getId();
        ExpertFeedback readFeedback = feedback.findById(feedbackId).orElseThrow();
        assertThat(readFeedback.getImprovementSuggestions()).containsExactlyElementsOf(AWKWARD);
        assertThat(readFeedback.getRegulatoryReferences())
                .containsExactly("Art. 17, comma 6, DPR 633/1972", "Circolare AdE n. 14/E");
        assertThat(elements("expert_feedback", "improvement_suggestions", feedbackId)).containsExactlyElementsOf(AWKWARD);
        assertThat(readFeedback.getFeedbackTimestamp()).isEqualTo(row.getFeedbackTimestamp());

        ExpertFeedback empty = feedback.save(newFeedback(expert, FeedbackType.correct));
        assertThat(feedback.findById(empty.getId()).orElseThrow().getImprovementSuggestions()).isEmpty();
        assertThat(jdbc.queryForObject("""
                select improvement_suggestions = '{}' and regulatory_references = '{}' from expert_feedback
                where id = ?""", Boolean.class, empty.getId())).isTrue();

        FaqCandidate candidate = new FaqCandidate("Che cos'è lo split payment?", "È un meccanismo, \"scissione\".",
                expert, 0.75);
        candidate.setSuggestedTags(AWKWARD);
        candidate.setRegulatoryReferences(List.of());
        UUID candidateId = candidates.save(candidate).getId();
        FaqCandidate readCandidate = candidates.findById(candidateId).orElseThrow();
        assertThat(readCandidate.getSuggestedTags()).containsExactlyElementsOf(AWKWARD);
        assertThat(readCandidate.getRegulatoryReferences()).isEmpty();
        assertThat(readCandidate.getAnswer()).isEqualTo("È un meccanismo, \"scissione\".");
        assertThat(elements("expert_faq_candidates", "suggested_tags", candidateId)).containsExactlyElementsOf(AWKWARD);
        assertThat(jdbc.queryForObject("select regulatory_references = '{}' from expert_faq_candidates where id = ?",
                Boolean.class, candidateId)).isTrue();
    }

    @Test
    void rows_with_null_arrays_written_by_another_client_are_read_as_empty_lists() {
        // The seed's array columns are nullable: the assistant's own code may store NULL instead of '{}'.
        Integer user = testUsers.create("EXPERT").id();
        UUID profileId = jdbc.queryForObject("""
                insert into expert_profiles (user_id, credentials, credential_types, specializations)
                values (?, null, null, null) returning id""", UUID.class, user);
        ExpertProfile profile = profiles.findById(profileId).orElseThrow();
        assertThat(profile.getCredentials()).isEmpty();
        assertThat(profile.getCredentialTypes()).isEmpty();
        assertThat(profile.getSpecializations()).isEmpty();

        UUID feedbackId = jdbc.queryForObject("""
                insert into expert_feedback (query_id, expert_id, feedback_type, query_text, original_answer,
                    time_spent_seconds, improvement_suggestions, regulatory_references)
                values (gen_random_uuid(), ?, 'correct', 'q', 'a', 5, null, null) returning id""", UUID.class, profileId);
        ExpertFeedback readFeedback = feedback.findById(feedbackId).orElseThrow();
        assertThat(readFeedback.getImprovementSuggestions()).isEmpty();
        assertThat(readFeedback.getRegulatoryReferences()).isEmpty();

        UUID candidateId = jdbc.queryForObject("""
                insert into expert_faq_candidates (question, answer, suggested_tags, regulatory_references)
                values ('q', 'a', null, null) returning id""", UUID.class);
        FaqCandidate readCandidate = candidates.findById(candidateId).orElseThrow();
        assertThat(readCandidate.getSuggestedTags()).isEmpty();
        assertThat(readCandidate.getRegulatoryReferences()).isEmpty();
    }

    // ---------------------------------------------------------------- trigger-maintained columns

    @Test
    void updated_at_is_maintained_by_the_trigger_and_read_back_never_written_by_the_entities() throws Exception {
        for (Class<?> entity : List.of(ExpertProfile.class, ExpertFeedback.class, FaqCandidate.class)) {
            EntityPersister persister = entityManagerFactory.unwrap(SessionFactoryImplementor.class)
                    .getMappingMetamodel().getEntityDescriptor(entity);
            int index = Arrays.asList(persister.getPropertyNames()).indexOf("updatedAt");
            assertThat(index).as(entity.getSimpleName()).isNotNegative();
            assertThat(persister.getPropertyInsertability()[index]).as(entity.getSimpleName()).isFalse();
            assertThat(persister.getPropertyUpdateability()[index]).as(entity.getSimpleName()).isFalse();
        }

        ExpertProfile profile = newProfile();
        UUID expert = profile.getId();
        UUID feedbackId = feedback.save(newFeedback(expert, FeedbackType.correct)).getId();
        UUID candidateId = candidates.save(new FaqCandidate("Domanda", "Risposta", expert, 0.5)).getId();

        ExpertProfile p1 = profiles.findById(expert).orElseThrow();
        ExpertFeedback f1 = feedback.findById(feedbackId).orElseThrow();
        FaqCandidate c1 = candidates.findById(candidateId).orElseThrow();
        assertThat(p1.getUpdatedAt()).isNotNull().isEqualTo(dbUpdatedAt("expert_profiles", expert));
        assertThat(f1.getUpdatedAt()).isNotNull().isEqualTo(dbUpdatedAt("expert_feedback", feedbackId));
        assertThat(c1.getUpdatedAt()).isNotNull().isEqualTo(dbUpdatedAt("expert_faq_candidates", candidateId));
        assertThat(p1.getCreatedAt()).isNotNull();

        Thread.sleep(20);
        p1.setOrganization("Studio Bianchi & Associati");
        profiles.save(p1);
        f1.setActionTaken("risposta aggiornata");
        feedback.save(f1);
        c1.setSuggestedCategory("IVA");
        candidates.save(c1);

        ExpertProfile p2 = profiles.findById(expert).orElseThrow();
        ExpertFeedback f2 = feedback.findById(feedbackId).orElseThrow();
        FaqCandidate c2 = candidates.findById(candidateId).orElseThrow();
        assertThat(p2.getOrganization()).isEqualTo("Studio Bianchi & Associati");
        assertThat(p2.getUpdatedAt()).isAfter(p1.getUpdatedAt()).isEqualTo(dbUpdatedAt("expert_profiles", expert));
        assertThat(p2.getCreatedAt()).isEqualTo(p1.getCreatedAt());
        assertThat(f2.getActionTaken()).isEqualTo("risposta aggiornata");
        assertThat(f2.getUpdatedAt()).isAfter(f1.getUpdatedAt());
        assertThat(c2.getSuggestedCategory()).isEqualTo("IVA");
        assertThat(c2.getUpdatedAt()).isAfter(c1.getUpdatedAt());
    }

    private Instant dbUpdatedAt(String table, UUID id) {
        return jdbc.queryForObject("select updated_at from " + table + " where id = ?", OffsetDateTime.class, id)
                .toInstant();
    }
}
