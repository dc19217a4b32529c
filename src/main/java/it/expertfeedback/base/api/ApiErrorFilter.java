package it.expertfeedback.base.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.Enumeration;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The outermost filter of every /api request. Everything that escapes Spring MVC's error handling (an exception in
 * Spring Security such as a token check on a database that is down, a {@code sendError} of the container) would
 * otherwise go to the /error dispatch, which runs through the Vaadin filter chain and comes back as an empty 403
 * or a login redirect. Here it becomes problem+json instead, with a correlation id that is also in the log.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ApiErrorFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ApiErrorFilter.class);

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.equals("/api") || path.startsWith("/api/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String correlationId = UUID.randomUUID().toString();
        MDC.put(ProblemResponses.CORRELATION_ID, correlationId);
        response.setHeader(ProblemResponses.CORRELATION_HEADER, correlationId);
        try {
            if (hasControlCharacterInQuery(request)) {
                // PostgreSQL cannot store or compare a NUL, and no field of ours takes control characters.
                ProblemResponses.write(request, response, ApiExceptionHandler.validationProblem(Map.of(
                        "query", "Query parameters must not contain control characters.")));
                return;
            }
            chain.doFilter(request, new ProblemOnSendError(request, response));
        } catch (IOException | ServletException | RuntimeException failure) {
            if (response.isCommitted()) {
                log.error("API request {} {} failed after the answer started [correlation_id={}]",
                        request.getMethod(), request.getRequestURI(), correlationId, failure);
                throw failure;
            }
            if (DatabaseFailures.isUnavailable(failure)) {
                log.warn("API request {} {}: database unavailable [correlation_id={}]: {}",
                        request.getMethod(), request.getRequestURI(), correlationId, failure.toString());
                ProblemResponses.write(request, response, ProblemResponses.databaseUnavailable());
            } else {
                log.error("API request {} {} failed [correlation_id={}]",
                        request.getMethod(), request.getRequestURI(), correlationId, failure);
                ProblemResponses.write(request, response, ProblemResponses.unexpected());
            }
        } finally {
            MDC.remove(ProblemResponses.CORRELATION_ID);
        }
    }

    private static boolean hasControlCharacterInQuery(HttpServletRequest request) {
        Enumeration<String> names = request.getParameterNames();
        while (names.hasMoreElements()) {
            String name = names.nextElement();
            if (hasControlCharacter(name)) {
                return true;
            }
            for (String value : request.getParameterValues(name)) {
                if (hasControlCharacter(value)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean hasControlCharacter(String text) {
        return text != null && text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r');
    }

    /** Turns the container's or a framework's {@code sendError} into a problem+json body. */
    private static final class ProblemOnSendError extends HttpServletResponseWrapper {

        private final HttpServletRequest request;

        ProblemOnSendError(HttpServletRequest request, HttpServletResponse response) {
            super(response);
            this.request = request;
        }

        @Override
        public void sendError(int status) throws IOException {
            sendError(status, null);
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            if (isCommitted()) {
                super.sendError(status, message);
                return;
            }
            HttpStatus known = HttpStatus.resolve(status);
            HttpStatus answer = known != null ? known : HttpStatus.INTERNAL_SERVER_ERROR;
            // The message of sendError may carry internals (class names, SQL): only the standard phrase goes out.
            ProblemResponses.write(request, (HttpServletResponse) getResponse(), answer.is5xxServerError()
                    ? ProblemResponses.unexpected() : ProblemResponses.problem(answer, answer.getReasonPhrase()));
        }
    }
}
