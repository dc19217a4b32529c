package it.expertfeedback.base.api;

import it.expertfeedback.base.i18n.AppI18NProvider;
import it.expertfeedback.base.validation.ConflictException;
import it.expertfeedback.base.validation.FieldProblem;
import it.expertfeedback.base.validation.InvalidInputException;
import it.expertfeedback.base.validation.NotAllowedException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every REST error as application/problem+json (RFC 9457). Validation answers 422 with an {@code errors}
 * map of field name to message, so a client can show each message next to its field.
 *
 * <p>Not limited to {@code @RestController} beans: a wrong method (405), an unknown path (404) or an unsupported
 * media type (415) is found before any controller is chosen, and an advice limited to controllers never sees it.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final AppI18NProvider i18n;

    ApiExceptionHandler(AppI18NProvider i18n) {
        this.i18n = i18n;
    }

    private String english(FieldProblem problem) {
        return i18n.getTranslation(problem.messageKey(), AppI18NProvider.ENGLISH, problem.argsArray());
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException exception,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldError error : exception.getBindingResult().getFieldErrors()) {
            errors.putIfAbsent(error.getField(), error.getDefaultMessage());
        }
        return ResponseEntity.unprocessableContent().body(validationProblem(errors));
    }

    @ExceptionHandler(ApiValidationException.class)
    ResponseEntity<ProblemDetail> invalid(ApiValidationException exception) {
        return ResponseEntity.unprocessableContent().body(validationProblem(exception.errors()));
    }

    /**
     * A body that is not JSON, or a field of the wrong kind ("abc" for a number, a malformed UUID): 422 naming
     * the field when Jackson knows it, so clients get the same shape as for any other invalid field.
     */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException exception,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        String field = "body";
        Throwable cause = exception.getCause();
        if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
            JacksonException.Reference last = jackson.getPath().getLast();
            field = last.getPropertyName() != null ? last.getPropertyName() : field;
        }
        return ResponseEntity.unprocessableContent().body(validationProblem(Map.of(field,
                i18n.getTranslation("validation.unreadable", AppI18NProvider.ENGLISH))));
    }

    /** Service rule violations: the same rules as the browser's, messages in English for API clients. */
    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalidInput(InvalidInputException exception) {
        Map<String, String> errors = new LinkedHashMap<>();
        exception.problems().forEach((field, problem) -> errors.put(field, english(problem)));
        return ResponseEntity.unprocessableContent().body(validationProblem(errors));
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ProblemDetail> conflict(ConflictException exception) {
        return problem(HttpStatus.CONFLICT,
                i18n.getTranslation(exception.messageKey(), AppI18NProvider.ENGLISH, exception.args()));
    }

    @ExceptionHandler(ObjectOptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> concurrentChange(ObjectOptimisticLockingFailureException exception) {
        return problem(HttpStatus.CONFLICT, i18n.getTranslation("error.concurrent-change", AppI18NProvider.ENGLISH));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException exception) {
        return problem(HttpStatus.NOT_FOUND, exception.getMessage());
    }

    @ExceptionHandler(NotAllowedException.class)
    ResponseEntity<ProblemDetail> notAllowed(NotAllowedException exception) {
        return problem(HttpStatus.FORBIDDEN, i18n.getTranslation(exception.messageKey(), AppI18NProvider.ENGLISH));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> forbidden(AccessDeniedException exception) {
        return problem(HttpStatus.FORBIDDEN, "Your role does not allow this operation.");
    }

    @ExceptionHandler(AuthenticationCredentialsNotFoundException.class)
    ResponseEntity<ProblemDetail> unauthenticated(AuthenticationCredentialsNotFoundException exception) {
        return problem(HttpStatus.UNAUTHORIZED, "Authentication required: send a valid bearer token.");
    }

    /** The pool could not get a connection in time, or the server went away: the client may retry. */
    @ExceptionHandler({CannotCreateTransactionException.class, DataAccessResourceFailureException.class})
    ResponseEntity<ProblemDetail> databaseUnavailable(Exception exception, HttpServletRequest request) throws Exception {
        if (!isApi(request)) {
            throw exception;
        }
        log.warn("{} {}: database unavailable: {}", request.getMethod(), request.getRequestURI(), exception.toString());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, ProblemResponses.DATABASE_RETRY_AFTER_SECONDS)
                .body(ProblemResponses.databaseUnavailable());
    }

    /**
     * Anything else. A database refusal of a request value (a date beyond PostgreSQL's range, a NUL in a text) is
     * the client's to fix: 422. The rest is our fault: 500 with a correlation id that is also in the log, and
     * nothing of the exception in the answer.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception exception, HttpServletRequest request) throws Exception {
        if (!isApi(request)) {
            throw exception;
        }
        if (DatabaseFailures.isUnavailable(exception)) {
            return databaseUnavailable(exception, request);
        }
        if (exception instanceof DataAccessException && DatabaseFailures.isRejectedValue(exception)) {
            log.info("{} {}: value refused by the database: {}", request.getMethod(), request.getRequestURI(),
                    ((DataAccessException) exception).getMostSpecificCause().getMessage());
            return ResponseEntity.unprocessableContent().body(validationProblem(Map.of("request",
                    "A value of the request is out of range or contains a character that is not allowed.")));
        }
        log.error("{} {} failed [correlation_id={}]", request.getMethod(), request.getRequestURI(),
                MDC.get(ProblemResponses.CORRELATION_ID), exception);
        return ResponseEntity.internalServerError().body(ProblemResponses.unexpected());
    }

    private static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/api") || path.startsWith("/api/");
    }

    static ProblemDetail validationProblem(Map<String, String> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                "The request has invalid fields.");
        problem.setTitle("Validation failed");
        problem.setProperty("errors", errors);
        return problem;
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
        return ResponseEntity.status(status).body(ProblemDetail.forStatusAndDetail(status, detail));
    }
}
