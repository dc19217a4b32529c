package it.expertfeedback.feedback;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ExpertFeedbackRepository extends JpaRepository<ExpertFeedback, UUID> {

    @Query("select count(f) from ExpertFeedback f where f.feedbackTimestamp >= :since")
    long countSince(Instant since);

    @Query("select count(f) from ExpertFeedback f where f.expertId = :expertId and f.feedbackTimestamp >= :since")
    long countByExpertSince(UUID expertId, Instant since);

    boolean existsByExpertIdAndQueryId(UUID expertId, UUID queryId);

    /**
     * The current feedback of an expert on a query: on an adopted database the same pair may also have older rows
     * kept as superseded (V17), which a retry or a conflict must never be compared with.
     */
    @Query("select f from ExpertFeedback f where f.expertId = :expertId and f.queryId = :queryId and f.supersededAt is null")
    Optional<ExpertFeedback> findByExpertIdAndQueryId(UUID expertId, UUID queryId);

    Page<ExpertFeedback> findByExpertIdOrderByFeedbackTimestampDescIdDesc(UUID expertId, Pageable page);

    Page<ExpertFeedback> findByExpertIdAndFeedbackTypeOrderByFeedbackTimestampDescIdDesc(UUID expertId,
                                                                                        String typeCode, Pageable page);
}
