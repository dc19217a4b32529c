package it.expertfeedback.base.api;

import static org.assertj.core.api.Assertions.assertThat;

import it.expertfeedback.support.Api;
import it.expertfeedback.support.IntegrationTest;
import it.expertfeedback.support.TestUsers;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** DOMAIN.md §10: errors under /api are always problem+json with an honest status, over real HTTP. */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ApiErrorsTest {

    private static final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    TestUsers testUsers;

    String adminToken;

    @BeforeEach
    void signIn() {
        TestUsers.Created admin = testUsers.create("ADMIN", "REVIEWER", "EXPERT");
        adminToken = new Api(port).token(admin.email(), TestUsers.PASSWORD);
    }

    static Stream<Arguments> errorTable() {
        String feedback = "{\"query_id\":\"5f1b7c1e-5a0e-4a57-9d57-0c3c9a0b1a11\",\"feedback_type\":\"correct\","
                + "\"query_text\":\"Aliquota IVA?\",\"original_answer\":\"22%\",\"confidence_score\":0.5}";
        return Stream.of(
                row("unknown path", "GET", "/api/v1/no-such-thing", null, null, List.of(404)),
                row("unknown path below a known one", "GET", "/api/v1/faq/no/such/thing", null, null, List.of(404)),
                row("wrong method", "DELETE", "/api/v1/faq", null, null, List.of(405)),
                row("GET on a POST-only path", "GET", "/api/v1/auth/login", null, null, List.of(405)),
                row("unreadable JSON body", "POST", "/api/v1/expert-feedback/submit", "application/json",
                        "{\"query_id\": ", List.of(400, 422)),
                row("unsupported media type", "POST", "/api/v1/expert-feedback/submit", "text/plain", feedback,
                        List.of(415)),
                row("updated_since beyond year 9999", "GET", "/api/v1/faq?updated_since=%2B300000-01-01T00:00:00Z",
                        null, null, List.of(400, 422)),
                row("updated_since beyond year 9999 (JSONL export)", "GET",
                        "/api/v1/faq/export.jsonl?updated_since=%2B300000-01-01T00:00:00Z", null, null, List.of(400, 422)),
                row("analytics from before year 1", "GET", "/api/v1/analytics/summary?from=-5000-01-01&to=2026-01-31",
                        null, null, List.of(400, 422)),
                row("a null credential type", "POST", "/api/v1/admin/experts", "application/json",
                        "{\"email\":\"null-credential@efs.test\",\"display_name\":\"Null\",\"credential_types\":[null]}",
                        List.of(400, 422)),
                row("NUL character in the FAQ search", "GET", "/api/v1/faq?q=%00", null, null, List.of(400, 422)),
                row("NUL character in the expert search", "GET", "/api/v1/admin/experts?q=a%00b", null, null,
                        List.of(400, 422)),
                row("NUL character in a JSON text", "POST", "/api/v1/expert-feedback/submit", "application/json",
                        feedback.replace("Aliquota IVA?", "Aliquota\\u0000IVA?"), List.of(400, 422)),
                row("malformed id in the path", "GET", "/api/v1/expert-feedback/not-a-uuid", null, null,
                        List.of(400, 422)),
                row("number where a number is expected is not", "GET", "/api/v1/faq?limit=abc", null, null,
                        List.of(400, 422)));
    }

    private static Arguments row(String name, String method, String path, String contentType, String body,
                                 List<Integer> allowed) {
        return Arguments.of(name, method, path, contentType, body, allowed);
    }

    @ParameterizedTest(name = "{0}: {1} {2}")
    @MethodSource("errorTable")
    void each_error_is_an_honest_problem_json(String name, String method, String path, String contentType, String body,
                                              List<Integer> allowed) throws Exception {
        HttpResponse<String> response = send(method, path, contentType, body, adminToken);

        assertThat(response.statusCode()).as(name + ": " + response.body()).isIn(allowed);
        assertProblem(response, response.statusCode());
        assertThat(response.headers().firstValue("Location")).isEmpty();
    }

    @Test
    void an_unexpected_failure_is_500_with_a_correlation_id_that_is_in_the_log_and_no_internals(CapturedOutput output)
            throws Exception {
        HttpResponse<String> response = send("GET", "/api/v1/test-only/fail", null, null, adminToken);

        assertThat(response.statusCode()).isEqualTo(500);
        JsonNode problem = assertProblem(response, 500);
        String correlationId = problem.get("correlation_id").asString();
        assertThat(correlationId).isNotBlank();
        assertThat(response.headers().firstValue("X-Correlation-Id")).hasValue(correlationId);
        assertThat(response.body()).doesNotContain("SecretInternals", "hunter2", "IllegalStateException");
        assertThat(output.getAll()).contains(correlationId).contains(FailingEndpointForTests.SECRET_DETAIL);
    }

    @Test
    void an_unknown_path_without_a_token_is_401_problem_json_not_the_vaadin_page() throws Exception {
        HttpResponse<String> response = send("GET", "/api/v1/no-such-thing", null, null, null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertProblem(response, 401);
    }

    private static JsonNode assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception", "org.postgresql", "SQL");
        return problem;
    }

    private HttpResponse<String> send(String method, String path, String contentType, String body, String token)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
