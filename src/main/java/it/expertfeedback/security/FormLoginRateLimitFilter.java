package it.expertfeedback.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The same login limits for the browser's login form as for REST login: without them, password guessing across
 * many accounts would simply move to the form. Not a bean, for the reason given on {@link ApiRateLimitFilter}.
 */
class FormLoginRateLimitFilter extends OncePerRequestFilter {

    private final RateLimits rateLimits;

    FormLoginRateLimitFilter(RateLimits rateLimits) {
        this.rateLimits = rateLimits;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !(HttpMethod.POST.matches(request.getMethod())
                && request.getRequestURI().substring(request.getContextPath().length()).equals("/login"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Duration> wait = rateLimits.tryLogin(request.getRemoteAddr(), request.getParameter("username"));
        if (wait.isPresent()) {
            long seconds = RateLimits.retryAfterSeconds(wait.get());
            response.setStatus(429);
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
            response.setContentType("text/plain;charset=UTF-8");
            response.getOutputStream().write(("Troppi tentativi di accesso: riprova tra " + seconds + " secondi.\n"
                    + "Too many sign-in attempts: try again in " + seconds + " seconds.\n").getBytes(StandardCharsets.UTF_8));
            return;
        }
        chain.doFilter(request, response);
    }
}
