package it.expertfeedback.inbox.ui;

import it.expertfeedback.base.ui.NavigationBadge;
import it.expertfeedback.inbox.InboxService;
import it.expertfeedback.security.CurrentUser;
import it.expertfeedback.security.Role;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** "Da revisionare 12": how many requests the signed-in expert could take now (counted up to 99). */
@Component
class InboxBadge implements NavigationBadge {

    static final int CAP = 99;

    private final InboxService inbox;

    InboxBadge(InboxService inbox) {
        this.inbox = inbox;
    }

    @Override
    public String path() {
        return InboxView.ROUTE;
    }

    @Override
    public Optional<String> forCurrentUser() {
        if (CurrentUser.get().filter(user -> user.hasRole(Role.EXPERT)).isEmpty()) {
            return Optional.empty();
        }
        long count = inbox.countAvailable(CAP + 1);
        return count == 0 ? Optional.empty() : Optional.of(count > CAP ? CAP + "+" : String.valueOf(count));
    }
}
