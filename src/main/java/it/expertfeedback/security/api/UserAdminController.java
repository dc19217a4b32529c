package it.expertfeedback.security.api;

import it.expertfeedback.security.Role;
import it.expertfeedback.security.UserAccount;
import it.expertfeedback.security.UserAccountService;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Administrators' account listing over REST; the service enforces the ADMIN role. */
@RestController
@RequestMapping("/api/v1/admin/users")
class UserAdminController {

    private final UserAccountService users;

    UserAdminController(UserAccountService users) {
        this.users = users;
    }

    @GetMapping
    UserPage list(@RequestParam(defaultValue = "50") int limit, @RequestParam(defaultValue = "0") int offset) {
        int size = Math.clamp(limit, 1, 100);
        int page = Math.max(offset, 0) / size;
        Page<UserAccount> result = users.listUsers(PageRequest.of(page, size, Sort.by("id")));
        return new UserPage(result.getTotalElements(), size, page * size,
                result.map(UserSummary::of).getContent());
    }

    record UserPage(long totalCount, int limit, int offset, List<UserSummary> items) {
    }

    record UserSummary(Integer id, String email, String displayName, List<String> roles, boolean enabled) {
        static UserSummary of(UserAccount user) {
            return new UserSummary(user.getId(), user.getEmail(), user.getDisplayName(),
                    user.getRoles().stream().sorted().map(Role::name).toList(), user.isEnabled());
        }
    }
}
