package it.expertfeedback.expert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.expertfeedback.base.validation.ConflictException;
import it.expertfeedback.base.validation.InvalidInputException;
import it.expertfeedback.security.Role;
import it.expertfeedback.support.IntegrationTest;
import it.expertfeedback.support.SignedIn;
import it.expertfeedback.support.TestUsers;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

@IntegrationTest
class ExpertServiceTest {

    @Autowired
    ExpertService experts;

    @Autowired
    TestUsers testUsers;

    @Autowired
    JdbcTemplate jdbc;

    SignedIn admin;

    @BeforeEach
    void signInAsAdmin() {
        admin = SignedIn.as(testUsers.create("ADMIN"), Role.ADMIN);
    }

    @AfterEach
    void signOut() {
        admin.close();
    }

    private static ExpertDraft draft(List<CredentialType> types, int years, List<String> specializations) {
        return new ExpertDraft(types, List.of("Iscritto all'ODCEC"), years, specializations, "AB-123", "Studio Rossi",
                "Milano");
    }

    private ExpertProfile newProfile(List<CredentialType> types, int years, List<String> specializations) {
        return experts.createProfile(testUsers.create().id(), draft(types, years, specializations));
    }

    @Test
    void recompute_derives_metrics_from_feedback_rows_and_is_idempotent() {
        ExpertProfile profile = newProfile(List.of(CredentialType.dottore_commercialista), 15, List.of("IVA", "Lavoro", "730"));
        experts.verify(profile.getId());
        // 20 judged (18 upheld) + 2 not judged, all 180 s: fixture 2 of DOMAIN.md §3 on real rows.
        for (int i = 0; i < 22; i++) {
            String verdict = i < 18 ? "upheld" : i < 20 ? "overturned" : null;
            jdbc.update("""
                    insert into expert_feedback (query_id, expert_id, feedback_type, query_text, original_answer,
                        time_spent_seconds, review_verdict)
                    values (?, ?, 'correct', 'Domanda', 'Risposta', 180, ?)""", UUID.randomUUID(), profile.getId(), verdict);
        }
        TrustScore.Breakdown first = experts.recompute(profile.getId(), "recomputed");
        Map<String, Object> rowAfterFirst = profileRow(profile.getId());
        int historyAfterFirst = historyRows(profile.getId());
        TrustScore.Breakdown second = experts.recompute(profile.getId(), "recomputed");

        assertThat(second).isEqualTo(first);
        assertThat(profileRow(profile.getId())).isEqualTo(rowAfterFirst);
        assertThat(historyRows(profile.getId())).isEqualTo(historyAfterFirst);
        assertThat(rowAfterFirst.get("feedback_count")).isEqualTo(22);
        assertThat((Double) rowAfterFirst.get("feedback_accuracy_rate")).isEqualTo(0.9);
        assertThat(rowAfterFirst.get("average_response_time_seconds")).isEqualTo(180);
        // 0.30 + 0.1875 + 0.30*19/22 + 0.10 + 0.03
        assertThat((Double) rowAfterFirst.get("trust_score")).isEqualTo(0.8766);
    }

    @Test
    void verification_credentials_and_experience_change_trust_and_are_audited() {
        ExpertProfile profile = newProfile(List.of(CredentialType.dottore_commercialista), 0, List.of());
        UUID id = profile.getId();
        assertThat(trust(id)).isEqualTo(0.2000); // unverified: 0 + 0 + 0.15 + 0.05 + 0

        experts.verify(id);
        assertThat(trust(id)).isEqualTo(0.5000); // fixture 1
        assertThat(jdbc.queryForObject("select verified_by is not null and verification_date is not null from expert_profiles where id = ?",
                Boolean.class, id)).isTrue();

        ExpertProfile current = experts.getDetails(id).profile();
        experts.updateProfile(id, draft(List.of(CredentialType.dottore_commercialista, CredentialType.revisore_legale),
                8, List.of()), current.getVersion());
        assertThat(trust(id)).isEqualTo(0.65);

        experts.unverify(id);
        assertThat(trust(id)).isEqualTo(0.30);

        assertThat(auditActions(id)).containsExactly("created", "verified", "updated", "unverified");
        String updateAfter = jdbc.queryForObject("""
                select after_state::text from audit_log where entity_type = 'expert_profile' and entity_id = ? and action = 'updated'""",
                String.class, id.toString());
        assertThat(updateAfter).contains("revisore_legale").contains("\"experience_years\": 8");
        assertThat(historyRows(id)).isEqualTo(4);
        assertThat(experts.getDetails(id).history()).extracting(TrustHistoryEntry::reason)
                .containsExactly("unverified", "updated", "verified", "created");
    }

