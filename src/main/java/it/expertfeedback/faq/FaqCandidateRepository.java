package it.expertfeedback.faq;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface FaqCandidateRepository extends JpaRepository<FaqCandidate, UUID> {

    long countByApprovalStatus(CandidateStatus approvalStatus);

    long countByExpertIdAndApprovalStatus(UUID expertId, CandidateStatus approvalStatus);

    /** The candidate, its row locked for the transaction (decisions, DD012). */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from FaqCandidate c where c.id = :id")
    Optional<FaqCandidate> findByIdForUpdate(UUID id);

    /**
     * The pending candidate that absorbs a repeat of its question, its row locked: taken under the question's
     * advisory lock, so it is still pending when the merge writes it (DD012).
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("""
            select c from FaqCandidate c where c.normalizedQuestion = :normalized and c.approvalStatus = it.expertfeedback.faq.CandidateStatus.pending
            order by c.createdAt, c.id limit 1""")
    Optional<FaqCandidate> lockPendingByNormalizedQuestion(String normalized);

    /** The pending candidate that absorbs a repeat of its question (oldest first, should there be two). */
    @Query("""
            select c from FaqCandidate c where c.normalizedQuestion = :normalized and c.approvalStatus = it.expertfeedback.faq.CandidateStatus.pending
            order by c.createdAt, c.id limit 1""")
    Optional<FaqCandidate> findPendingByNormalizedQuestion(String normalized);
}
