package it.expertfeedback.security;

import com.fasterxml.jackson.annotation.JsonProperty;
import it.expertfeedback.base.api.DatabaseFailures;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/auth/login}: email and password in, bearer token out (DOMAIN.md §7);
 * {@code POST /api/v1/auth/password}: the signed-in account replaces its password (§10).
 */
@RestController
@RequestMapping("/api/v1/auth")
class AuthController {

    /**
     * One answer for a wrong password, an unknown email, a locked and a disabled account: telling them apart would
     * tell an attacker which emails have accounts.
     */
    // Said to every refused login alike: an account of the assistant's that signs in with Google or LinkedIn has no
    // password here (DOMAIN.md §11), and naming that only for those accounts would tell who has an account.
    static final String LOGIN_REFUSED = "Invalid email or password, or the account is temporarily locked."
            + " Accounts that sign in with Google or LinkedIn have no password here.";

    private final AuthenticationManager authenticationManager;
    private final TokenService tokens;
    private final RateLimits rateLimits;
    private final UserAccountService accounts;

    AuthController(AuthenticationManager authenticationManager, TokenService tokens, RateLimits rateLimits,
                   UserAccountService accounts) {
        this.authenticationManager = authenticationManager;
        this.tokens = tokens;
        this.rateLimits = rateLimits;
        this.accounts = accounts;
    }

    @PostMapping("/login")
    ResponseEntity<?> login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
        Optional<Duration> wait = rateLimits.tryLogin(http.getRemoteAddr(), request.email());
        if (wait.isPresent()) {
            return tooManyRequests(wait.get());
        }
        try {
            Authentication authentication = authenticationManager.authenticate(
                    UsernamePasswordAuthenticationToken.unauthenticated(request.email(), request.password()));
            TokenService.IssuedToken token = tokens.issue((AppUserPrincipal) authentication.getPrincipal());
            return ResponseEntity.ok(new LoginResponse(token.value(), "bearer", token.expiresInSeconds()));
        } catch (InternalAuthenticationServiceException failed) {
            // Loading the account failed (e.g. the database is down): that is not a wrong password.
            if (DatabaseFailures.isUnavailable(failed)) {
                throw failed;
            }
            throw new IllegalStateException("Loading the account failed", failed);
        } catch (AuthenticationException failed) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                    .body(ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, LOGIN_REFUSED));
        }
    }

    /**
     * The only call an account with a one-time password may make. 204 on success; every token of the account,
     * including the one used here, is then revoked: sign in again with the new password.
     */
    @PostMapping("/password")
    ResponseEntity<Void> changePassword(@RequestBody PasswordChangeRequest request) {
        accounts.changeOwnPassword(request.currentPassword(), request.newPassword());
        return ResponseEntity.noContent().build();
    }

    static ResponseEntity<ProblemDetail> tooManyRequests(Duration wait) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                "Too many requests; try again in " + RateLimits.retryAfterSeconds(wait) + " seconds.");
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(RateLimits.retryAfterSeconds(wait)))
                .body(problem);
    }

    record LoginRequest(@NotBlank String email, @NotBlank String password) {
    }

    record PasswordChangeRequest(String currentPassword, String newPassword) {
    }

    record LoginResponse(@JsonProperty("access_token") String accessToken,
                         @JsonProperty("token_type") String tokenType,
                         @JsonProperty("expires_in") long expiresIn) {
    }
}
