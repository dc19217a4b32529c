package it.expertfeedback.expert;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface ExpertProfileRepository extends JpaRepository<ExpertProfile, UUID> {

    Optional<ExpertProfile> findByUserId(Integer userId);

    @Query("select count(e) from ExpertProfile e where e.active = true and e.verified = true")
    long countActiveAndVerified();

    /** Row-locks the profile: an expert's submissions and recomputes happen one after the other. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select e from ExpertProfile e where e.userId = :userId")
    Optional<ExpertProfile> findByUserIdForUpdate(Integer userId);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select e from ExpertProfile e where e.id = :id")
    Optional<ExpertProfile> findByIdForUpdate(UUID id);
}