    @Test
    void invalid_input_writes_nothing_and_names_the_fields() {
        TestUsers.Created user = testUsers.create();
        ExpertDraft invalid = new ExpertDraft(List.of(), List.of(), 71, List.of(), "x".repeat(51), "o".repeat(201),
                "c".repeat(101));
        long auditBefore = auditCount();

        assertThatThrownBy(() -> experts.createProfile(user.id(), invalid))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).containsOnlyKeys(
                        "experience_years", "professional_registration_number", "organization", "location_city"));
        assertThat(jdbc.queryForObject("select count(*) from expert_profiles where user_id = ?", Integer.class, user.id())).isZero();
        assertThat(auditCount()).isEqualTo(auditBefore);

        String email = "nuovo-" + UUID.randomUUID() + "@efs.test";
        assertThatThrownBy(() -> experts.createUserAndProfile(email, "Nuovo Esperto", invalid))
                .isInstanceOf(InvalidInputException.class);
        assertThat(jdbc.queryForObject("select count(*) from \"user\" where email = ?", Integer.class, email)).isZero();
    }

    @Test
    void a_second_profile_for_the_same_user_is_a_conflict() {
        TestUsers.Created user = testUsers.create();
        experts.createProfile(user.id(), ExpertDraft.empty());
        assertThatThrownBy(() -> experts.createProfile(user.id(), ExpertDraft.empty()))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("expert.error.duplicate-profile"));
        assertThat(jdbc.queryForObject("select count(*) from expert_profiles where user_id = ?", Integer.class, user.id())).isOne();
        assertThat(jdbc.queryForList("select role from user_role where user_id = ?", String.class, user.id())).contains("EXPERT");
    }

    @Test
    void a_stale_edit_is_refused_instead_of_overwriting() {
        ExpertProfile profile = newProfile(List.of(), 3, List.of());
        long openedOn = experts.getDetails(profile.getId()).profile().getVersion();
        experts.updateProfile(profile.getId(), draft(List.of(), 4, List.of()), openedOn);
        assertThatThrownBy(() -> experts.updateProfile(profile.getId(), draft(List.of(), 5, List.of()), openedOn))
                .isInstanceOf(ConflictException.class);
        assertThat(experts.getDetails(profile.getId()).profile().getExperienceYears()).isEqualTo(4);
    }

    @Test
    void deactivated_or_unverified_experts_may_not_submit() {
        ExpertProfile profile = newProfile(List.of(CredentialType.caf_operator), 2, List.of());
        assertThat(experts.getDetails(profile.getId()).profile().maySubmitFeedback()).isFalse();
        experts.verify(profile.getId());
        assertThat(experts.getDetails(profile.getId()).profile().maySubmitFeedback()).isTrue();
        experts.setActive(profile.getId(), false);
        assertThat(experts.getDetails(profile.getId()).profile().maySubmitFeedback()).isFalse();
        assertThat(auditActions(profile.getId())).endsWith("deactivated");
    }

    @Test
    void filters_and_sorting_return_the_right_rows_from_the_database() {
        String tag = "Tag-" + UUID.randomUUID().toString().substring(0, 6);
        ExpertProfile low = newProfile(List.of(CredentialType.caf_operator), 1, List.of(tag));
        ExpertProfile high = newProfile(List.of(CredentialType.dottore_commercialista), 20, List.of(tag, "IVA"));
        ExpertProfile other = newProfile(List.of(CredentialType.revisore_legale), 5, List.of(tag));
        experts.verify(high.getId());
        experts.verify(other.getId());
        experts.setActive(other.getId(), false);

        ExpertFilter byTag = ExpertFilter.none().withSpecialization(tag);
        assertThat(experts.countExperts(byTag)).isEqualTo(3);
        assertThat(ids(experts.findExperts(byTag, PageRequest.of(0, 10)))) // trust descending by default
                .containsExactly(high.getId(), other.getId(), low.getId());
        assertThat(ids(experts.findExperts(byTag, PageRequest.of(0, 10, Sort.by("experienceYears")))))
                .containsExactly(low.getId(), other.getId(), high.getId());
        assertThat(ids(experts.findExperts(byTag.withCredentialType(CredentialType.caf_operator), PageRequest.of(0, 10))))
                .containsExactly(low.getId());
        assertThat(ids(experts.findExperts(byTag.withVerified(true).withActive(true), PageRequest.of(0, 10))))
                .containsExactly(high.getId());
        assertThat(ids(experts.findExperts(byTag.withActive(false), PageRequest.of(0, 10)))).containsExactly(other.getId());
        assertThat(ids(experts.findExperts(byTag.withMinTrust(0.6), PageRequest.of(0, 10)))).containsExactly(high.getId());
        assertThat(ids(experts.findExperts(byTag.withText("Studio Ross"), PageRequest.of(0, 10)))).hasSize(3);
        assertThat(experts.countExperts(byTag.withText("nessuno-si-chiama-cosi"))).isZero();

        // Paging reads only the requested page, and pages never overlap.
        List<ExpertRow> page1 = experts.findExperts(byTag, PageRequest.of(0, 2));
        List<ExpertRow> page2 = experts.findExperts(byTag, PageRequest.of(1, 2));
        assertThat(page1).hasSize(2);
        assertThat(page2).hasSize(1);
        assertThat(ids(page1)).doesNotContainAnyElementsOf(ids(page2));
    }

    @Test
    void find_by_trust_returns_active_verified_experts_best_first_using_the_seed_indexes() {
        String tag = "Trust-" + UUID.randomUUID().toString().substring(0, 6);
        ExpertProfile a = newProfile(List.of(CredentialType.dottore_commercialista), 20, List.of(tag));
        ExpertProfile b = newProfile(List.of(CredentialType.caf_operator), 1, List.of(tag));
        ExpertProfile unverified = newProfile(List.of(CredentialType.revisore_legale), 20, List.of(tag));
        experts.verify(a.getId());
        experts.verify(b.getId());

        List<ExpertRow> found = experts.findExpertsByTrust(tag, 10);
        assertThat(ids(found)).containsExactly(a.getId(), b.getId()).doesNotContain(unverified.getId());
        List<ExpertRow> all = experts.findExpertsByTrust(null, 100);
        assertThat(all).allMatch(row -> row.active() && row.verified());
        assertThat(all).extracting(ExpertRow::trustScore).isSortedAccordingTo((x, y) -> Double.compare(y, x));
    }

    @Test
    void a_reviewer_reads_the_directory_but_the_service_refuses_every_edit() {
        ExpertProfile profile = newProfile(List.of(), 1, List.of());
        admin.close();
        try (SignedIn reviewer = SignedIn.as(testUsers.create("REVIEWER"), Role.REVIEWER)) {
            assertThat(experts.countExperts(ExpertFilter.none())).isPositive();
            assertThat(experts.getDetails(profile.getId()).trust()).isNotNull();
            assertThatThrownBy(() -> experts.verify(profile.getId())).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> experts.updateProfile(profile.getId(), ExpertDraft.empty(), null))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> experts.setActive(profile.getId(), false)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> experts.createProfile(testUsers.create().id(), ExpertDraft.empty()))
                    .isInstanceOf(AccessDeniedException.class);
        }
        try (SignedIn expert = SignedIn.as(testUsers.create("EXPERT"), Role.EXPERT)) {
            assertThatThrownBy(() -> experts.findExperts(ExpertFilter.none(), PageRequest.of(0, 5)))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> experts.getDetails(profile.getId())).isInstanceOf(AccessDeniedException.class);
        }
        admin = SignedIn.as(testUsers.create("ADMIN"), Role.ADMIN);
    }

    private static List<UUID> ids(List<ExpertRow> rows) {
        return rows.stream().map(ExpertRow::id).toList();
    }

    private double trust(UUID id) {
        return jdbc.queryForObject("select trust_score from expert_profiles where id = ?", Double.class, id);
    }

    private Map<String, Object> profileRow(UUID id) {
        return jdbc.queryForMap("""
                select feedback_count, feedback_accuracy_rate, average_response_time_seconds, trust_score
                from expert_profiles where id = ?""", id);
    }

    private int historyRows(UUID id) {
        return jdbc.queryForObject("select count(*) from expert_trust_history where expert_id = ?", Integer.class, id);
    }

    private List<String> auditActions(UUID id) {
        return jdbc.queryForList("select action from audit_log where entity_type = 'expert_profile' and entity_id = ? order by id",
                String.class, id.toString());
    }

    private long auditCount() {
        return jdbc.queryForObject("select count(*) from audit_log", Long.class);
    }
}
