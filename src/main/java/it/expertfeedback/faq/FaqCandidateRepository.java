package it.expertfeedback.faq;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface FaqCandidateRepository extends JpaRepository<FaqCandidate, UUID> {

    long countByApprovalStatus(CandidateStatus approvalStatus);

    long countByExpertIdAndApprovalStatus(UUID expertId, CandidateStatus approvalStatus);

    /** The pending candidate that absorbs a repeat of its question (oldest first, should there be two). */
    @Query("""
            select c from FaqCandidate c where c.normalizedQuestion = :normalized and c.approvalStatus = it.expertfeedback.faq.CandidateStatus.pending
            order by c.createdAt, c.id limit 1""")
    Optional<FaqCandidate> findPendingByNormalizedQuestion(String normalized);
}
