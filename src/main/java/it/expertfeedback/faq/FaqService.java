package it.expertfeedback.faq;

import it.expertfeedback.expert.ExpertService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The FAQ feature's door: candidates, decisions and the published golden set. */
@Service
@Transactional(readOnly = true)
public class FaqService {

    private final FaqCandidateRepository candidates;
    private final ExpertService experts;

    FaqService(FaqCandidateRepository candidates, ExpertService experts) {
        this.candidates = candidates;
        this.experts = experts;
    }

    @PreAuthorize("hasAnyRole('REVIEWER', 'ADMIN')")
    public long countPendingCandidates() {
        return candidates.countByApprovalStatus(FaqCandidate.STATUS_PENDING);
    }

    /** Pending candidates that came from the signed-in expert's feedback. */
    @PreAuthorize("hasRole('EXPERT')")
    public long countMyPendingCandidates() {
        return experts.findProfileOfCurrentUser()
                .map(profile -> candidates.countByExpertIdAndApprovalStatus(profile.getId(), FaqCandidate.STATUS_PENDING))
                .orElse(0L);
    }
}
