package it.expertfeedback.expert;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ExpertProfileRepository extends JpaRepository<ExpertProfile, UUID> {

    Optional<ExpertProfile> findByUserId(Integer userId);

    @Query("select count(e) from ExpertProfile e where e.active = true and e.verified = true")
    long countActiveAndVerified();
}
