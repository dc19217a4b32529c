package it.expertfeedback.expert.api;

import it.expertfeedback.base.api.NotFoundException;
import it.expertfeedback.expert.ExpertService;
import it.expertfeedback.security.AppUserPrincipal;
import it.expertfeedback.security.CurrentUser;
import it.expertfeedback.security.Role;
import java.util.Comparator;
import java.util.List;
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
        return experts.findProfileOfCurrentUser()
                .map(profile -> ExpertProfileResponse.of(profile, originalRole(caller),
                        roles.stream().map(Role::name).toList()))
                .orElseThrow(() -> new NotFoundException("You have no expert profile"));
    }

    /**
     * "role" in the original system's vocabulary, which the assistant's client reads to show the verdict buttons
     * (§9): admin for an ADMIN, super_user for an account holding EXPERT, else user. Ours are in "roles".
     */
    static String originalRole(AppUserPrincipal caller) {
        if (caller.hasRole(Role.ADMIN)) {
            return "admin";
        }
        return caller.hasRole(Role.EXPERT) ? "super_user" : "user";
    }
}
