package it.expertfeedback.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * API keys on the REST chain (DOMAIN.md §8): a bearer value starting with {@code efs_ak_} is an API key, anything
 * else is left to the JWT resource server (which ignores API keys, see {@link ApiKeyAwareBearerTokenResolver}).
 * A key that is unknown, revoked or expired is a 401; a valid key reaches only the review-request endpoints and the
 * golden set (read), everything else is a 403 even before method security looks at it.
 * Not a bean: a Filter bean would be registered for every request, outside the security chain.
 */
final class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    private final ApiKeyService keys;
    private final ProblemSecurityHandlers problems;

    ApiKeyAuthenticationFilter(ApiKeyService keys, ProblemSecurityHandlers problems) {
        this.keys = keys;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = apiKeyOf(request);
        if (key == null) {
            chain.doFilter(request, response);
            return;
        }
        Optional<AssistantPrincipal> principal = keys.authenticate(key);
        if (principal.isEmpty()) {
            problems.commence(request, response, new BadCredentialsException("Unknown, revoked or expired API key"));
            return;
        }
        if (!assistantMayCall(request)) {
            problems.handle(request, response,
                    new AccessDeniedException("An API key reaches only the review-request and golden-set endpoints"));
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new ApiKeyAuthentication(principal.get()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    static String apiKeyOf(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String value = header.substring(7).strip();
        return value.startsWith(ApiKeyService.PREFIX) ? value : null;
    }

    private static boolean assistantMayCall(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals("/api/v1/review-requests") || path.startsWith("/api/v1/review-requests/")) {
            return true;
        }
        boolean goldenSet = path.equals("/api/v1/faq") || path.startsWith("/api/v1/faq/export");
        return goldenSet && HttpMethod.GET.matches(request.getMethod());
    }
}
