package it.expertfeedback.faq;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface FaqCandidateRepository extends JpaRepository<FaqCandidate, UUID> {

    long countByApprovalStatus(String approvalStatus);

    long countByExpertIdAndApprovalStatus(UUID expertId, String approvalStatus);
}
