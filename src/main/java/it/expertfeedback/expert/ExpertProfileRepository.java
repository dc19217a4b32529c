package it.expertfeedback.expert;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ExpertProfileRepository extends JpaRepository<ExpertProfile, UUID> {

    Optional<ExpertProfile> findByUserId(Integer userId);

    @Query("select count(e) from ExpertProfile e where e.active = true and e.verified = true")
    long countActiveAndVerified();

    @Query(value = """
            select e.id as id, u.display_name as displayName, u.email as email, e.organization as organization,
                   e.location_city as city, e.experience_years as experienceYears, e.trust_score as trustScore,
                   e.feedback_count as feedbackCount, e.is_verified as verified, e.is_active as active
            from expert_profiles e join "user" u on u.id = e.user_id
            """,
            countQuery = "select count(*) from expert_profiles",
            nativeQuery = true)
    Page<ExpertListRow> findRows(Pageable pageable);
}
