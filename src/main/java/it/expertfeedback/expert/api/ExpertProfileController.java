package it.expertfeedback.expert.api;

import it.expertfeedback.base.api.NotFoundException;
import it.expertfeedback.expert.ExpertService;
import it.expertfeedback.security.AppUserPrincipal;
import it.expertfeedback.security.CurrentUser;
import it.expertfeedback.security.Role;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/expert-feedback/experts/me/profile}: the caller's own expert profile (DOMAIN.md §7). */
@RestController
@RequestMapping("/api/v1/expert-feedback/experts")
class ExpertProfileController {

    private final ExpertService experts;

    ExpertProfileController(ExpertService experts) {
        this.experts = experts;
    }

    @GetMapping("/me/profile")
    ExpertProfileResponse myProfile() {
        AppUserPrincipal caller = CurrentUser.require();
        List<Role> roles = caller.roles().stream().sorted(Comparator.reverseOrder()).toList();
        // "role" is the caller's highest role, for clients that know only one.
        String role = roles.isEmpty() ? null : roles.get(0).name().toLowerCase(Locale.ROOT);
        return experts.findProfileOfCurrentUser()
                .map(profile -> ExpertProfileResponse.of(profile, role,
                        roles.stream().map(r -> r.name().toLowerCase(Locale.ROOT)).toList()))
                .orElseThrow(() -> new NotFoundException("You have no expert profile"));
    }
}
