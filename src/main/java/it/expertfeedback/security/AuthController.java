package it.expertfeedback.security;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import it.expertfeedback.base.api.DatabaseFailures;
import it.expertfeedback.base.validation.FieldProblem;
import it.expertfeedback.base.validation.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/auth/login}: email and password in (JSON, or the original's form), bearer and refresh token
 * out (DOMAIN.md §7, §9); {@code POST /api/v1/auth/refresh}: a refresh token for a new pair;
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

    @PostMapping(path = "/login", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
        return signIn(request.email(), request.password(), http);
    }

    /**
     * The original system's OAuth2 password-style form ({@code username}, {@code password},
     * {@code grant_type=password}), as urlencoded or multipart, which the assistant's existing client posts (§9).
     */
    @PostMapping(path = "/login", consumes = {MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            MediaType.MULTIPART_FORM_DATA_VALUE})
    ResponseEntity<?> formLogin(@RequestParam(required = false) String username,
                                @RequestParam(required = false) String password,
                                @RequestParam(name = "grant_type", required = false) String grantType,
                                HttpServletRequest http) {
        Map<String, FieldProblem> problems = new LinkedHashMap<>();
        if (username == null || username.isBlank()) {
            problems.put("username", FieldProblem.of("validation.required"));
        }
        if (password == null || password.isBlank()) {
            problems.put("password", FieldProblem.of("validation.required"));
        }
        if (grantType != null && !grantType.isBlank() && !"password".equals(grantType)) {
            problems.put("grant_type", FieldProblem.of("validation.one-of", "password"));
        }
        InvalidInputException.throwIfAny(problems);
        return signIn(username.strip(), password, http);
    }

    /** A refresh token for a new pair; the token is used up (single use), a second use is 401. */
    @PostMapping("/refresh")
    ResponseEntity<?> refresh(@RequestBody RefreshRequest request) {
        return tokens.refresh(request.refreshToken())
                .<ResponseEntity<?>>map(pair -> ResponseEntity.ok(LoginResponse.of(pair)))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(ProblemDetail.forStatusAndDetail(
                        HttpStatus.UNAUTHORIZED, "Invalid, expired or already used refresh token.")));
    }

    private ResponseEntity<?> signIn(String email, String password, HttpServletRequest http) {
        Optional<Duration> wait = rateLimits.tryLogin(http.getRemoteAddr(), email);
        if (wait.isPresent()) {
            return tooManyRequests(wait.get());
        }
        try {
            Authentication authentication = authenticationManager.authenticate(
                    UsernamePasswordAuthenticationToken.unauthenticated(email, password));
            TokenService.TokenPair pair = tokens.issuePair((AppUserPrincipal) authentication.getPrincipal());
            return ResponseEntity.ok(LoginResponse.of(pair));
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
    @ApiResponse(responseCode = "204", description = "Changed; every token of the account is revoked")
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

    record RefreshRequest(@JsonProperty("refresh_token") String refreshToken) {
    }

    record LoginResponse(@JsonProperty("access_token") String accessToken,
                         @JsonProperty("refresh_token") String refreshToken,
                         @JsonProperty("token_type") String tokenType,
                         @JsonProperty("expires_in") long expiresIn,
                         @JsonProperty("expires_at") Instant expiresAt) {

        static LoginResponse of(TokenService.TokenPair pair) {
            return new LoginResponse(pair.access().value(), pair.refreshToken(), "bearer",
                    pair.access().expiresInSeconds(), pair.access().expiresAt());
        }
    }
}
