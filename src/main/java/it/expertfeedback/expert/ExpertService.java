package it.expertfeedback.expert;

import it.expertfeedback.security.CurrentUser;
import java.util.Optional;
import java.util.Set;
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

    /**
     * Grid columns that may be sorted on: the select aliases of the directory query (Spring Data leaves aliases
     * unqualified in ORDER BY). Anything else is ignored, so no caller text reaches the SQL.
     */
    private static final Set<String> SORTABLE = Set.of("displayName", "trustScore", "experienceYears", "feedbackCount");

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
            if (SORTABLE.contains(order.getProperty())) {
                sort = sort.and(Sort.by(order.getDirection(), order.getProperty()));
            }
        }
        if (sort.isUnsorted()) {
            sort = Sort.by(Sort.Direction.DESC, "trustScore");
        }
        sort = sort.and(Sort.by("id")); // a stable order across pages
        return profiles.findRows(PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(), sort));
    }
}
