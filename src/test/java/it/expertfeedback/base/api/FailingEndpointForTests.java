package it.expertfeedback.base.api;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A test-only endpoint that fails the way a bug would, so the 500 answer (correlation id, no internals) is tested
 * over real HTTP like every other error. It lives in the test sources only; the application never ships it.
 */
@RestController
class FailingEndpointForTests {

    static final String SECRET_DETAIL = "org.example.SecretInternals: password=hunter2 at row 42";

    @GetMapping("/api/v1/test-only/fail")
    String fail() {
        throw new IllegalStateException(SECRET_DETAIL);
    }
}
