package it.expertfeedback.expert;

import it.expertfeedback.security.CurrentUser;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The expert feature's door: profiles, credentials and trust. */
@Service
@Transactional(readOnly = true)
public class ExpertService {

    /** Grid columns that may be sorted on, mapped to SQL columns (never user text into ORDER BY). */
    private static final java.util.Map<String, String> SORTABLE = java.util.Map.of(
            "displayName", "u.display_name",
            "trustScore", "e.trust_score",
            "experienceYears", "e.experience_years",
            "feedbackCount", "e.feedback_count");

    private final ExpertProfileRepository profiles;

    ExpertService(ExpertProfileRepository profiles) {
        this.profiles = profiles;
    }

    @PreAuthorize("isAuthenticated()")
    public long countActiveVerifiedExperts() {
        return profiles.countActiveAndVerified();
    }

    /** The signed-in user's expert profile, if they have one. */
    @PreAuthorize("isAuthenticated()")
    public Optional<ExpertProfile> findProfileOfCurrentUser() {
        return profiles.findByUserId(CurrentUser.requireId());
    }

    /** The directory, one page at a time; trust descending unless another sort is asked for. */
    @PreAuthorize("hasAnyRole('REVIEWER', 'ADMIN')")
    public Page<ExpertListRow> listExperts(Pageable pageable) {
        Sort sort = Sort.unsorted();
        for (Sort.Order order : pageable.getSort()) {
            String column = SORTABLE.get(order.getProperty());
            if (column != null) {
                sort = sort.and(Sort.by(order.getDirection(), column));
            }
        }
        if (sort.isUnsorted()) {
            sort = Sort.by(Sort.Direction.DESC, "e.trust_score");
        }
        return profiles.findRows(PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(), sort));
    }
}
