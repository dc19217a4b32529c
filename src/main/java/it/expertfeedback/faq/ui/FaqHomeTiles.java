package it.expertfeedback.faq.ui;

import it.expertfeedback.base.ui.HomeTiles;
import it.expertfeedback.base.ui.Tile;
import it.expertfeedback.faq.CandidateReviewService;
import it.expertfeedback.faq.FaqProposalService;
import it.expertfeedback.security.AppUserPrincipal;
import it.expertfeedback.security.CurrentUser;
import it.expertfeedback.security.Role;
import java.util.List;
import org.springframework.stereotype.Component;

/** Home page: pending FAQ candidates, the firm's for reviewers and admins, those from their own feedback for an expert. */
@Component
class FaqHomeTiles implements HomeTiles {

    private final CandidateReviewService review;
    private final FaqProposalService proposals;

    FaqHomeTiles(CandidateReviewService review, FaqProposalService proposals) {
        this.review = review;
        this.proposals = proposals;
    }

    @Override
    public List<Tile> forCurrentUser() {
        AppUserPrincipal user = CurrentUser.require();
        if (user.hasRole(Role.REVIEWER) || user.hasRole(Role.ADMIN)) {
            return List.of(new Tile("home-pending", "home.pending-candidates", review.countPendingCandidates()));
        }
        if (user.hasRole(Role.EXPERT)) {
            return List.of(new Tile("home-pending", "home.my-pending-candidates", proposals.countMyPendingCandidates()));
        }
        return List.of();
    }

    @Override
    public int order() {
        return 30;
    }
}
