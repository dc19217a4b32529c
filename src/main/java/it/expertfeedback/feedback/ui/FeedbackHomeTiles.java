package it.expertfeedback.feedback.ui;

import it.expertfeedback.base.ui.HomeTiles;
import it.expertfeedback.base.ui.Tile;
import it.expertfeedback.feedback.FeedbackService;
import it.expertfeedback.security.AppUserPrincipal;
import it.expertfeedback.security.CurrentUser;
import it.expertfeedback.security.Role;
import java.util.List;
import org.springframework.stereotype.Component;

/** Home page: feedback of the last 30 days, the firm's for reviewers and admins, their own for an expert. */
@Component
class FeedbackHomeTiles implements HomeTiles {

    static final int WINDOW_DAYS = 30;

    private final FeedbackService feedback;

    FeedbackHomeTiles(FeedbackService feedback) {
        this.feedback = feedback;
    }

    @Override
    public List<Tile> forCurrentUser() {
        AppUserPrincipal user = CurrentUser.require();
        if (user.hasRole(Role.REVIEWER) || user.hasRole(Role.ADMIN)) {
            return List.of(new Tile("home-feedback", "home.feedback-30d", feedback.countFeedbackOfLastDays(WINDOW_DAYS)));
        }
        if (user.hasRole(Role.EXPERT)) {
            return List.of(new Tile("home-feedback", "home.my-feedback-30d", feedback.countMyFeedbackOfLastDays(WINDOW_DAYS)));
        }
        return List.of();
    }

    @Override
    public int order() {
        return 20;
    }
}
