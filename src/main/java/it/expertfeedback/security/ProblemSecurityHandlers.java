package it.expertfeedback.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** 401 and 403 for the API as application/problem+json: an API client never gets a login page. */
@Component
class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final JsonMapper json;

    ProblemSecurityHandlers(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
                         AuthenticationException exception) throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer");
        write(request, response, HttpStatus.UNAUTHORIZED, "Authentication required: send a valid bearer token.");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response,
                       AccessDeniedException exception) throws IOException {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        boolean oneTimePassword = caller != null && caller.getAuthorities().stream()
                .anyMatch(authority -> BearerTokenAuthenticationConverter.ONE_TIME_PASSWORD.equals(authority.getAuthority()));
        write(request, response, HttpStatus.FORBIDDEN, oneTimePassword
                ? "This account still has a one-time password: change it first with POST /api/v1/auth/password "
                  + "{current_password, new_password}."
                : "Your role does not allow this operation.");
    }

    /** 429 with Retry-After, for the API's per-token limit. */
    void tooManyRequests(HttpServletRequest request, HttpServletResponse response, Duration wait) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(RateLimits.retryAfterSeconds(wait)));
        write(request, response, HttpStatus.TOO_MANY_REQUESTS,
                "Too many requests; try again in " + RateLimits.retryAfterSeconds(wait) + " seconds.");
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
                       String detail) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setInstance(java.net.URI.create(request.getRequestURI()));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
