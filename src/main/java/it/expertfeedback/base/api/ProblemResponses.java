package it.expertfeedback.base.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.slf4j.MDC;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes application/problem+json straight to a servlet response, for errors that happen outside Spring MVC
 * (servlet filters, Spring Security, the container): the same shape the controller advice gives.
 */
public final class ProblemResponses {

    /** The MDC key (and problem property) naming one API request in the log and in its error answer. */
    public static final String CORRELATION_ID = "correlation_id";
    public static final String CORRELATION_HEADER = "X-Correlation-Id";
    /** Seconds a client should wait before retrying while the database is unavailable. */
    static final String DATABASE_RETRY_AFTER_SECONDS = "5";

    // The mix-in puts ProblemDetail's extra properties (errors, correlation_id) at the top level, as MVC does.
    private static final JsonMapper json = JsonMapper.builder()
            .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class).build();

    private ProblemResponses() {
    }

    public static ProblemDetail problem(HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        String correlationId = MDC.get(CORRELATION_ID);
        if (correlationId != null && status.is5xxServerError()) {
            problem.setProperty(CORRELATION_ID, correlationId);
        }
        return problem;
    }

    public static ProblemDetail databaseUnavailable() {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "The database is not reachable at the moment; try again shortly.");
    }

    public static ProblemDetail unexpected() {
        return problem(HttpStatus.INTERNAL_SERVER_ERROR,
                "An unexpected error occurred; quote the correlation_id when reporting it.");
    }

    public static void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        if (problem.getInstance() == null) {
            problem.setInstance(URI.create(request.getRequestURI()));
        }
        response.resetBuffer();
        response.setStatus(problem.getStatus());
        if (problem.getStatus() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
            response.setHeader(HttpHeaders.RETRY_AFTER, DATABASE_RETRY_AFTER_SECONDS);
        }
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
        response.flushBuffer();
    }
}
