package it.expertfeedback.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The API's per-token limit, after the token was checked (so forged tokens cannot fill the buckets). Not a bean:
 * Spring Boot would also register a filter bean for every request outside the API chain.
 */
class ApiRateLimitFilter extends OncePerRequestFilter {

    private final RateLimits rateLimits;
    private final ProblemSecurityHandlers problems;

    ApiRateLimitFilter(RateLimits rateLimits, ProblemSecurityHandlers problems) {
        this.rateLimits = rateLimits;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (caller != null && caller.isAuthenticated() && !(caller instanceof BearerTokenAuthenticationToken)
                && header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            Optional<Duration> wait = rateLimits.tryApiCall(header.substring(7).trim());
            if (wait.isPresent()) {
                problems.tooManyRequests(request, response, wait.get());
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
