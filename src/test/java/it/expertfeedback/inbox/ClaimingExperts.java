package it.expertfeedback.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import it.expertfeedback.security.Role;
import it.expertfeedback.support.SignedIn;
import it.expertfeedback.support.TestUsers;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/** Experts working the inbox through the service, for the view and dashboard tests of any package. */
public final class ClaimingExperts {

    private ClaimingExperts() {
    }

    /** A verified, active expert with exactly these specializations (the routing reads them). */
    public static TestUsers.Created withSpecializations(TestUsers users, JdbcTemplate jdbc, String... specializations) {
        TestUsers.Created user = users.createVerifiedExpert();
        jdbc.update("update expert_profiles set specializations = ? where user_id = ?", specializations, user.id());
        return user;
    }

    /** As the expert: claims until this query comes (passing on others), so it is theirs. */
    public static ClaimedRequest claimUntil(InboxService inbox, TestUsers.Created expert, UUID queryId) {
        try (SignedIn signedIn = SignedIn.as(expert, Role.EXPERT)) {
            for (int i = 0; i < 5000; i++) {
                Optional<ClaimedRequest> next = inbox.claimNext();
                assertThat(next).as("offered " + queryId).isPresent();
                if (next.get().queryId().equals(queryId)) {
                    return next.get();
                }
                inbox.skip(next.get().requestId(), "unclear", null);
            }
        }
        throw new AssertionError("never offered " + queryId);
    }
}
